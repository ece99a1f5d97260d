package org.erasure.fokkerplanck;

/**
 * The 1-D L²-Wasserstein distance between two densities that are constant on the cells of one grid:
 * W₂² = ∫₀¹ (Q₀(u) − Q₁(u))² du with Q the quantile functions (Villani 2003, thm 2.18). Both CDFs
 * are piecewise linear, so on each interval between their merged breakpoints both quantiles are
 * linear in u and the integral is exact.
 */
final class Wasserstein {

    private Wasserstein() {
    }

    static double distance(double[] p, double[] q, double left, double h) {
        final int n = p.length;
        int i = 0;
        int j = 0;
        double cp = 0;      // CDF of p at the left face of cell i
        double cq = 0;
        double u = 0;
        double sum = 0;
        final double totalP = sum(p);
        final double totalQ = sum(q);
        while (i < n && j < n) {
            final double pi = p[i] / totalP;
            final double qj = q[j] / totalQ;
            if (pi <= 0) {
                cp += pi;
                i++;
                continue;
            }
            if (qj <= 0) {
                cq += qj;
                j++;
                continue;
            }
            final double endP = cp + pi;
            final double endQ = cq + qj;
            final double uEnd = Math.min(Math.min(endP, endQ), 1);
            if (uEnd > u) {
                // quantiles at u and uEnd
                final double a0 = left + (i + (u - cp) / pi) * h;
                final double a1 = left + (i + (uEnd - cp) / pi) * h;
                final double b0 = left + (j + (u - cq) / qj) * h;
                final double b1 = left + (j + (uEnd - cq) / qj) * h;
                final double d0 = a0 - b0;
                final double d1 = a1 - b1;
                sum += (uEnd - u) * (d0 * d0 + d0 * d1 + d1 * d1) / 3;
                u = uEnd;
            }
            if (endP <= endQ) {
                cp = endP;
                i++;
            } else {
                cq = endQ;
                j++;
            }
        }
        return Math.sqrt(sum);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
