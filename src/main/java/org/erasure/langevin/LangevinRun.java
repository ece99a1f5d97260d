package org.erasure.langevin;

import java.util.Objects;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.stats.Histogram;

/**
 * Everything that determines a Monte Carlo run, in reduced units. Immutable. Overdamped when the
 * integrator is Euler–Maruyama or Heun, underdamped (reduced mass {@code mass}) with BAOAB.
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
 * @param mass           reduced mass μ = m kT/(γ² x_m²) for BAOAB (ignored, NaN, when overdamped)
 * @param holdTime       time (τ_D) held at the final controls after the protocol; the error is measured
 *                       at the end of the protocol and again at the end of the hold
 */
public record LangevinRun(Potential potential, Protocol protocol, Integrator integrator, double dt,
                          long trajectories, long seed, TargetWell target, double initialPosition,
                          Histogram workHistogram, double mass, double holdTime) {

    /** An overdamped run without a hold. */
    public LangevinRun(Potential potential, Protocol protocol, Integrator integrator, double dt, long trajectories,
                       long seed, TargetWell target, double initialPosition, Histogram workHistogram) {
        this(potential, protocol, integrator, dt, trajectories, seed, target, initialPosition, workHistogram,
                Double.NaN, 0);
    }

    public LangevinRun {
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
        if (integrator.underdamped() && (!(mass > 0) || Double.isInfinite(mass))) {
            throw new IllegalArgumentException("underdamped dynamics needs a positive mass, got " + mass);
        }
        if (!(holdTime >= 0) || Double.isInfinite(holdTime)) {
            throw new IllegalArgumentException("hold time must be non-negative, got " + holdTime);
        }
    }

    /** Time steps of the hold after the protocol. */
    public long holdSteps() {
        return Math.round(holdTime / effectiveDt());
    }

    /** Number of time steps, round(τ/dt) (at least 1). */
    public long steps() {
        return Math.max(1, Math.round(protocol.duration() / dt));
    }

    /** The time step actually used, τ / steps. */
    public double effectiveDt() {
        return protocol.duration() / steps();
    }

    public LangevinRun withTrajectories(long n) {
        return new LangevinRun(potential, protocol, integrator, dt, n, seed, target, initialPosition, workHistogram,
                mass, holdTime);
    }

    public LangevinRun withSeed(long s) {
        return new LangevinRun(potential, protocol, integrator, dt, trajectories, s, target, initialPosition,
                workHistogram, mass, holdTime);
    }
}
