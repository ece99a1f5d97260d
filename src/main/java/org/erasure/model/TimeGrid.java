package org.erasure.model;

/**
 * The time steps an engine actually runs: the protocol [0, τ] in {@code protocolSteps} equal steps of
 * {@code dt}, then the hold in {@code holdSteps} more steps of the same length. Computed once from a
 * requested step, so that what is checked (stability, accuracy) is what runs.
 *
 * @param dt            the step run, τ/protocolSteps (τ_D)
 * @param protocolSteps steps over the protocol, ≥ 1
 * @param holdSteps     steps of the hold after it, ≥ 0
 */
public record TimeGrid(double dt, long protocolSteps, long holdSteps) {

    /** The most steps a protocol or a hold may take (beyond 2^53 a step count is no longer exact in a double). */
    public static final double MAX_STEPS = 1e15;

    public TimeGrid {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("the time step must be positive and finite, got " + dt);
        }
        if (protocolSteps < 1 || holdSteps < 0) {
            throw new IllegalArgumentException("need at least one protocol step and no negative hold steps, got "
                    + protocolSteps + " and " + holdSteps);
        }
    }

    /**
     * The grid nearest a requested step: round(τ/dt) protocol steps (at least one), and the hold in
     * round(hold/step) steps of the same length.
     *
     * @param duration  τ (τ_D), positive
     * @param hold      hold time (τ_D), ≥ 0
     * @param requested requested step (τ_D), positive
     */
    public static TimeGrid of(double duration, double hold, double requested) {
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("the protocol duration must be positive and finite, got " + duration);
        }
        if (!(requested > 0) || Double.isInfinite(requested)) {
            throw new IllegalArgumentException("the time step must be positive and finite, got " + requested);
        }
        if (!(hold >= 0) || Double.isInfinite(hold)) {
            throw new IllegalArgumentException("the hold time must be non-negative and finite, got " + hold);
        }
        if (duration / requested > MAX_STEPS) {
            throw new IllegalArgumentException("tau/dt = " + duration / requested + " steps is too many");
        }
        final long steps = Math.max(1, Math.round(duration / requested));
        final double dt = duration / steps;
        // a hold past 1e15 steps would overflow (Math.round saturates at 2^63 - 1: a hold of 1e16 tau_D at dt = 1e-3
        // ran as 9.22e15 tau_D) and could never be run step by step anyway: refused, not shortened
        if (hold / dt > MAX_STEPS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the hold of %.3g tau_D is %.3g "
                    + "time steps of %.3g tau_D, more than %.0e: give a shorter hold or a coarser step", hold, hold / dt,
                    dt, MAX_STEPS));
        }
        return new TimeGrid(dt, steps, Math.round(hold / dt));
    }

    /** The grid of a problem at a requested step. */
    public static TimeGrid of(ErasureProblem problem, double requested) {
        return of(problem.duration(), problem.holdTime(), requested);
    }

    /** The same times at twice the step (half the steps, at least one): the coarse twin of a two-resolution estimate. */
    public TimeGrid coarsened() {
        final long p = Math.max(1, protocolSteps / 2);
        final double step = duration() / p;
        return new TimeGrid(step, p, Math.round(holdSteps * dt / step));
    }

    /** The same times at half the step. */
    public TimeGrid refined() {
        return new TimeGrid(dt / 2, 2 * protocolSteps, 2 * holdSteps);
    }

    /** τ as run, protocolSteps · dt. */
    public double duration() {
        return protocolSteps * dt;
    }

    /** The hold as run, holdSteps · dt. */
    public double holdTime() {
        return holdSteps * dt;
    }

    public long totalSteps() {
        return protocolSteps + holdSteps;
    }
}
