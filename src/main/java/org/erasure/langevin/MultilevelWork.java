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
     * @param work          ⟨W⟩ at the finest level's step, with its errors (the time-step error is
     *                      max(|mean Y_L|, |mean Y_{L−1}|/2))
     * @param heat          ⟨Q⟩ from the same levels and trajectories, its errors formed as ⟨W⟩'s (the allocation aims
     *                      at ⟨W⟩'s target, so ⟨Q⟩'s total error may exceed it)
     * @param target        the total error asked for (kT)
     * @param levels        every level, coarse to fine
     * @param particleSteps particle-steps run, the twins counted as half a step each
     * @param history       one line per round
     */
    public record Result(Mean work, Mean heat, double target, List<Level> levels, double particleSteps,
                         List<String> history) {

        /** Whether ⟨W⟩'s total error meets the target. */
        public boolean met() {
            return work.totalError() <= target;
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
        final Sampler sampler = new Sampler(problem, integrator, seed, runner);
        final List<String> history = new ArrayList<>();
        sampler.addLevel(coarseGrid(problem));
        sampler.addLevel(sampler.finest().grid.refined());
        sampler.addLevel(sampler.finest().grid.refined());
        for (int round = 0; round < MAX_ROUNDS && sampler.spent < maxParticleSteps; round++) {
            final Mean w = mean(sampler.levels, l -> l.work);
            final double bias = w.timeStepError();
            final double finest = sampler.finest().grid.dt();
            if (bias > targetKT / Math.sqrt(2) && sampler.levels.size() < MAX_LEVELS) {
                history.add(String.format(Locale.ROOT, "time-step error %.2g kT at dt = %.3g tau_D above %.2g: a "
                        + "level at dt = %.3g", bias, finest, targetKT / Math.sqrt(2), finest / 2));
                sampler.addLevel(sampler.finest().grid.refined());
                continue;
            }
            if (w.totalError() <= targetKT) {
                break;
            }
            final int n = sampler.levels.size();
            final double[] variance = new double[n];
            final double[] cost = new double[n];
            for (int l = 0; l < n; l++) {
                variance[l] = sampler.levels.get(l).work.variance();
                cost[l] = sampler.levels.get(l).costPerTrajectory();
            }
            final double seTarget = Math.sqrt(Math.max(targetKT * targetKT - bias * bias, 0.25 * targetKT * targetKT));
            final long[] want = allocation(variance, cost, seTarget);
            final StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "sampling error %.2g kT against %.2g: trajectories per level", w.samplingError(), seTarget));
            for (int l = 0; l < n; l++) {
                final long have = sampler.levels.get(l).work.count();
                line.append(l == 0 ? " " : ", ").append(Math.max(want[l], have));
                if (want[l] > have && sampler.spent < maxParticleSteps) {
                    sampler.runBatch(sampler.levels.get(l), want[l] - have);
                }
            }
            history.add(line.toString());
        }
        final List<Level> levels = new ArrayList<>();
        for (LevelState l : sampler.levels) {
            levels.add(new Level(l.grid.dt(), l.grid.totalSteps(), l.work.count(), l.work.mean(), l.work.variance()));
        }
        return new Result(mean(sampler.levels, l -> l.work), mean(sampler.levels, l -> l.heat), targetKT,
                List.copyOf(levels), sampler.spent, List.copyOf(history));
    }

    /**
     * The telescoped mean of one quantity over the levels with its errors: the time-step error max(|mean Y_L|,
     * |mean Y_{L−1}|/2), the larger of Richardson's estimate at weak order 1 from the finest level and the one the
     * level below predicts for it (Giles, Acta Numerica 24, 259 (2015), section 3.1, with α = 1): a level whose
     * difference falls faster than the order allows, by chance or before the asymptotic range, does not end the
     * refinement alone.
     */
    private static Mean mean(List<LevelState> levels, java.util.function.Function<LevelState, RunningMoments> of) {
        double value = 0;
        double se2 = 0;
        for (LevelState l : levels) {
            value += of.apply(l).mean();
            se2 += of.apply(l).variance() / of.apply(l).count();
        }
        final RunningMoments top = of.apply(levels.get(levels.size() - 1));
        final RunningMoments below = of.apply(levels.get(levels.size() - 2));
        final boolean fromBelow = levels.size() > 2 && Math.abs(below.mean()) / 2 > Math.abs(top.mean());
        return fromBelow ? new Mean(value, Math.sqrt(se2), Math.abs(below.mean()) / 2, below.standardError() / 2)
                : new Mean(value, Math.sqrt(se2), Math.abs(top.mean()), top.standardError());
    }

    /** One level: its grid, its samples of W (or of W(dt) − W(2dt)) and of Q likewise, and its batches so far. */
    private static final class LevelState {
        final int index;
        final TimeGrid grid;
        final RunningMoments work = new RunningMoments();
        final RunningMoments heat = new RunningMoments();
        int batches;

        LevelState(int index, TimeGrid grid) {
            this.index = index;
            this.grid = grid;
        }

        /** Particle-steps per trajectory: the steps, and half as many again for the twin above level 0. */
        double costPerTrajectory() {
            return grid.totalSteps() * (index == 0 ? 1.0 : 1.5);
        }
    }

    /** Runs the batches of every level and counts what they cost. */
    private static final class Sampler {
        final ErasureProblem problem;
        final Integrator integrator;
        final long seed;
        final Runner runner;
        final List<LevelState> levels = new ArrayList<>();
        double spent;

        Sampler(ErasureProblem problem, Integrator integrator, long seed, Runner runner) {
            this.problem = problem;
            this.integrator = integrator;
            this.seed = seed;
            this.runner = runner;
        }

        LevelState finest() {
            return levels.get(levels.size() - 1);
        }

        void addLevel(TimeGrid grid) {
            final LevelState l = new LevelState(levels.size(), grid);
            levels.add(l);
            runBatch(l, FIRST_BATCH);
        }

        /** n more trajectories of a level, from the seed of its next batch (SplitMix64 of seed, level and batch). */
        void runBatch(LevelState level, long n) {
            final long batchSeed = SplitMix64.next(seed ^ ((long) level.index << 40) ^ level.batches++);
            final boolean coupled = level.index > 0;
            final ErasureTally tally = runner.run(new LangevinRun(problem, integrator, level.grid, n, batchSeed, null,
                    coupled));
            if (!coupled) {
                level.work.merge(tally.work());
                level.heat.merge(tally.heat());
            } else {
                if (TimeStepError.of(tally) == null) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "the coupled run at dt = %.3g tau_D "
                            + "diverged: the coarse level's step is too large for this problem", 2 * level.grid.dt()));
                }
                level.work.merge(tally.timeStep().work());
                level.heat.merge(tally.timeStep().heat());
            }
            spent += n * level.costPerTrajectory();
        }
    }
}
