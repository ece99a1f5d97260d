package org.erasure.model;

/**
 * Where the particle starts (SPEC 2.4): by default in equilibrium in the potential at t = 0 (both bit
 * values, with their Boltzmann weights), or at one fixed position.
 */
public sealed interface InitialState permits InitialState.Equilibrium, InitialState.FixedPosition {

    /** Boltzmann equilibrium in U(x; λ(0)). */
    record Equilibrium() implements InitialState {
        @Override public String toString() { return "equilibrium"; }
    }

    /**
     * Every trajectory starts at x.
     *
     * @param x start position in x_m, finite
     */
    record FixedPosition(double x) implements InitialState {
        public FixedPosition {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("a fixed start position must be finite, got " + x);
            }
        }

        @Override public String toString() { return "x = " + x + " x_m"; }
    }

    static InitialState equilibrium() { return new Equilibrium(); }

    static InitialState at(double x) { return new FixedPosition(x); }
}
