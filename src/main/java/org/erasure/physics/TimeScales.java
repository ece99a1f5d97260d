package org.erasure.physics;

/**
 * The time scales a reader knows besides τ_D: the intra-well relaxation time of a well, 1/U''(x_min) in τ_D
 * (overdamped: a displacement inside the well relaxes as exp(−U''t/γ), and γ = 1 in reduced units).
 */
public final class TimeScales {

    private TimeScales() {
    }

    /**
     * 1/U''(x_min) (τ_D) at the global minimum of U(·; c0, c1): located on a grid over the confining interval,
     * refined by golden-section search, the curvature by a central difference. For the quartic well at g = 1,
     * F = 0 this is 1/(8 E_b).
     */
    public static double intraWellTime(Potential p, double c0, double c1) {
        final double[] r = p.confiningInterval(c0, c1);
        final double x = lowestEnergy(p, c0, c1, r[0], r[1]);
        final double d = 1e-4 * (r[1] - r[0]);
        final double curvature = (p.energy(x + d, c0, c1) - 2 * p.energy(x, c0, c1) + p.energy(x - d, c0, c1)) / (d * d);
        return curvature > 0 ? 1 / curvature : Double.NaN;
    }

    /** The position of the lowest energy of U(·; c0, c1) on [a, b]: a scan of 2000 cells, then golden section. */
    public static double lowestEnergy(Potential p, double c0, double c1, double a, double b) {
        final int n = 2000;
        double best = a;
        double bestU = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            final double x = a + (b - a) * i / n;
            final double u = p.energy(x, c0, c1);
            if (u < bestU) {
                bestU = u;
                best = x;
            }
        }
        double lo = best - (b - a) / n;
        double hi = best + (b - a) / n;
        final double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            final double m1 = hi - g * (hi - lo);
            final double m2 = lo + g * (hi - lo);
            if (p.energy(m1, c0, c1) < p.energy(m2, c0, c1)) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        return 0.5 * (lo + hi);
    }
}
