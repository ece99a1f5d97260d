package org.erasure.physics;

/** Reference integrals of Boltzmann weights by composite Simpson's rule, in log space for range. */
public final class Quadrature {

    private Quadrature() {
    }

    /** ln ∫_a^b exp(−U(x)) dx with n (even) Simpson panels. */
    public static double logIntegral(Potential p, double c0, double c1, double a, double b, int n) {
        final double h = (b - a) / n;
        double uMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            uMin = Math.min(uMin, p.energy(a + i * h, c0, c1));
        }
        double s = 0;
        for (int i = 0; i <= n; i++) {
            final double wgt = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            s += wgt * Math.exp(-(p.energy(a + i * h, c0, c1) - uMin));
        }
        return Math.log(s * h / 3) - uMin;
    }

    /** Boltzmann probability of [a, b] within [lo, hi]. */
    public static double probability(Potential p, double c0, double c1, double a, double b, double lo, double hi) {
        return Math.exp(logIntegral(p, c0, c1, a, b, 2000) - logIntegral(p, c0, c1, lo, hi, 200_000));
    }

    /** Equilibrium free energy −ln Z in kT over [lo, hi]. */
    public static double freeEnergy(Potential p, double c0, double c1, double lo, double hi) {
        return -logIntegral(p, c0, c1, lo, hi, 200_000);
    }
}
