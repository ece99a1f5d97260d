package org.erasure.model;

import java.util.Objects;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * One erasure problem, whatever engine solves it (SPEC 2): the potential, the protocol over [0, τ]
 * followed by a hold at the final controls, the well that counts as correct, the initial state and the
 * dynamics. The error is observed at the end of the protocol and, when there is a hold, at its end.
 * Immutable; no engine settings (time step, grid, trajectories) belong here.
 *
 * @param potential the landscape U(x; c₀, c₁)
 * @param protocol  the control schedule over [0, τ] (τ_D)
 * @param holdTime  time held at the final controls after the protocol (τ_D), ≥ 0
 * @param target    the well the bit is erased to
 * @param initial   the initial state
 * @param dynamics  overdamped or underdamped
 */
public record ErasureProblem(Potential potential, Protocol protocol, double holdTime, TargetWell target,
                             InitialState initial, Dynamics dynamics) {

    public ErasureProblem {
        Objects.requireNonNull(potential, "potential");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(dynamics, "dynamics");
        if (!(holdTime >= 0) || Double.isInfinite(holdTime)) {
            throw new IllegalArgumentException("the hold time must be non-negative and finite, got " + holdTime);
        }
    }

    /** Overdamped erasure from equilibrium to the right well, no hold: the canonical problem of SPEC 5. */
    public static ErasureProblem of(Potential potential, Protocol protocol) {
        return new ErasureProblem(potential, protocol, 0, TargetWell.RIGHT, InitialState.equilibrium(),
                Dynamics.overdamped());
    }

    public ErasureProblem withHold(double hold) {
        return new ErasureProblem(potential, protocol, hold, target, initial, dynamics);
    }

    public ErasureProblem withTarget(TargetWell t) {
        return new ErasureProblem(potential, protocol, holdTime, t, initial, dynamics);
    }

    public ErasureProblem withInitial(InitialState s) {
        return new ErasureProblem(potential, protocol, holdTime, target, s, dynamics);
    }

    public ErasureProblem withDynamics(Dynamics d) {
        return new ErasureProblem(potential, protocol, holdTime, target, initial, d);
    }

    /** τ (τ_D). */
    public double duration() {
        return protocol.duration();
    }

    public boolean hasHold() {
        return holdTime > 0;
    }
}
