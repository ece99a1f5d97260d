package org.erasure.fokkerplanck;

import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * The committor q(t, x) = P(the particle is in the wrong well at the observation time T | x_t = x) of an
 * overdamped erasure, from the backward (adjoint) Fokker–Planck equation −∂ₜq = L q, q(T, x) = 1[x wrong],
 * on the Scharfetter–Gummel grid of {@link FokkerPlanckSolver}. It is the optimal importance function of
 * adaptive multilevel splitting (Cérou, Guyader, Lelièvre &amp; Pommier, J. Chem. Phys. 134, 054108 (2011);
 * Bréhier &amp; Lelièvre, arXiv:1811.06289).
 *
 * <p>The discrete generator A obeys detailed balance with the discrete Boltzmann weights π of each step's
 * controls, so Aᵀ = Π⁻¹ A Π and a backward Euler step q_k = (I − Δt Aᵀ)⁻¹ q_{k+1} is
 * Π⁻¹ (I − Δt A)⁻¹ Π q_{k+1}: the forward solver's positive tridiagonal solve, so that committors of 1e-30
 * keep their relative accuracy. The backward steps are {@code stride} Monte Carlo steps long; ln q is stored at
 * those times and interpolated linearly in x and t.
 */
public final class Committor {

    /** ln q below this is treated as this (q underflows far from the wrong well late in the protocol). */
    private static final double LOG_FLOOR = -700;

    private final CellGrid grid;
    private final int stride;
    private final int steps;
    private final double[][] logQ;

    private Committor(CellGrid grid, int stride, int steps, double[][] logQ) {
        this.grid = grid;
        this.stride = stride;
        this.steps = steps;
        this.logQ = logQ;
    }

    /**
     * @param grid   the Monte Carlo time grid (protocol, then hold); the observation time is its end
     * @param cells  grid cells (a few hundred suffice for a score)
     * @param slices at most this many stored times (the backward step is the smallest multiple of the Monte
     *               Carlo step that keeps within it)
     */
    public static Committor solve(Potential potential, Protocol protocol, TargetWell target, TimeGrid grid,
                                  int cells, int slices) {
        if (cells < FokkerPlanckSolver.MIN_CELLS || slices < 2) {
            throw new IllegalArgumentException("the committor needs at least " + FokkerPlanckSolver.MIN_CELLS
                    + " cells and 2 time slices");
        }
        final CellGrid g = CellGrid.of(potential, protocol, cells);
        final double left = g.left();
        final double h = g.h();
        final int n = g.n();
        final int firstRight = g.firstRight();
        final double[] x = g.centres();
        final long total = grid.totalSteps();
        final int stride = (int) Math.max(1, (total + slices - 2) / (slices - 1));
        final int count = (int) ((total + stride - 1) / stride) + 1;     // slices at 0, stride, ..., and the end
        final double[][] logQ = new double[count][];
        final double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = (target == TargetWell.RIGHT ? i < firstRight : i >= firstRight) ? 1 : 0;
        }
        logQ[count - 1] = logOf(q);
        final double[] u = new double[n];
        final double[] pi = new double[n];
        final double[] up = new double[n - 1];
        final double[] down = new double[n - 1];
        final double[] shifted = new double[n];
        final double[] dummy = new double[n];
        final double[][] scratch = new double[4][n];
        final double invH2 = 1 / (h * h);
        long stepAt = total;
        for (int s = count - 2; s >= 0; s--) {
            final long from = (long) s * stride;
            final double dt = (stepAt - from) * grid.dt();
            final double t = stepAt * grid.dt();               // controls at the end of the backward step
            final double c0 = protocol.control0(t);
            final double c1 = protocol.control1(t);
            double uMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                u[i] = potential.energy(x[i], c0, c1);
                uMin = Math.min(uMin, u[i]);
            }
            for (int i = 0; i < n; i++) {
                pi[i] = Math.max(Math.exp(-(u[i] - uMin)), Double.MIN_NORMAL);
                q[i] *= pi[i];
                dummy[i] = 0;
            }
            ScharfetterGummel.rates(u, invH2, up, down, n, shifted);
            PositiveTridiagonal.solve2Twisted(up, down, dt, n, q, dummy, scratch);
            for (int i = 0; i < n; i++) {
                q[i] = Math.min(1, q[i] / pi[i]);
            }
            logQ[s] = logOf(q);
            stepAt = from;
        }
        return new Committor(g, stride, (int) total, logQ);
    }

    private static double[] logOf(double[] q) {
        final double[] l = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            l[i] = q[i] > 0 ? Math.max(LOG_FLOOR, Math.log(q[i])) : LOG_FLOOR;
        }
        return l;
    }

    /** ln q at Monte Carlo step k (0 ≤ k ≤ total steps) and position x, interpolated linearly. */
    public double logCommittor(int k, double x) {
        final int s = Math.min(k / stride, logQ.length - 2);
        final long t0 = (long) s * stride;
        final long t1 = Math.min((long) (s + 1) * stride, steps);
        final double w = t1 > t0 ? (double) (k - t0) / (t1 - t0) : 1;
        return (1 - w) * inX(logQ[s], x) + w * inX(logQ[s + 1], x);
    }

    private double inX(double[] l, double x) {
        final int n = grid.n();
        final double f = (x - grid.left()) / grid.h() - 0.5;
        if (!(f > 0)) {
            return l[0];
        }
        if (f >= n - 1) {
            return l[n - 1];
        }
        final int i = (int) f;
        final double a = f - i;
        return (1 - a) * l[i] + a * l[i + 1];
    }
}
