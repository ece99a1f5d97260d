package org.erasure.langevin;

import org.erasure.model.DivergenceException;

/**
 * The one divergence rule of the Langevin steppers (direct sampling and splitting): a position beyond
 * {@link #SANE_RANGE} x_m, or a non-finite one, means the integrator diverged, which only a time step too large for
 * the potential's stiffness does.
 */
public final class Divergence {

    /** |x| beyond this (x_m) counts as a diverged trajectory: the wells lie within a few x_m. */
    public static final double SANE_RANGE = 1e4;

    private Divergence() {
    }

    /** Whether x is outside the sane range (NaN included). */
    public static boolean diverged(double x) {
        return !(Math.abs(x) < SANE_RANGE);
    }

    /** The exception that says so in one line: where, when, and that the step is to blame. */
    public static DivergenceException at(double x, double t, double dt) {
        return new DivergenceException(String.format("trajectory diverged (x = %s at t = %.4g tau_D): time step dt = "
                + "%.3g is too large for this potential; reduce the time step", x, t, dt));
    }
}
