package org.erasure.model;

/**
 * The equation of motion (SPEC 2.1), in reduced units (energy kT, length x_m, time τ_D = γx_m²/kT).
 */
public sealed interface Dynamics permits Dynamics.Overdamped, Dynamics.Underdamped {

    /** γ dx = −∂ₓU dt + √(2γkT) dW. */
    record Overdamped() implements Dynamics {
        @Override public String toString() { return "overdamped"; }
    }

    /**
     * μ dv = −∂ₓU dt − v dt + √2 dW, dx = v dt.
     *
     * @param mass reduced mass μ = m kT/(γ² x_m²), positive and finite
     */
    record Underdamped(double mass) implements Dynamics {
        public Underdamped {
            if (!(mass > 0) || Double.isInfinite(mass)) {
                throw new IllegalArgumentException("underdamped dynamics needs a positive, finite mass, got " + mass);
            }
        }

        @Override public String toString() { return "underdamped (reduced mass " + mass + ")"; }
    }

    static Dynamics overdamped() { return new Overdamped(); }

    static Dynamics underdamped(double mass) { return new Underdamped(mass); }

    default boolean isUnderdamped() {
        return this instanceof Underdamped;
    }
}
