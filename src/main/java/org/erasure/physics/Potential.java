package org.erasure.physics;

/**
 * A one-dimensional potential energy landscape U(x; c0, c1) steered by two control parameters.
 *
 * <p>All energies are in units of kT, positions in the potential's reduced length unit
 * (x_m for the quartic well). Implementations are immutable and thread-safe; the methods are
 * called in the innermost loop of the Langevin kernels, so they must be allocation-free.
 *
 * <p>The meaning of the two controls depends on the potential (for {@link QuarticDoubleWell}:
 * c0 = g, the barrier-lowering factor, and c1 = F, the tilt in kT).
 */
public interface Potential {

    /** U(x; c0, c1) in kT. */
    double energy(double x, double c0, double c1);

    /** The force −∂U/∂x in kT per length unit. */
    double force(double x, double c0, double c1);

    /**
     * ∂U/∂c0 and ∂U/∂c1 at x, in out[0] and out[1] (kT per unit of each control): what the Fokker–Planck solver's
     * adjoint needs to turn a gradient with respect to the cell energies into one with respect to the controls.
     * Potentials without it throw UnsupportedOperationException.
     */
    default void controlDerivatives(double x, double c0, double c1, double[] out) {
        throw new UnsupportedOperationException(this + " gives no derivatives with respect to its controls");
    }

    /** ∂²U/∂x² in kT per length unit squared. */
    double curvature(double x, double c0, double c1);

    /**
     * A rigorous lower bound of U(x; c0, c1) over x in [a, b] (a &lt; b), tight as b − a → 0.
     * Used by the exact rejection sampler of the Boltzmann distribution.
     */
    double energyLowerBound(double a, double b, double c0, double c1);

    /**
     * Position of the barrier that separates the two bit values at the given controls. Where
     * the landscape has no barrier at these controls, a documented fallback (the symmetry point).
     */
    double barrierPosition(double c0, double c1);

    /** Checks that the control values are admissible; throws IllegalArgumentException naming them. */
    void validateControls(double c0, double c1);

    /**
     * Whether the second control is a linear tilt, U(x; c0, c1) = U(x; c0, 0) − c1·x for every x: then what depends on
     * c0 alone (the Fokker–Planck solver's energy differences between neighbouring cells and their exponentials) holds
     * for every tilt, and a solver computes it once per value of c0. False unless a potential says otherwise.
     */
    default boolean tiltIsLinear() {
        return false;
    }

    /** Names of the two controls, for messages and output columns. */
    String[] controlNames();

    /**
     * The reduced length unit as column names spell it (ASCII): "xm", x_m, half the distance between the wells, unless
     * the potential is written in another unit.
     */
    default String lengthUnitKey() {
        return "xm";
    }

    /** The reduced length unit as an axis label says it. */
    default String lengthUnitLabel() {
        return "x_m";
    }

    /**
     * An interval [lo, hi] outside which the Boltzmann weight at any admissible control with
     * the given bounds is negligible (below e^-80 relative to the minimum). Used for sampling.
     */
    double[] confiningInterval(double c0, double c1);
}
