package org.erasure.fokkerplanck;

import static org.erasure.fokkerplanck.DensityFunctionals.boltzmann;

import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * ⟨W⟩ and ln ε of the Fokker–Planck solve with their exact gradients with respect to the control values at every
 * time node, by the discrete adjoint of the scheme (issue 26). One job: the forward solve that keeps its densities,
 * and the same solve transposed, backward in time.
 *
 * <p><b>The discrete problem.</b> The solver's step k (of N, dt each) jumps the energies from U_{k−1} to U_k at fixed
 * density, doing work p_{k−1}·(U_k − U_{k−1}), then relaxes by backward Euler, A_k p_k = p_{k−1} with
 * A_k = I − dt L(U_k), L the Scharfetter–Gummel generator whose face rates are B(±z_f)/h², z_f = U_{f+1} − U_f,
 * B(z) = z/(e^z − 1). The start is the discrete Boltzmann density of U_0; ε = Σ_wrong p_N. Both bit values evolve
 * by the same linear map, so their sum, one density, carries ⟨W⟩ and ε.
 *
 * <p><b>The adjoint</b> (the transpose of each step, backward, as in Giles &amp; Pierce, Flow Turb. Combust. 65,
 * 393 (2000); Plessix, Geophys. J. Int. 167, 495 (2006)). With a_N = ∂J/∂p_N and, backward, μ_k = A_k^{−T} a_k,
 * a_{k−1} = μ_k + ∂J/∂p_{k−1} (for ⟨W⟩ the latter is U_k − U_{k−1}), the gradient with respect to the energies of
 * node k is
 * <pre>
 *   ∂J/∂U_k = [direct: p_{k−1} − p_k for ⟨W⟩] − μ_kᵀ (∂A_k/∂U_k) p_k,
 *   μᵀ (∂A/∂z_f) p = −dt (∂J_f/∂z_f)(μ_{f+1} − μ_f),  ∂J_f/∂z_f = [B'(z) p_f − (B'(z) + 1) p_{f+1}]/h²,
 * </pre>
 * (J_f the face's current, B'(−z) = −B'(z) − 1), plus at node 0 the start's −p_0 ⊙ (a_0 − a_0·p_0). The chain rule
 * through ∂U/∂c ({@link Potential#controlDerivatives}) gives the gradient with respect to the two controls at each
 * node. The result is the gradient of the discrete solve, exact to rounding; second order (Richardson) combines the
 * runs on dt and dt/2 as the solver does: ⟨W⟩ = 2W(dt/2) − W(dt), ln ε = 2 ln ε(dt/2) − ln ε(dt).
 *
 * <p>The densities, energies and rates of every step are kept (the adjoint then needs no exponential): about
 * 4 × (steps + 1) × cells doubles per run. A solve that would need more than
 * half the heap is refused before it starts. The grid of cells is fixed (given); a problem with a hold is refused.
 */
public final class FokkerPlanckGradient {

    /**
     * @param work              ⟨W⟩ in kT
     * @param error             ε at the protocol's end
     * @param times             the nodes t_j (τ_D): j·dt for order 1, j·dt/2 for order 2
     * @param workGradient      ∂⟨W⟩/∂c[control][node], kT per unit of the control
     * @param logErrorGradient  ∂ln ε/∂c[control][node]
     */
    public record Result(double work, double error, double[] times, double[][] workGradient,
                         double[][] logErrorGradient) {
    }

    private FokkerPlanckGradient() {
    }

    /**
     * The solve of {@code protocol} on {@code cells} cells over [lo, hi] (a face on the final barrier), on {@code
     * grid}, at order 1 or 2 in time, with its gradients.
     */
    public static Result solve(Potential potential, Protocol protocol, TargetWell target, double lo, double hi,
                               int cells, TimeGrid grid, int order) {
        final double tau = protocol.duration();
        final double xb = potential.barrierPosition(protocol.control0(tau), protocol.control1(tau));
        return solve(potential, protocol, target, CellGrid.on(lo, hi, cells, xb), grid, order);
    }

    /** As above on the solver's own cells for the protocol ({@link CellGrid#of}). */
    public static Result solve(Potential potential, Protocol protocol, TargetWell target, int cells, TimeGrid grid,
                               int order) {
        return solve(potential, protocol, target, CellGrid.of(potential, protocol, cells), grid, order);
    }

    static Result solve(Potential potential, Protocol protocol, TargetWell target, CellGrid g, TimeGrid grid,
                        int order) {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("the time order must be 1 or 2, got " + order);
        }
        if (grid.holdSteps() > 0) {
            throw new IllegalArgumentException("the Fokker-Planck gradient covers the protocol only, not a hold");
        }
        final long steps = grid.protocolSteps() * order;
        // densities, energies and both rates of every step
        final double bytes = 4 * 8.0 * g.n() * (steps + 1 + (order == 2 ? grid.protocolSteps() + 1 : 0));
        if (bytes > 0.5 * Runtime.getRuntime().maxMemory()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the Fokker-Planck gradient "
                    + "keeps every density: %.2g GB for %d cells and %d steps, over half the heap (%.2g GB)",
                    bytes / 1e9, g.n(), steps, Runtime.getRuntime().maxMemory() / 1e9));
        }
        final double tau = protocol.duration();
        final int n = (int) steps;
        final Run fine = new Run(potential, protocol, target, g, tau / n, n);
        if (order == 1) {
            return new Result(fine.work, fine.error, fine.times, fine.gradW, fine.gradE);
        }
        final Run coarse = new Run(potential, protocol, target, g, tau / (n / 2), n / 2);
        final double[][] gw = new double[2][n + 1];
        final double[][] ge = new double[2][n + 1];
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j <= n; j++) {
                gw[c][j] = 2 * fine.gradW[c][j] - (j % 2 == 0 ? coarse.gradW[c][j / 2] : 0);
                ge[c][j] = 2 * fine.gradE[c][j] - (j % 2 == 0 ? coarse.gradE[c][j / 2] : 0);
            }
        }
        return new Result(2 * fine.work - coarse.work, fine.error * fine.error / coarse.error, fine.times, gw, ge);
    }

    /** One backward-Euler run, forward then adjoint. */
    private static final class Run {
        final double work;
        final double error;
        final double[] times;
        final double[][] gradW;
        final double[][] gradE;

        Run(Potential pot, Protocol protocol, TargetWell target, CellGrid g, double dt, int steps) {
            final int n = g.n();
            final double[] x = g.centres();
            final double invH2 = 1 / (g.h() * g.h());
            times = new double[steps + 1];
            final double[] c0 = new double[steps + 1];
            final double[] c1 = new double[steps + 1];
            for (int k = 0; k <= steps; k++) {
                times[k] = k * dt;
                c0[k] = protocol.control0(times[k]);
                c1[k] = protocol.control1(times[k]);
            }
            // forward, keeping every density, and each step's energies and rates for the adjoint
            final double[][] p = new double[steps + 1][];
            final double[][] us = new double[steps + 1][];
            final double[][] ups = new double[steps + 1][];
            final double[][] downs = new double[steps + 1][];
            us[0] = energies(pot, x, c0[0], c1[0]);
            p[0] = boltzmann(us[0]);
            final double[] shifted = new double[n];
            final double[][] scratch = new double[4][n];
            double w = 0;
            for (int k = 1; k <= steps; k++) {
                final double[] u = energies(pot, x, c0[k], c1[k]);
                w += dot(p[k - 1], u) - dot(p[k - 1], us[k - 1]);
                ups[k] = new double[n - 1];
                downs[k] = new double[n - 1];
                ScharfetterGummel.rates(u, invH2, ups[k], downs[k], n, shifted);
                p[k] = p[k - 1].clone();
                PositiveTridiagonal.solve2Twisted(ups[k], downs[k], dt, n, p[k], null, scratch);
                us[k] = u;
            }
            work = w;
            final boolean[] wrong = new boolean[n];
            double eps = 0;
            for (int i = 0; i < n; i++) {
                wrong[i] = target == TargetWell.RIGHT ? i < g.firstRight() : i >= g.firstRight();
                if (wrong[i]) {
                    eps += p[steps][i];
                }
            }
            error = eps;
            // adjoint, backward: aW, aE = ∂J/∂p_k through the future
            gradW = new double[2][steps + 1];
            gradE = new double[2][steps + 1];
            final double[] aW = new double[n];
            final double[] aE = new double[n];
            for (int i = 0; i < n; i++) {
                aE[i] = wrong[i] ? 1 / eps : 0;          // ln ε
            }
            final double[] muW = new double[n];
            final double[] muE = new double[n];
            final double[] gW = new double[n];          // ∂/∂U_k
            final double[] gE = new double[n];
            final double[] pendingW = new double[n];    // ⟨W⟩'s −p_k, owed to node k by step k + 1
            final double[] dU = new double[2];
            final double[] cScratch = new double[n];
            final double h2 = g.h() * g.h();
            for (int k = steps; k >= 1; k--) {
                final double[] uNow = us[k];
                final double[] uBefore = us[k - 1];
                final double[] up = ups[k];
                transposedSolve(up, downs[k], dt, n, aW, aE, muW, muE, cScratch);
                for (int i = 0; i < n; i++) {
                    gW[i] = p[k - 1][i] + pendingW[i];
                    gE[i] = 0;
                }
                final double[] pk = p[k];
                for (int f = 0; f < n - 1; f++) {
                    final double z = uNow[f + 1] - uNow[f];
                    final double bp = bernoulliSlope(z, up[f] * h2);
                    final double dj = (bp * pk[f] - (bp + 1) * pk[f + 1]) * invH2 * dt;
                    final double sw = dj * (muW[f + 1] - muW[f]);
                    final double se = dj * (muE[f + 1] - muE[f]);
                    gW[f + 1] += sw;
                    gW[f] -= sw;
                    gE[f + 1] += se;
                    gE[f] -= se;
                }
                contract(pot, x, c0[k], c1[k], gW, gE, gradW, gradE, k, dU);
                for (int i = 0; i < n; i++) {
                    aW[i] = muW[i] + (uNow[i] - uBefore[i]);
                    aE[i] = muE[i];
                    pendingW[i] = -p[k - 1][i];
                }
                p[k] = null;            // no longer needed: let the collector have it
                ups[k] = null;
                downs[k] = null;
            }
            // node 0: ⟨W⟩'s −p_0 from step 1, and the Boltzmann start's dependence on U_0
            double sW = 0;
            double sE = 0;
            for (int i = 0; i < n; i++) {
                sW += aW[i] * p[0][i];
                sE += aE[i] * p[0][i];
            }
            for (int i = 0; i < n; i++) {
                gW[i] = pendingW[i] - p[0][i] * (aW[i] - sW);
                gE[i] = -p[0][i] * (aE[i] - sE);
            }
            contract(pot, x, c0[0], c1[0], gW, gE, gradW, gradE, 0, dU);
        }
    }

    private static double[] energies(Potential pot, double[] x, double c0, double c1) {
        final double[] u = new double[x.length];
        DensityFunctionals.energies(pot, x, c0, c1, u);
        return u;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Σ_i g_i ∂U(x_i)/∂c for both controls, into node k of the gradients. */
    private static void contract(Potential pot, double[] x, double c0, double c1, double[] gW, double[] gE,
                                 double[][] gradW, double[][] gradE, int k, double[] dU) {
        double w0 = 0;
        double w1 = 0;
        double e0 = 0;
        double e1 = 0;
        for (int i = 0; i < x.length; i++) {
            pot.controlDerivatives(x[i], c0, c1, dU);
            w0 += gW[i] * dU[0];
            w1 += gW[i] * dU[1];
            e0 += gE[i] * dU[0];
            e1 += gE[i] * dU[1];
        }
        gradW[0][k] = w0;
        gradW[1][k] = w1;
        gradE[0][k] = e0;
        gradE[1][k] = e1;
    }

    /**
     * μ = A^{−T} a for two right-hand sides, A = I − dt L: Aᵀ has diagonal 1 + dt(up_i + down_{i−1}), super-diagonal
     * −dt up_i and sub-diagonal −dt down_{i−1}; it is strictly diagonally dominant by rows (each row of Aᵀ is a column
     * of A, whose off-diagonal sum is the diagonal less 1), so the Thomas algorithm is stable without pivoting.
     */
    static void transposedSolve(double[] up, double[] down, double dt, int n, double[] a, double[] b, double[] x,
                                double[] y, double[] c) {
        // forward sweep: c[i] the modified super-diagonal, x, y the modified right-hand sides
        final double inv0 = 1 / (1 + dt * up[0]);
        c[0] = -dt * up[0] * inv0;
        x[0] = a[0] * inv0;
        y[0] = b[0] * inv0;
        for (int i = 1; i < n; i++) {
            final double sub = -dt * down[i - 1];
            final double inv = 1 / (1 + dt * ((i < n - 1 ? up[i] : 0) + down[i - 1]) - sub * c[i - 1]);
            c[i] = i < n - 1 ? -dt * up[i] * inv : 0;
            x[i] = (a[i] - sub * x[i - 1]) * inv;
            y[i] = (b[i] - sub * y[i - 1]) * inv;
        }
        for (int i = n - 2; i >= 0; i--) {
            x[i] -= c[i] * x[i + 1];
            y[i] -= c[i] * y[i + 1];
        }
    }

    /**
     * B'(z), B(z) = z/(e^z − 1): the Bernoulli series Σ B_{2m} z^{2m−1}/(2m − 1)! − 1/2 for |z| &lt; 1/2 (to 1e-16),
     * else B(z)(1 − B(z))/z − B(z) (from e^z/(e^z − 1) = 1 + B(z)/z), with B(z) = z/expm1(z), or its limits −1 and
     * 0 where e^z over- or underflows.
     */
    static double bernoulliSlope(double z) {
        return bernoulliSlope(z, Math.abs(z) < 0.5 || z > 700 ? Double.NaN : z / Math.expm1(z));
    }

    /** As {@link #bernoulliSlope(double)} with B(z) given (the solve's own rate times h²): no exponential. */
    static double bernoulliSlope(double z, double b) {
        final double a = Math.abs(z);
        if (a < 0.5) {
            final double z2 = z * z;
            return -0.5 + z * (1.0 / 6 + z2 * (-1.0 / 180 + z2 * (1.0 / 5040 + z2 * (-1.0 / 151200
                    + z2 * (1.0 / 4790016 + z2 * (-691.0 / 2730 / 39916800 + z2 * (7.0 / 6 / 6227020800.0
                    + z2 * (-3617.0 / 510 / 1307674368000.0))))))));
        }
        if (z > 700) {
            return -z * Math.exp(-z);       // B ≈ z e^{−z}, B' ≈ (1 − z) e^{−z}
        }
        return b * (1 - b) / z - b;
    }
}
