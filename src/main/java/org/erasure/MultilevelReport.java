package org.erasure;

import java.util.ArrayList;
import java.util.List;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.MultilevelWork;

/**
 * ⟨W⟩ of a configured run within a total error (sampling and time step) by multilevel Monte Carlo
 * ({@link MultilevelWork}, Giles 2008), on the run's integrator and seed; the steps and trajectories are the
 * allocation's, not the configuration's.
 *
 * @param integrator    the integrator's configuration key
 * @param seed          the base seed
 * @param work          ⟨W⟩ at the finest level's step with its errors
 * @param heat          ⟨Q⟩ from the same levels with its errors; the allocation aims at ⟨W⟩'s target, so ⟨Q⟩'s total
 *                      error may exceed it
 * @param target        the total error asked for (kT)
 * @param levels        coarse to fine
 * @param particleSteps particle-steps run, each coupled twin counted as half a step
 * @param history       one line per round of the allocation
 * @param wallSeconds   the run's wall time
 */
public record MultilevelReport(String integrator, long seed, Mean work, Mean heat, double target, List<Level> levels,
                               double particleSteps, List<String> history, double wallSeconds) {

    /** The particle-steps a run may take at most (about five hours on two cores of the development machine). */
    public static final double MAX_PARTICLE_STEPS = 1e13;

    /**
     * A mean with its errors (kT).
     *
     * @param value               the mean at the finest level's step
     * @param samplingError       its standard error
     * @param timeStepError       |mean of X(dt) − X(2dt)| at the finest level, or half the level below's where larger
     * @param timeStepErrorStderr that difference's own standard error
     */
    public record Mean(double value, double samplingError, double timeStepError, double timeStepErrorStderr) {

        static Mean of(MultilevelWork.Mean m) {
            return new Mean(m.value(), m.samplingError(), m.timeStepError(), m.timeStepErrorStderr());
        }

        /** √(sampling² + time step²). */
        public double totalError() {
            return Math.hypot(samplingError, timeStepError);
        }

        /** Whether the time-step error is resolved: at least twice its own standard error. */
        public boolean timeStepErrorResolved() {
            return timeStepError >= 2 * timeStepErrorStderr;
        }
    }

    /**
     * One level.
     *
     * @param dt           its step (τ_D)
     * @param steps        steps per trajectory
     * @param trajectories trajectories run
     * @param coupled      whether its samples are W(dt) − W(2dt) (every level but the coarsest) rather than W
     * @param mean         mean of the samples (kT)
     * @param standardError its standard error (kT)
     * @param variance     the samples' variance (kT²)
     */
    public record Level(double dt, long steps, long trajectories, boolean coupled, double mean, double standardError,
                        double variance) {
    }

    /** Hears each batch before it runs. */
    @FunctionalInterface
    public interface BatchListener {
        /**
         * @param dt           the batch's step (τ_D)
         * @param trajectories its trajectories
         * @param coupled      whether each runs with its coupled twin at 2dt
         * @param particleSteps what it costs, the twins counted as half
         */
        void batch(double dt, long trajectories, boolean coupled, double particleSteps);
    }

    /** Whether ⟨W⟩'s total error meets the target. */
    public boolean met() {
        return work.totalError() <= target;
    }

    /**
     * Runs it.
     *
     * @param listener hears each batch before it runs, or null
     */
    public static MultilevelReport of(ErasureRun run, double targetKT, int threads, BatchListener listener) {
        final long t0 = System.nanoTime();
        final MultilevelWork.Result r = MultilevelWork.run(run.problem(), run.monteCarlo().integrator(), targetKT,
                run.monteCarlo().seed(), MAX_PARTICLE_STEPS, b -> {
                    if (listener != null) {
                        listener.batch(b.effectiveDt(), b.trajectories(), b.timeStepError(),
                                b.trajectories() * (double) b.grid().totalSteps() * (b.timeStepError() ? 1.5 : 1));
                    }
                    return LangevinMonteCarlo.run(b, threads, null);
                });
        final List<Level> levels = new ArrayList<>();
        for (int l = 0; l < r.levels().size(); l++) {
            final MultilevelWork.Level v = r.levels().get(l);
            levels.add(new Level(v.dt(), v.steps(), v.trajectories(), l > 0, v.mean(), v.standardError(),
                    v.variance()));
        }
        return new MultilevelReport(run.monteCarlo().integrator().key(), run.monteCarlo().seed(), Mean.of(r.work()),
                Mean.of(r.heat()), targetKT, List.copyOf(levels), r.particleSteps(), r.history(),
                (System.nanoTime() - t0) * 1e-9);
    }
}
