package org.erasure;

import java.util.function.LongConsumer;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.HoppingSpectrum;
import org.erasure.fokkerplanck.Retention;
import org.erasure.physics.Potential;
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
import org.erasure.optimize.FullControlOptimum;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.rare.Score;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.Recording;

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

    /**
     * One configured run by Langevin Monte Carlo, as {@code simulate} runs it: direct sampling judged against the
     * time-step tolerance ({@code dt: auto} refines the step), the splitting estimate where the run asks for one (with
     * its own time-step error), and the finite-time bound of the protocol from the Fokker–Planck solver where it
     * applies. The listener hears each stage and event; the recording is of the run reported.
     */
    public static SimulationReport simulate(ErasureRun run, RunOptions options) {
        final MonteCarloSettings settings = run.monteCarlo();
        final LangevinRun first = settings.run(run.problem());
        final RunListener listener = options.listener();
        final int threads = options.threads();
        final long t0 = System.nanoTime();
        final Recording[] recording = new Recording[1];
        final long[] particleSteps = new long[1];
        if (settings.autoDt()) {
            listener.autoTimeStep(first.effectiveDt(), settings.tolerance().errorRateRelative(),
                    settings.tolerance().energyKT());
        }
        final TimeStepRefinement.Outcome mc = TimeStepRefinement.run(first, settings.tolerance(), settings.autoDt(),
                (r, main) -> {
                    final Recording rec = main ? recording(r, options.recording()) : null;
                    if (main) {
                        recording[0] = rec;
                    } else {
                        listener.secondRunAtHalfStep(2 * first.effectiveDt(), r.effectiveDt());
                    }
                    particleSteps[0] += r.trajectories() * r.grid().totalSteps();
                    try (RunListener.Stage stage = listener.stage(String.format(java.util.Locale.ROOT,
                            "simulate dt=%.3g", r.effectiveDt()), r.trajectories(), "traj")) {
                        return LangevinMonteCarlo.run(r, threads, stage::advance, rec);
                    }
                });
        if (settings.autoDt()) {
            listener.timeStepHistory(mc.history());
        }
        final double wall = (System.nanoTime() - t0) * 1e-9;
        AmsTimeStep.Outcome ams = null;
        double amsWall = Double.NaN;
        if (run.rareEvent().isPresent()) {
            final long t1 = System.nanoTime();
            final AmsSettings a = run.rareEvent().get();
            listener.splittingStarts(a.replicas(), a.repetitions(), String.valueOf(Score.resolve(a.score(),
                    run.problem())));
            ams = AmsTimeStep.estimate(mc.run(), a, threads, settings.tolerance(), settings.autoDt());
            if (settings.autoDt() || ams.history().size() > 1) {
                listener.splittingHistory(ams.history());
            }
            amsWall = (System.nanoTime() - t1) * 1e-9;
        }
        return new SimulationReport(run, mc, ams, finiteTimeBound(run), wall, amsWall, particleSteps[0], recording[0],
                threads);
    }

    /** The recording a request asks of a run, or null for none. */
    private static Recording recording(LangevinRun r, RecordingRequest q) {
        return q.any() ? Recording.of(r.trajectories(), r.grid().totalSteps(), r.effectiveDt(), q.perTrajectory(),
                q.paths(), q.pathPoints(), q.errorTimes()) : null;
    }

    /** The grid the finite-time bound starts on (cells; time steps twice that), refined only where it must be. */
    static final int FINITE_TIME_BOUND_START_CELLS = 200;

    /**
     * The finite-time bound ΔF + W₂²/τ needs the densities, which sampling does not give: it comes from the
     * Fokker–Planck solution of the same problem's protocol, with its numerical error. The bound converges fast in the
     * grid (on bench-b1: error 1e-4 kT at 200 cells, where the configured 2000 cells × 40 000 steps give 1e-6 kT in 25
     * times the time), so it is solved from a coarse grid of {@value #FINITE_TIME_BOUND_START_CELLS} cells, refined
     * (cells and steps doubled) while its error exceeds the energy tolerance (the larger of 1e-3 kT and 1e-4 of the
     * bound), never beyond the configuration's own fokker_planck grid. Null where the solver does not apply
     * (underdamped dynamics, a fixed start).
     */
    static FokkerPlanckSolution finiteTimeBound(ErasureRun run) {
        final ErasureProblem protocolOnly = run.problem().withHold(0);
        if (protocolOnly.dynamics().isUnderdamped()) {
            return null;    // ΔF + W₂²/τ bounds overdamped dynamics
        }
        try {
            FokkerPlanckEngine.requireSupported(protocolOnly);
        } catch (org.erasure.model.UnsupportedProblemException e) {
            return null;
        }
        final FokkerPlanckSettings full = run.fokkerPlanck().withSnapshots();
        final FokkerPlanckSolution.Tolerance tol = FokkerPlanckSolution.Tolerance.DEFAULT;
        FokkerPlanckSettings grid = new FokkerPlanckSettings(Math.min(full.cells(), FINITE_TIME_BOUND_START_CELLS),
                Math.min(full.timeSteps(), 2L * FINITE_TIME_BOUND_START_CELLS), full.timeOrder(),
                full.snapshotFractions());
        while (true) {
            final FokkerPlanckSolution s = solve(protocolOnly, grid);
            final boolean atFull = grid.cells() >= full.cells() && grid.timeSteps() >= full.timeSteps();
            if (atFull || s.finiteTimeBoundError() <= tol.energyFor(s.result().finiteTimeBound())) {
                return s;
            }
            grid = new FokkerPlanckSettings(Math.min(full.cells(), 2 * grid.cells()),
                    Math.min(full.timeSteps(), 2 * grid.timeSteps()), full.timeOrder(), full.snapshotFractions());
        }
    }

    /** The block size of the Monte Carlo engine's streams (run records name it). */
    public static int blockSize() {
        return LangevinMonteCarlo.blockSize();
    }

    /** The Monte Carlo engine's random source, in words (run records name it). */
    public static String randomSource() {
        return LangevinMonteCarlo.RANDOM_SOURCE;
    }

    /**
     * Refuses, with an {@link org.erasure.model.UnsupportedProblemException} that says why in one line, a run the
     * Fokker–Planck solver cannot honour in full.
     */
    public static void requireFokkerPlanck(ErasureRun run) {
        FokkerPlanckEngine.requireSupported(run.problem());
    }

    /**
     * Refuses, in one line, a run the protocol optimiser cannot search: one no Fokker–Planck solver takes. Overdamped
     * runs are searched on the 1-D solver, underdamped ones on the phase-space (Klein–Kramers) solver (derivative-free
     * families only: the adjoint of {@link Optimization#byGradient} is the 1-D solver's).
     */
    public static void requireOptimizable(ErasureRun run) {
        requireFokkerPlanck(run);
    }

    /**
     * The memory a Fokker–Planck solve of this run needs, in bytes, roughly: about 20 arrays of the cells (both
     * densities, rates, scratch, energies, snapshots) and the densities file's text.
     */
    public static double fokkerPlanckMemoryBytes(ErasureRun run) {
        final int snaps = run.fokkerPlanck().snapshotFractions().length;
        if (run.problem().dynamics().isUnderdamped()) {
            // per bit value four phase-space arrays and a copy of the density at the protocol's end, both resolutions
            // (the check a quarter of the cells), in up to four runs at once
            return 8.0 * run.fokkerPlanck().cells() * run.fokkerPlanck().velocityCells() * 1.05 * 5 * 2 * 1.25
                    + run.fokkerPlanck().cells() * 1.05 * (8.0 * (20 + snaps) + 25.0 * (2 * snaps + 1));
        }
        return run.fokkerPlanck().cells() * 1.25 * (8.0 * (20 + snaps) + 25.0 * (2 * snaps + 1));
    }

    /**
     * One configured run by the Fokker–Planck solver, as {@code fokker-planck} runs it: the configured grid and half of
     * it (the numerical error), their independent runs on helper threads, progress in cell-steps.
     */
    public static FokkerPlanckReport solveFokkerPlanck(ErasureRun run, RunOptions options) {
        final long t0 = System.nanoTime();
        final java.util.concurrent.ExecutorService helpers = org.erasure.util.Futures.helpers("fokker-planck",
                options.threads());
        final FokkerPlanckSolution solution;
        try (RunListener.Stage stage = options.listener().stage("fokker-planck",
                FokkerPlanckEngine.cellSteps(run.problem(), run.fokkerPlanck()), "cell-steps")) {
            solution = FokkerPlanckEngine.solve(run.problem(), run.fokkerPlanck(), FokkerPlanckSolution.Tolerance.DEFAULT,
                    stage::advance, helpers);
        } finally {
            org.erasure.util.Futures.shutdown(helpers);
        }
        final double wall = (System.nanoTime() - t0) * 1e-9;
        final String[] why = new String[1];
        final FullControlOptimum.Result full = fullControl(run.problem(), solution.result().errorAtProtocolEnd(), why);
        return new FokkerPlanckReport(run, solution, wall, full, full == null ? why[0] : "");
    }

    /**
     * The full-control optimum for the problem's potentials and duration at error {@code eps} (the least work any
     * protocol needs to reach it in τ) on the default cells, or null with the reason in {@code why[0]}.
     */
    public static FullControlOptimum.Result fullControl(ErasureProblem problem, double eps, String[] why) {
        return fullControl(problem, eps, FullControlOptimum.DEFAULT_CELLS, why);
    }

    /**
     * As {@link #fullControl(ErasureProblem, double, String[])} on {@code cells} base cells. Null where the solver
     * refuses (underdamped dynamics, a fixed start, ε not in (0, 1/2), ε beyond its grid) or does not converge, the
     * reason in {@code why[0]}: a value that did not converge is never returned.
     */
    public static FullControlOptimum.Result fullControl(ErasureProblem problem, double eps, int cells, String[] why) {
        try {
            return FullControlOptimum.of(problem, eps, cells);
        } catch (IllegalArgumentException | IllegalStateException e) {
            why[0] = e.getMessage();
            return null;
        }
    }

    /** Cells of the hopping-rate grid by default. */
    public static final int DEFAULT_RATE_CELLS = HoppingSpectrum.DEFAULT_CELLS;

    /**
     * The hopping rate of a stored bit at fixed controls, with its numerical error.
     *
     * @param rate          λ₁, the lowest non-zero eigenvalue of the Fokker–Planck generator (1/τ_D)
     * @param relativeError |λ₁(N/2 cells)/λ₁(N) − 1|, conservative at second order
     * @param kramersRate   the Kramers escape rate's relaxation rate, for comparison (1/τ_D)
     * @param denseCheck    relative difference to a dense eigen-solve (EJML) where the grid is small, NaN otherwise
     */
    public record HoppingRate(double rate, double relativeError, double kramersRate, double denseCheck) {
    }

    /** The hopping rate of {@code well} at controls (c0, c1) on {@code cells} cells, with its numerical error. */
    public static HoppingRate hoppingRate(Potential well, double c0, double c1, int cells) {
        final double lambda = HoppingSpectrum.slowestRate(well, c0, c1, cells);
        // numerical error: the difference to the rate on half the cells (second order: conservative)
        final double relError = Math.abs(HoppingSpectrum.slowestRate(well, c0, c1,
                Math.max(HoppingSpectrum.MIN_CELLS, cells / 2)) / lambda - 1);
        return new HoppingRate(lambda, relError, HoppingSpectrum.kramersRelaxationRate(well, c0, c1),
                HoppingSpectrum.denseCheck(well, c0, c1));
    }

    /** How long (τ_D) a bit stored with hopping rate λ₁ keeps its error probability below ε. */
    public static double retentionTime(double rate, double eps) {
        return Retention.retentionTime(rate, eps);
    }

    /**
     * The barrier that keeps a bit for a time t at error ε, with its numerical error (kT).
     *
     * @param kT               the barrier height
     * @param numericalErrorKT its numerical error
     */
    public record StorageBarrier(double kT, double numericalErrorKT) {
    }

    /** The barrier (kT) of the family {@code wellOfBarrier} that keeps a bit for t (τ_D) at error ε. */
    public static StorageBarrier barrierNeeded(java.util.function.DoubleFunction<Potential> wellOfBarrier, double c0,
                                               double c1, double t, double eps, int cells) {
        final Retention.Barrier b = Retention.barrierNeededWithError(wellOfBarrier, c0, c1, t, eps, cells);
        return new StorageBarrier(b.kT(), b.numericalErrorKT());
    }

    /** Cells of the optimiser's default search grid. */
    public static final int SEARCH_CELLS = FokkerPlanckSettings.SEARCH_CELLS;

    /** Time steps of the optimiser's default search grid. */
    public static final int SEARCH_TIME_STEPS = FokkerPlanckSettings.SEARCH_TIME_STEPS;

    /**
     * The optimiser's settings: a second-order search grid of {@code cells} and {@code timeSteps}, verification on its
     * refinement (refined up to {@code refinements} more times while outside the numerical tolerance).
     */
    public static ProtocolOptimizer.Settings optimizerSettings(int cells, long timeSteps, int refinements,
                                                               int evaluations, long seed) {
        final FokkerPlanckSettings search = new FokkerPlanckSettings(cells, timeSteps, 2, new double[0]);
        return new ProtocolOptimizer.Settings(search, search.refined(), refinements, evaluations, seed);
    }

    /**
     * The optimiser's settings for a phase-space (underdamped) search: a first-order grid of {@code cells} ×
     * {@code velocityCells} and {@code timeSteps} (the phase-space solver's order), verified on twice all three, with
     * that solve's numerical error (half resolution and the one-way checks), refined up to {@code refinements} more
     * times while outside the tolerance (each refinement costs about 8 times the solve before it); the velocity grid
     * spans {@code velocityReach} thermal velocities each way.
     */
    public static ProtocolOptimizer.Settings phaseSpaceOptimizerSettings(int cells, int velocityCells,
                                                                         double velocityReach, long timeSteps,
                                                                         int refinements, int evaluations, long seed) {
        final FokkerPlanckSettings search = FokkerPlanckSettings.ofGrid(cells, timeSteps).withTimeOrder(1)
                .withVelocityCells(velocityCells).withVelocityReach(velocityReach);
        return new ProtocolOptimizer.Settings(search, search.refined(), refinements, evaluations, seed);
    }

    /**
     * Minimises ⟨W⟩ over a protocol family subject to ε ≤ targetError, with the run's target, hold and dynamics, by
     * the Fokker–Planck solver (the phase-space one for underdamped runs; CMA-ES, then BOBYQA), on helper threads;
     * progress in evaluations.
     */
    public static OptimizationReport optimize(ErasureRun run, ProtocolFamily family, double targetError,
                                              ProtocolOptimizer.Settings settings, RunOptions options) {
        final long t0 = System.nanoTime();
        final ProtocolOptimizer.Optimum opt;
        final java.util.concurrent.ExecutorService helpers = org.erasure.util.Futures.helpers("optimize",
                options.threads());
        final org.erasure.optimize.Solves solves = new org.erasure.optimize.Solves(family, run.problem().target(),
                run.problem().holdTime(), run.problem().dynamics(), settings);
        try (RunListener.Stage stage = options.listener().stage("optimize", settings.evaluations(), "evaluations")) {
            opt = ProtocolOptimizer.minimize(family, targetError, run.problem().target(), run.problem().holdTime(),
                    settings, stage::advance, helpers, solves);
        } finally {
            org.erasure.util.Futures.shutdown(helpers);
        }
        final double wall = (System.nanoTime() - t0) * 1e-9;
        final String[] why = {run.problem().dynamics().isUnderdamped() ? "the full-control optimum is an overdamped "
                + "bound; this problem is underdamped" : "eps is judged after a hold, which the full-control optimum does "
                + "not include"};
        final FullControlOptimum.Result full = run.problem().hasHold() || run.problem().dynamics().isUnderdamped()
                ? null : fullControl(ErasureProblem.of(
                opt.member().potential(), opt.member().protocol()).withTarget(run.problem().target()), targetError, why);
        final String unsolved = solves.unsolved() == 0 ? "" : String.format(java.util.Locale.ROOT, "%d candidates (in "
                + "%d evaluations) could not be solved and were scored as missing the target; the first: %s",
                solves.unsolved(), opt.evaluations(), solves.firstUnsolved());
        return new OptimizationReport(run, family, settings, targetError, opt, wall, full, full == null ? why[0] : "",
                unsolved);
    }

    /** The Fokker–Planck solution with its numerical error (two resolutions). */
    public static FokkerPlanckSolution solve(ErasureProblem problem, FokkerPlanckSettings settings) {
        return FokkerPlanckEngine.solve(problem, settings);
    }
}
