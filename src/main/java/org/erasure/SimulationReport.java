package org.erasure;

import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.TimeStepRefinement;
import org.erasure.rare.AmsTimeStep;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.Histogram;
import org.erasure.stats.Recording;

/**
 * What {@link Erasure#simulate(ErasureRun, RunOptions)} returns: the Monte Carlo run judged against its time-step
 * tolerance, the splitting estimate where the run asked for one, the finite-time bound of the same protocol, what was
 * recorded, and the costs. The result writers of {@code io} turn it into the summary row and the terminal report.
 *
 * @param run                  the run as asked
 * @param monteCarlo           direct sampling with its time-step error ({@code dt: auto}'s last run)
 * @param splitting            the splitting estimate with its time-step error, or null
 * @param finiteTimeBound      the Fokker–Planck solution that gives ΔF + W₂²/τ, or null where the solver does not
 *                             apply (underdamped dynamics, a fixed start)
 * @param wallSeconds          wall time of the direct sampling (all its runs)
 * @param splittingWallSeconds wall time of the splitting, NaN without
 * @param particleSteps        particle-steps of every direct-sampling run made (the coupled paths aside)
 * @param recording            what was recorded of the reported run, or null
 * @param threads              worker threads used
 */
public record SimulationReport(ErasureRun run, TimeStepRefinement.Outcome monteCarlo, AmsTimeStep.Outcome splitting,
                               FokkerPlanckSolution finiteTimeBound, double wallSeconds, double splittingWallSeconds,
                               long particleSteps, Recording recording, int threads) {

    /** The tallies of the reported run. */
    ErasureTally tally() {
        return monteCarlo.tally();
    }

    /** The reported run (its step is dt: auto's last). */
    LangevinRun langevinRun() {
        return monteCarlo.run();
    }

    /** The work histogram of the reported run, or null when none was asked for. */
    public Histogram workHistogram() {
        return tally().workHistogram();
    }

    /** Trajectories of the reported run. */
    public long trajectories() {
        return tally().trajectories();
    }

    /** The base seed. */
    public long seed() {
        return langevinRun().seed();
    }

    /** The step of the reported run (τ_D): with {@code dt: auto}, the last one tried. */
    public double dtUsed() {
        return langevinRun().effectiveDt();
    }

    /**
     * The results with their sampling and time-step errors, in the shape the Fokker–Planck report has too. ε is the
     * splitting estimate where there is one; for direct sampling its standard error is the binomial √(ε(1−ε)/N) (0
     * when no trajectory erred: the Clopper–Pearson interval of the summary is the honest statement then).
     */
    public ErasureEstimates estimates() {
        final ErasureTally t = tally();
        final org.erasure.langevin.TimeStepError ts = monteCarlo.error();
        final Estimate eps;
        if (splitting != null) {
            eps = new Estimate(splitting.estimate().errorRate(), splitting.estimate().standardError(), splitting.error());
        } else {
            final double p = (double) t.errors() / t.trajectories();
            eps = new Estimate(p, Math.sqrt(p * (1 - p) / t.trajectories()),
                    ts == null ? Double.NaN : ts.errorRate().error());
        }
        return new ErasureEstimates(splitting != null ? "ams" : "mc",
                new Estimate(t.work().mean(), t.work().standardError(), ts == null ? Double.NaN : ts.work().error()),
                new Estimate(t.workPlus().mean(), t.workPlus().standardError(),
                        ts == null ? Double.NaN : ts.workPlus().error()),
                new Estimate(t.workMinus().mean(), t.workMinus().standardError(),
                        ts == null ? Double.NaN : ts.workMinus().error()),
                new Estimate(t.heat().mean(), t.heat().standardError(), ts == null ? Double.NaN : ts.heat().error()),
                eps);
    }
}
