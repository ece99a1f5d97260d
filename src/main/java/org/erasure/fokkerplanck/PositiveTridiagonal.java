package org.erasure.fokkerplanck;

/**
 * Solves (I − dt·A) p' = p for a birth–death generator A (rates up[i]: i → i+1, down[i]: i+1 → i,
 * all ≥ 0; columns of A sum to zero), so that every column of M = I − dt·A sums to one.
 *
 * <p>Thomas elimination would form pivots by subtraction. Here the pivots are rewritten through the
 * column sums of the successive Schur complements, σ_0 = 1,
 * σ_i = 1 + dt·down[i−1] · σ_{i−1} / (σ_{i−1} + dt·up[i−1]), pivot_i = σ_i + dt·up[i],
 * and forward and back substitution add only non-negative terms: every quantity is a sum of
 * positive numbers, so a probability of 1e−40 keeps its relative accuracy (the idea of
 * Grassmann, Taksar &amp; Heyman, Oper. Res. 33, 1107 (1985), for a tridiagonal M-matrix).
 * Pure kernel: no allocation, works in caller-supplied scratch.
 */
final class PositiveTridiagonal {

    private PositiveTridiagonal() {
    }

    /**
     * @param up    dt-free rates i → i+1, length n−1
     * @param down  dt-free rates i+1 → i, length n−1
     * @param dt    time step
     * @param p     right-hand side in, solution out, length n
     * @param pivot scratch, length n
     */
    static void solve(double[] up, double[] down, double dt, double[] p, double[] pivot, int n) {
        // Forward: pivots through column sums; y_i = p_i + dt·down[i−1]/pivot_{i−1} · y_{i−1}.
        // Row i of M: M[i][i−1] = −dt·up[i−1] (inflow from i−1), M[i][i+1] = −dt·down[i] (inflow from i+1),
        // M[i][i] = 1 + dt·(up[i] + down[i−1]) (outflow). Column i: −dt·down[i−1] above, −dt·up[i] below.
        double sigma = 1;
        pivot[0] = 1 + (n > 1 ? dt * up[0] : 0);
        for (int i = 1; i < n; i++) {
            final double above = dt * down[i - 1];            // |M[i−1][i]|
            final double left = dt * up[i - 1];               // |M[i][i−1]|
            final double prevSigma = sigma;
            sigma = 1 + above * prevSigma / (prevSigma + left);
            pivot[i] = sigma + (i < n - 1 ? dt * up[i] : 0);
            p[i] += left / pivot[i - 1] * p[i - 1];
        }
        p[n - 1] /= pivot[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            p[i] = (p[i] + dt * down[i] * p[i + 1]) / pivot[i];
        }
    }
}
