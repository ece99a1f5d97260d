package org.erasure.fokkerplanck;

import org.erasure.model.TargetWell;
import org.erasure.physics.Potential;

/** Sums over the cells of a density: means, masses, entropy, the Boltzmann density of a grid (pure functions). */
final class DensityFunctionals {

    private DensityFunctionals() {
    }

    /**
     * Σ (a_i + b_i) u_i with four partial sums (instruction-level parallelism; a fixed order); b may be null (one
     * density).
     */
    static double dot2(double[] a, double[] b, double[] u, int n) {
        final boolean two = b != null;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += (two ? a[i] + b[i] : a[i]) * u[i];
            s1 += (two ? a[i + 1] + b[i + 1] : a[i + 1]) * u[i + 1];
            s2 += (two ? a[i + 2] + b[i + 2] : a[i + 2]) * u[i + 2];
            s3 += (two ? a[i + 3] + b[i + 3] : a[i + 3]) * u[i + 3];
        }
        for (; i < n; i++) {
            s0 += (two ? a[i] + b[i] : a[i]) * u[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void energies(Potential p, double[] x, double c0, double c1, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = p.energy(x[i], c0, c1);
        }
    }

    /**
     * The grid's interval: the confining interval (weight below e^−80 outside) widened by 25 % about its
     * centre, so that even 1e−30 tails are resolved with room to spare.
     */
    static double[] widened(double lo, double hi) {
        final double mid = 0.5 * (lo + hi);
        return new double[] {mid - 1.25 * (mid - lo), mid + 1.25 * (hi - mid)};
    }

    /** Cell probabilities ∝ exp(−U_i), normalised without overflow. */
    static double[] boltzmann(double[] u) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : u) {
            min = Math.min(min, v);
        }
        final double[] p = new double[u.length];
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            p[i] = Math.exp(-(u[i] - min));
            s += p[i];
        }
        for (int i = 0; i < u.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    /** ln Σ exp(−U_i) (the grid's h cancels in free-energy differences). */
    static double logSumExpNeg(double[] u) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : u) {
            min = Math.min(min, v);
        }
        double s = 0;
        for (double v : u) {
            s += Math.exp(-(v - min));
        }
        return Math.log(s) - min;
    }

    /** The mass of p on the wrong side (0 for no density, p null). */
    static double wrongMass(double[] p, int firstRight, TargetWell target) {
        if (p == null) {
            return 0;
        }
        double s = 0;
        if (target == TargetWell.RIGHT) {
            for (int i = 0; i < firstRight; i++) {
                s += p[i];
            }
        } else {
            for (int i = firstRight; i < p.length; i++) {
                s += p[i];
            }
        }
        return s;
    }

    static double mean(double[] p, double[] u) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * u[i];
        }
        return s;
    }

    /** −S[ρ] = ∫ρ ln ρ dx = Σ p_i ln(p_i/h). */
    static double negEntropy(double[] p, double h) {
        double s = 0;
        for (double v : p) {
            if (v > 0) {
                s += v * Math.log(v / h);
            }
        }
        return s;
    }

    static void record(double[][] snaps, long[] at, long k, double[] pl, double[] pr, double h) {
        for (int j = 0; j < at.length; j++) {
            if (at[j] == k) {
                final double[] d = new double[pl.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (pr == null ? pl[i] : pl[i] + pr[i]) / h;
                }
                snaps[j] = d;
            }
        }
    }
}
