package org.erasure.langevin;

import java.util.Objects;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.stats.Histogram;

/**
 * Everything that determines an overdamped Monte Carlo run, in reduced units. Immutable.
 *
 * @param potential      the landscape
 * @param protocol       the control schedule over [0, τ]
 * @param integrator     the time-stepping scheme
 * @param dt             requested time step in τ_D; the run uses τ/round(τ/dt)
 * @param trajectories   number of trajectories, positive
 * @param seed           base seed of the random streams
 * @param target         the well that counts as a correct erasure
 * @param initialPosition NaN for the equilibrium initial state, or a fixed start position in x_m
 * @param workHistogram  template of the work histogram, or null
 */
public record OverdampedRun(Potential potential, Protocol protocol, OverdampedIntegrator integrator, double dt,
                            long trajectories, long seed, TargetWell target, double initialPosition,
                            Histogram workHistogram) {

    public OverdampedRun {
        Objects.requireNonNull(potential, "potential");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(target, "target");
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be positive and finite, got " + dt);
        }
        if (dt > protocol.duration()) {
            throw new IllegalArgumentException("dt = " + dt + " is longer than the protocol duration tau = "
                    + protocol.duration());
        }
        if (trajectories <= 0) {
            throw new IllegalArgumentException("trajectories must be positive, got " + trajectories);
        }
    }

    /** Number of time steps, round(τ/dt) (at least 1). */
    public long steps() {
        return Math.max(1, Math.round(protocol.duration() / dt));
    }

    /** The time step actually used, τ / steps. */
    public double effectiveDt() {
        return protocol.duration() / steps();
    }

    public OverdampedRun withTrajectories(long n) {
        return new OverdampedRun(potential, protocol, integrator, dt, n, seed, target, initialPosition, workHistogram);
    }

    public OverdampedRun withSeed(long s) {
        return new OverdampedRun(potential, protocol, integrator, dt, trajectories, s, target, initialPosition,
                workHistogram);
    }

    public OverdampedRun withIntegrator(OverdampedIntegrator i, double newDt) {
        return new OverdampedRun(potential, protocol, i, newDt, trajectories, seed, target, initialPosition,
                workHistogram);
    }
}
