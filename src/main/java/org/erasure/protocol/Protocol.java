package org.erasure.protocol;

/**
 * The schedule of the two control values of a {@link org.erasure.physics.Potential} over the
 * time interval [0, τ] (time in the reduced unit τ_D). Before 0 and after τ the controls hold
 * their end values. Implementations are immutable and thread-safe.
 */
public interface Protocol {

    /** τ, the protocol duration in reduced time units. */
    double duration();

    /** Control 0 (e.g. g) at time t. */
    double control0(double t);

    /** Control 1 (e.g. F in kT) at time t. */
    double control1(double t);

    /**
     * Fills c0[i], c1[i] with the controls at times t0 + i·dt for i in [0, count). Allocation-free.
     */
    default void fill(double t0, double dt, int count, double[] c0, double[] c1) {
        for (int i = 0; i < count; i++) {
            final double t = t0 + i * dt;
            c0[i] = control0(t);
            c1[i] = control1(t);
        }
    }

    /**
     * The union over the protocol of the potential's confining intervals (beyond which exp(−U) &lt; e^−80 of the
     * bottom), taken at 201 equally spaced times of [0, τ]: the positions a grid for the whole protocol must cover.
     */
    default double[] confiningInterval(org.erasure.physics.Potential potential) {
        final double tau = duration();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= 200; k++) {
            final double t = tau * k / 200;
            final double[] r = potential.confiningInterval(control0(t), control1(t));
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        return new double[] {lo, hi};
    }
}
