package org.erasure.langevin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TimeGrid;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.RunningMoments;
import org.erasure.util.SplitMix64;

/**
 * ⟨W⟩ within a stated total error (sampling and time step) by multilevel Monte Carlo (Giles, Oper. Res. 56, 607
 * (2008); the adaptive algorithm of Giles, Acta Numerica 24, 259 (2015), section 2.6).
 *
 * <p>Level 0 runs the problem at a coarse stable step dt₀ ({@link #coarseGrid}); level l ≥ 1 runs it at dt₀/2^l
 * together with its coupled twin at twice that step, on the sums of its own noise increments ({@link
 * org.erasure.stats.TimeStepTally}), and samples the difference Y_l = W(dt_l) − W(dt_{l−1}). The estimate E[W(dt_L)] =
 * E[W(dt₀)] + Σ E[Y_l] has the bias of the finest level alone, at the cost of the coarse level alone: the coupled
 * differences have a small variance (their standard deviation falls like dt^0.8 on quick.yaml, measured), so few
 * trajectories need the fine steps. Each level gets N_l ∝ √(V_l / C_l) trajectories (V_l the variance of its samples,
 * C_l its steps per trajectory, 1.5 × the steps with the twin), Giles' allocation for the least cost at a given
 * sampling error.
 *
 * <p>Errors, in the product's convention ({@link TimeStepError}): the time-step error is |mean Y_L|, Richardson's
 * estimate at weak order 1 (it overstates Heun's by about 3), or half the level below's where that is larger, with its
 * own standard error beside it; the sampling error is √(Σ V_l/N_l); their root sum of squares is the total. Levels are
 * added while the time-step error exceeds target/√2; the trajectories then grow until the total meets the target.
 * Every level and batch draws from its own seed (SplitMix64 of the run's seed, the level and the batch), so the levels
 * are independent and the result is bit-identical for any thread count.
 */
public final class MultilevelWork {

    /** Trajectories of a level's first batch. */
    public static final long FIRST_BATCH = 4096;
    /** Levels at most (the finest step dt₀/2^(MAX_LEVELS−1)). */
    public static final int MAX_LEVELS = 10;
    /** Rounds of allocation at most. */
    static final int MAX_ROUNDS = 12;
    /** The coarse step as a fraction of the largest stable step (a margin for trajectories in the tails). */
    static final double COARSE_FRACTION = 0.25;
    /** Steps of the protocol at the coarse level, at least. */
    static final int COARSE_STEPS_PER_PROTOCOL = 50;

    private MultilevelWork() {
    }

    /** Runs one Monte Carlo run (threads and progress as the caller wants). */
    @FunctionalInterface
    public interface Runner {
        ErasureTally run(LangevinRun run);
    }

    /**
     * One level as it stands.
     *
     * @param dt           its step (τ_D)
     * @param steps        its steps per trajectory (protocol and hold)
     * @param trajectories trajectories run
     * @param mean         mean of its samples: ⟨W⟩ at level 0, ⟨W(dt_l) − W(dt_{l−1})⟩ above (kT)
     * @param variance     their variance (kT²)
     */
    public record Level(double dt, long steps, long trajectories, double mean, double variance) {

        /** The standard error of the mean (kT). */
        public double standardError() {
            return Math.sqrt(variance / trajectories);
        }
    }

    /**
     * The estimate.
     *
     * @param work                ⟨W⟩ at the finest level's step (kT)
     * @param samplingError       its standard error (kT)
     * @param timeStepError       max(|mean Y_L|, |mean Y_{L−1}|/2) (kT)
     * @param timeStepErrorStderr the standard error of that difference (kT)
     * @param target              the total error asked for (kT)
     * @param levels              every level, coarse to fine
     * @param particleSteps       particle-steps run, the twins counted as half a step each
     * @param history             one line per round
     * @param heat                ⟨Q⟩ from the same levels and trajectories, with its errors formed as ⟨W⟩'s (the
     *                            allocation aims at ⟨W⟩'s target, so ⟨Q⟩'s total error may exceed it)
     */
    public record Result(double work, double samplingError, double timeStepError, double timeStepErrorStderr,
                         double target, List<Level> levels, double particleSteps, List<String> history, Mean heat) {

        /** √(sampling² + time step²), kT. */
        public double totalError() {
            return Math.hypot(samplingError, timeStepError);
        }

        /** Whether the total error meets the target. */
        public boolean met() {
            return totalError() <= target;
        }
    }

    /**
     * A mean from the levels, with its errors (kT).
     *
     * @param value               the telescoped mean at the finest level's step
     * @param samplingError       its standard error
     * @param timeStepError       the finest level's time-step error, as ⟨W⟩'s
     * @param timeStepErrorStderr that error's own standard error
     */
    public record Mean(double value, double samplingError, double timeStepError, double timeStepErrorStderr) {

        /** √(sampling² + time step²). */
        public double totalError() {
            return Math.hypot(samplingError, timeStepError);
        }
    }

    /**
     * Trajectories per level for a sampling error {@code se} at the least cost (Giles 2008, eq. 6): N_l =
     * ⌈√(V_l/C_l) Σ_k √(V_k C_k) / se²⌉.
     */
    public static long[] allocation(double[] variance, double[] cost, double se) {
        double sum = 0;
        for (int l = 0; l < variance.length; l++) {
            sum += Math.sqrt(variance[l] * cost[l]);
        }
        final long[] n = new long[variance.length];
        for (int l = 0; l < n.length; l++) {
            n[l] = (long) Math.ceil(Math.sqrt(variance[l] / cost[l]) * sum / (se * se));
        }
        return n;
    }

    /**
     * The coarse step of a problem, on the problem's grid: a quarter of the largest stable step, and at most τ/50 so
     * that the protocol's changes are followed (the cantilever's stability limit alone gave six steps a protocol).
     */
    public static TimeGrid coarseGrid(ErasureProblem problem) {
        return TimeGrid.of(problem, Math.min(COARSE_FRACTION * StabilityCheck.largestStableStep(problem),
                problem.duration() / COARSE_STEPS_PER_PROTOCOL));
    }

    /**
     * ⟨W⟩ within {@code targetKT} in total.
     *
     * @param maxParticleSteps the work allowed; the result says whether the target was met within it
     */
    public static Result run(ErasureProblem problem, Integrator integrator, double targetKT, long seed,
                             double maxParticleSteps, Runner runner) {
        Objects.requireNonNull(runner, "runner");
        if (!(targetKT > 0) || Double.isInfinite(targetKT)) {
            throw new IllegalArgumentException("the target error must be positive and finite, got " + targetKT + " kT");
        }
        if (problem.dynamics().isUnderdamped() != integrator.underdamped()) {
            throw new IllegalArgumentException(integrator.key() + " does not integrate " + problem.dynamics()
                    + " dynamics");
        }
        final List<TimeGrid> grids = new ArrayList<>();
        final List<RunningMoments> samples = new ArrayList<>();
        final List<RunningMoments> heat = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();
        final List<String> history = new ArrayList<>();
        final double[] spent = {0};
        final TimeGrid coarse = coarseGrid(problem);
        for (int l = 0; l < 3; l++) {
            addLevel(problem, integrator, l == 0 ? coarse : grids.get(l - 1).refined(), seed, grids, samples, heat, batches,
                    spent, runner);
        }
        for (int round = 0; round < MAX_ROUNDS && spent[0] < maxParticleSteps; round++) {
            final int top = grids.size() - 1;
            final double bias = timeStepError(samples)[0];
            if (bias > targetKT / Math.sqrt(2) && grids.size() < MAX_LEVELS) {
                history.add(String.format(Locale.ROOT, "time-step error %.2g kT at dt = %.3g tau_D above %.2g: a "
                        + "level at dt = %.3g", bias, grids.get(top).dt(), targetKT / Math.sqrt(2),
                        grids.get(top).dt() / 2));
                addLevel(problem, integrator, grids.get(top).refined(), seed, grids, samples, heat, batches, spent, runner);
                continue;
            }
            final double[] variance = new double[grids.size()];
            final double[] cost = new double[grids.size()];
            double se2 = 0;
            for (int l = 0; l < variance.length; l++) {
                variance[l] = samples.get(l).variance();
                cost[l] = costPerTrajectory(grids.get(l), l);
                se2 += variance[l] / samples.get(l).count();
            }
            if (Math.hypot(Math.sqrt(se2), bias) <= targetKT) {
                break;
            }
            final double seTarget = Math.sqrt(Math.max(targetKT * targetKT - bias * bias, 0.25 * targetKT * targetKT));
            final long[] want = allocation(variance, cost, seTarget);
            final StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "sampling error %.2g kT against %.2g: trajectories per level", Math.sqrt(se2), seTarget));
            for (int l = 0; l < want.length; l++) {
                final long have = samples.get(l).count();
                final long more = want[l] - have;
                line.append(l == 0 ? " " : ", ").append(Math.max(want[l], have));
                if (more > 0 && spent[0] < maxParticleSteps) {
                    runBatch(problem, integrator, grids.get(l), l, more, seed, samples, heat, batches, spent,
                            runner);
                }
            }
            history.add(line.toString());
        }
        final List<Level> levels = new ArrayList<>();
        double work = 0;
        double se2 = 0;
        for (int l = 0; l < grids.size(); l++) {
            final RunningMoments m = samples.get(l);
            levels.add(new Level(grids.get(l).dt(), grids.get(l).totalSteps(), m.count(), m.mean(), m.variance()));
            work += m.mean();
            se2 += m.variance() / m.count();
        }
        final double[] bias = timeStepError(samples);
        return new Result(work, Math.sqrt(se2), bias[0], bias[1], targetKT, List.copyOf(levels), spent[0],
                List.copyOf(history), mean(heat));
    }

    /**
     * The time-step error of the finest level L and its standard error: max(|mean Y_L|, |mean Y_{L−1}|/2), the
     * larger of Richardson's estimate at weak order 1 from the finest level and the one the level below predicts for
     * it (Giles, Acta Numerica 24, 259 (2015), section 3.1, with α = 1): a level whose difference falls faster than
     * the order allows, by chance or before the asymptotic range, does not end the refinement alone.
     */
    /** The telescoped mean of one quantity's levels with its errors. */
    private static Mean mean(List<RunningMoments> levels) {
        double value = 0;
        double se2 = 0;
        for (RunningMoments m : levels) {
            value += m.mean();
            se2 += m.variance() / m.count();
        }
        final double[] bias = timeStepError(levels);
        return new Mean(value, Math.sqrt(se2), bias[0], bias[1]);
    }

    private static double[] timeStepError(List<RunningMoments> samples) {
        final RunningMoments top = samples.get(samples.size() - 1);
        final RunningMoments below = samples.get(samples.size() - 2);
        if (samples.size() > 2 && Math.abs(below.mean()) / 2 > Math.abs(top.mean())) {
            return new double[] {Math.abs(below.mean()) / 2, below.standardError() / 2};
        }
        return new double[] {Math.abs(top.mean()), top.standardError()};
    }

    /** Particle-steps per trajectory of a level: its steps, and half as many again for the twin above level 0. */
    private static double costPerTrajectory(TimeGrid grid, int level) {
        return grid.totalSteps() * (level == 0 ? 1.0 : 1.5);
    }

    private static void addLevel(ErasureProblem problem, Integrator integrator, TimeGrid grid, long seed,
                                 List<TimeGrid> grids, List<RunningMoments> samples, List<RunningMoments> heat,
                                 List<Integer> batches, double[] spent, Runner runner) {
        grids.add(grid);
        samples.add(new RunningMoments());
        heat.add(new RunningMoments());
        batches.add(0);
        runBatch(problem, integrator, grid, grids.size() - 1, FIRST_BATCH, seed, samples, heat, batches, spent, runner);
    }

    private static void runBatch(ErasureProblem problem, Integrator integrator, TimeGrid grid, int level, long n,
                                 long seed, List<RunningMoments> samples, List<RunningMoments> heat,
                                 List<Integer> batches, double[] spent, Runner runner) {
        final int batch = batches.get(level);
        batches.set(level, batch + 1);
        final long batchSeed = SplitMix64.next(seed ^ ((long) level << 40) ^ batch);
        final LangevinRun run = new LangevinRun(problem, integrator, grid, n, batchSeed, null, level > 0);
        final ErasureTally tally = runner.run(run);
        if (level == 0) {
            samples.get(0).merge(tally.work());
            heat.get(0).merge(tally.heat());
        } else {
            final TimeStepError e = TimeStepError.of(tally);
            if (e == null) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the coupled run at dt = %.3g tau_D "
                        + "diverged: the coarse level's step is too large for this problem", 2 * grid.dt()));
            }
            samples.get(level).merge(tally.timeStep().work());
            heat.get(level).merge(tally.timeStep().heat());
        }
        spent[0] += n * costPerTrajectory(grid, level);
    }
}
