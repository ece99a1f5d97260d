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
        final int n = 4000;
        final double h = (r[1] - r[0]) / n;
        int best = 0;
        double uBest = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            final double u = p.energy(r[0] + i * h, c0, c1);
            if (u < uBest) {
                uBest = u;
                best = i;
            }
        }
        double a = r[0] + Math.max(0, best - 1) * h;
        double b = r[0] + Math.min(n, best + 1) * h;
        final double g = (Math.sqrt(5) - 1) / 2;
        for (int k = 0; k < 80 && b - a > 1e-12 * (1 + Math.abs(a)); k++) {
            final double x1 = b - g * (b - a);
            final double x2 = a + g * (b - a);
            if (p.energy(x1, c0, c1) < p.energy(x2, c0, c1)) {
                b = x2;
            } else {
                a = x1;
            }
        }
        final double x = 0.5 * (a + b);
        final double d = 1e-4 * (r[1] - r[0]);
        final double curvature = (p.energy(x + d, c0, c1) - 2 * p.energy(x, c0, c1) + p.energy(x - d, c0, c1)) / (d * d);
        return curvature > 0 ? 1 / curvature : Double.NaN;
    }
}
