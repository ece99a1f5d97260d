package org.erasure;

import java.util.function.LongConsumer;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.langevin.TimeStepError;
import org.erasure.langevin.TimeStepRefinement;
import org.erasure.rare.AmsTimeStep;
import org.erasure.model.ErasureProblem;
import org.erasure.rare.AdaptiveMultilevelSplitting;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsSettings;
import org.erasure.stats.ErasureTally;

/**
 * The entry point for other Java programs: one {@link ErasureProblem}, two engines.
 *
 * <pre>{@code
 * ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(8), KeyframeProtocol.fourStep(10, 0, 8));
 * MonteCarloResult mc = Erasure.simulate(p, MonteCarloSettings.of(p, 1e-3, 20_000, 1));
 * FokkerPlanckSolution fp = Erasure.solve(p, new FokkerPlanckSettings(2000, 10_000, 1, new double[0]));
 * }</pre>
 *
 * Both engines honour the whole problem (hold included) or refuse it with an
 * {@link org.erasure.model.UnsupportedProblemException}; both report ε at the end of the protocol and
 * after the hold.
 */
public final class Erasure {

    private Erasure() {
    }

    /**
     * A Monte Carlo estimate and the run that produced it.
     *
     * @param run   the run (problem, integrator, the grid actually run, trajectories, seed)
     * @param tally work, heat and error statistics with their standard errors and intervals
     */
    public record MonteCarloResult(LangevinRun run, ErasureTally tally) {

        /** The time-step error of every value, from the coupled paths at 2dt; null when it could not be estimated. */
        public TimeStepError timeStepError() {
            return TimeStepError.of(tally);
        }
    }

    /** Langevin Monte Carlo on all available cores (results do not depend on the thread count). */
    public static MonteCarloResult simulate(ErasureProblem problem, MonteCarloSettings settings) {
        return simulate(problem, settings, Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * @param threads  worker threads, positive
     * @param progress called with the number of trajectories just finished, or null
     */
    public static MonteCarloResult simulate(ErasureProblem problem, MonteCarloSettings settings, int threads,
                                            LongConsumer progress) {
        final TimeStepRefinement.Outcome o = simulateJudged(problem, settings, threads, progress);
        return new MonteCarloResult(o.run(), o.tally());
    }

    /**
     * Langevin Monte Carlo judged against the settings' time-step tolerance: with {@code dt: auto}
     * ({@link MonteCarloSettings#autoDt()}) the step is halved and the run repeated while the tolerance is not met
     * ({@link TimeStepRefinement}); a given step is run once.
     */
    public static TimeStepRefinement.Outcome simulateJudged(ErasureProblem problem, MonteCarloSettings settings,
                                                            int threads, LongConsumer progress) {
        return TimeStepRefinement.run(settings.run(problem), settings.tolerance(), settings.autoDt(),
                (r, main) -> LangevinMonteCarlo.run(r, threads, main ? progress : null));
    }

    /**
     * The splitting estimate with its time-step error: a second estimate at 2dt ({@link AmsTimeStep}); with
     * {@code dt: auto} the step is halved while ln ε changes by more than the tolerance.
     */
    public static AmsTimeStep.Outcome rareEventJudged(ErasureProblem problem, MonteCarloSettings settings,
                                                      AmsSettings ams, int threads) {
        return AmsTimeStep.estimate(settings.run(problem), ams, threads, settings.tolerance(), settings.autoDt());
    }

    /**
     * The error probability at the observation time by adaptive multilevel splitting: down to 1e-20 and
     * below with a standard error, for any dynamics the Monte Carlo engine runs, on its time grid and
     * integrator (the trajectories and seed of {@code settings} are not used; {@code ams} has its own seed).
     */
    public static AmsResult rareEvent(ErasureProblem problem, MonteCarloSettings settings, AmsSettings ams,
                                      int threads) {
        return AdaptiveMultilevelSplitting.estimate(settings.run(problem), ams, threads);
    }

    /** The Fokker–Planck solution with its numerical error (two resolutions). */
    public static FokkerPlanckSolution solve(ErasureProblem problem, FokkerPlanckSettings settings) {
        return FokkerPlanckEngine.solve(problem, settings);
    }
}
