package org.erasure.optimize;

import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.InitialState;
import org.erasure.model.TargetWell;
import org.erasure.model.UnsupportedProblemException;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * The least work, over <em>all</em> potentials U(x, t) that start at the problem's initial potential and end at its
 * final one, that erases in time τ with error exactly ε (overdamped, reduced units kT = γ = x_m = 1):
 * <pre>
 *   W_min(τ, ε) = min over final densities p_f with P_f(wrong side) = ε of [ΔF(p_f) + W₂²(p_i, p_f)/τ],
 * </pre>
 * with p_i the initial equilibrium and ΔF = F[p_f; U_τ] − F[p_i; U_0] the change of the non-equilibrium free energy
 * F[ρ; U] = ⟨U⟩ + ⟨ln ρ⟩ (Aurell, Gawędzki, Mejía-Monasterio, Mohayaee &amp; Muratore-Ginanneschi, J. Stat. Phys. 147,
 * 487 (2012); Proesmans, Ehrich &amp; Bechhoefer, PRL 125, 100602 (2020) and PRE 102, 032105 (2020)). Every protocol
 * of the product, whatever its family, does at least this work on average; and the bound is reached by the optimal
 * potential, so it is the full-control optimum, not only a bound.
 *
 * <p><b>Method.</b> The problem is convex in p_f (ΔF is a relative entropy plus a linear term, W₂² is convex under
 * mixtures, and the constraint is linear), so its minimum is unique. It is solved for the monotone transport map T
 * that carries p_i to p_f (in 1-D W₂ is attained by the monotone map, Villani 2003, thm 2.18). p_i is taken
 * constant on the cells of a uniform grid (cell masses by 5-point Gauss–Legendre quadrature of e^−U₀); each cell's
 * mass m_k is carried linearly onto [T_k, T_{k+1}], so p_f is constant there and
 * <pre>
 *   J(T) = Σ_k m_k [ Ū_τ(T_k, T_{k+1}) + ln(m_k / (T_{k+1} − T_k)) + ((T_k − x_k)² + (T_k − x_k)(T_{k+1} − x_{k+1})
 *          + (T_{k+1} − x_{k+1})²)/(3τ) ] − F₀
 * </pre>
 * with Ū the Simpson mean of U over the image cell, W₂² exact for these densities, and F₀ the same functional of p_i
 * (J = 0 at T = identity when U_τ = U₀). The constraint is linear in T: the face x_s where the cumulative of p_i
 * equals ε (1 − ε when the target is the left well) is a grid face, and T_s is the final barrier. J is a sum of terms
 * of neighbouring nodes, so its Hessian is tridiagonal: each side of x_s is minimised by Newton's method with a
 * tridiagonal solve. Where the Hessian is not positive (U'' &lt; 0 near a barrier) the step uses the convexified
 * Hessian, each cell's U'' clamped at 0, which is positive definite; a backtracking line search keeps T increasing.
 * Convergence: the Newton decrement below 1e-13 of |J| with the exact Hessian, else the solve throws. The numerical error is the difference from a solve on half the cells.
 */
public final class FullControlOptimum {

    /** Base cells of the default solve (the error estimate runs half as many). */
    public static final int DEFAULT_CELLS = 4000;
    private static final int MAX_NEWTON = 500;

    /**
     * @param work             W_min in kT, from the grid of {@code cells} cells
     * @param workError        |W_min(cells) − W_min(cells/2)| in kT: the discretisation error estimate
     * @param freeEnergyChange ΔF of the optimal final density in kT
     * @param wasserstein2     W₂(p_i, p_f) of the optimal final density in x_m
     * @param cells            the base cells of the fine solve
     * @param newtonSteps      Newton iterations of the fine solve, both sides together
     */
    public record Result(double work, double workError, double freeEnergyChange, double wasserstein2, int cells,
                         int newtonSteps) {
    }

    private FullControlOptimum() {
    }

    /** W_min for the problem's potentials, duration and target well, at error {@code targetError}, on the default grid. */
    public static Result of(ErasureProblem problem, double targetError) {
        return of(problem, targetError, DEFAULT_CELLS);
    }

    /** As {@link #of(ErasureProblem, double)} on {@code cells} base cells (≥ 40). */
    public static Result of(ErasureProblem problem, double targetError, int cells) {
        if (!(problem.dynamics() instanceof Dynamics.Overdamped)) {
            throw new UnsupportedProblemException("the full-control optimum is computed for overdamped dynamics only "
                    + "(its W2^2/tau term is the overdamped transport cost)");
        }
        if (!(problem.initial() instanceof InitialState.Equilibrium)) {
            throw new UnsupportedProblemException("the full-control optimum starts from the equilibrium of the "
                    + "initial potential, not from " + problem.initial());
        }
        if (!(targetError > 0 && targetError < 0.5)) {
            throw new IllegalArgumentException("the error of the full-control optimum must lie in (0, 0.5), got "
                    + targetError);
        }
        if (cells < 40) {
            throw new IllegalArgumentException("the full-control optimum needs at least 40 cells, got " + cells);
        }
        final Side fine = solve(problem, targetError, cells);
        final Side coarse = solve(problem, targetError, cells / 2);
        return new Result(fine.work, Math.abs(fine.work - coarse.work), fine.freeEnergy, Math.sqrt(fine.w2sq), cells,
                fine.newton);
    }

    /** The outcome of one grid: J, its parts, the Newton iterations. */
    private record Side(double work, double freeEnergy, double w2sq, int newton) {
    }

    private static Side solve(ErasureProblem problem, double eps, int cells) {
        final Potential pot = problem.potential();
        final Protocol pr = problem.protocol();
        final double tau = pr.duration();
        final double a0 = pr.control0(0);
        final double a1 = pr.control1(0);
        final double b0 = pr.control0(tau);
        final double b1 = pr.control1(tau);
        final double xb = pot.barrierPosition(b0, b1);
        final double[] reach = pot.confiningInterval(a0, a1);
        final double mid = 0.5 * (reach[0] + reach[1]);
        final double lo = mid - 1.25 * (mid - reach[0]);
        final double hi = mid + 1.25 * (reach[1] - mid);
        final double h = (hi - lo) / cells;

        // cell masses of p_i ∝ e^{−U_0}, 5-point Gauss–Legendre per cell, relative to the minimum on the grid
        final double[] x = new double[cells + 1];
        for (int k = 0; k <= cells; k++) {
            x[k] = lo + k * h;
        }
        double uMin = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= cells; k++) {
            uMin = Math.min(uMin, pot.energy(x[k], a0, a1));
        }
        final double[] m = new double[cells];
        double total = 0;
        for (int k = 0; k < cells; k++) {
            double s = 0;
            for (int q = 0; q < GL_NODES.length; q++) {
                s += GL_WEIGHTS[q] * Math.exp(-(pot.energy(x[k] + h * GL_NODES[q], a0, a1) - uMin));
            }
            m[k] = s * h;
            total += m[k];
        }
        for (int k = 0; k < cells; k++) {
            m[k] /= total;
        }
        // the face where the cumulative of p_i is u*: p_i uniform within the cell it falls in, which is split there
        final double uStar = problem.target() == TargetWell.RIGHT ? eps : 1 - eps;
        double cum = 0;
        int c = 0;
        while (c < cells && cum + m[c] < uStar) {
            cum += m[c];
            c++;
        }
        if (c < 4 || c > cells - 5) {
            throw new UnsupportedProblemException(String.format(java.util.Locale.ROOT,
                    "the full-control optimum cannot resolve eps = %.3g: its quantile lies in the outermost cells of "
                            + "the initial density's grid (more than 80 kT up the wall)", eps));
        }
        final double frac = (uStar - cum) / m[c];
        // nodes with the split face inserted: cells 0..c−1, c split into two, c+1..cells−1
        final int nCells = cells + 1;
        final double[] nodes = new double[nCells + 1];
        final double[] mass = new double[nCells];
        for (int k = 0; k <= c; k++) {
            nodes[k] = x[k];
        }
        nodes[c + 1] = x[c] + frac * h;
        for (int k = c + 1; k <= cells; k++) {
            nodes[k + 1] = x[k];
        }
        for (int k = 0; k < c; k++) {
            mass[k] = m[k];
        }
        mass[c] = frac * m[c];
        mass[c + 1] = (1 - frac) * m[c];
        for (int k = c + 1; k < cells; k++) {
            mass[k + 1] = m[k];
        }
        final int split = c + 1;
        // F_0: the same functional of p_i itself, in the initial potential
        double f0 = 0;
        for (int k = 0; k < nCells; k++) {
            if (mass[k] > 0) {
                f0 += mass[k] * (simpsonMean(pot, nodes[k], nodes[k + 1], a0, a1)
                        + Math.log(mass[k] / (nodes[k + 1] - nodes[k])));
            }
        }
        // start: a map that keeps every cell's width within a factor 2 (see linearMap)
        final Chain chain = new Chain(pot, b0, b1, tau, nodes, mass, linearMap(nodes, split, xb));
        final int left = chain.minimise(0, split, true);
        final int right = chain.minimise(split, nCells, false);
        double j = 0;
        double w2 = 0;
        for (int k = 0; k < nCells; k++) {
            j += chain.cellValue(k);
            w2 += chain.cellTransport(k);
        }
        return new Side(j - f0, j - f0 - w2 / tau, w2, left + right);
    }

    /**
     * T_k: below the split node a shift that puts it on xb; above it the affine map of [x_split, x_n] onto
     * [xb, x_n + (xb − x_split)/2]. Both keep cell widths within a factor of 2. (The τ → ∞ optimum, p_i reweighted on
     * each side, is a worse start: it squeezes the cells of mass ~ε next to xb to widths ~1e-12, and Newton's steps
     * from there are cut to nothing by the line search; measured.)
     */
    private static double[] linearMap(double[] nodes, int split, double xb) {
        final int n = nodes.length - 1;
        final double[] t = new double[n + 1];
        final double shift = xb - nodes[split];
        for (int k = 0; k < split; k++) {
            t[k] = nodes[k] + shift;
        }
        t[split] = xb;
        final double end = nodes[n] + 0.5 * shift;
        final double scale = (end - xb) / (nodes[n] - nodes[split]);
        for (int k = split + 1; k <= n; k++) {
            t[k] = xb + (nodes[k] - nodes[split]) * scale;
        }
        return t;
    }

    static double simpsonMean(Potential pot, double a, double b, double c0, double c1) {
        return (pot.energy(a, c0, c1) + 4 * pot.energy(0.5 * (a + b), c0, c1) + pot.energy(b, c0, c1)) / 6;
    }

    private static final double[] GL_NODES;
    private static final double[] GL_WEIGHTS;

    static {
        // 5-point Gauss–Legendre on [0, 1]
        final double[] z = {0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640};
        final double[] w = {0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891,
                0.2369268850561891};
        GL_NODES = new double[5];
        GL_WEIGHTS = new double[5];
        for (int q = 0; q < 5; q++) {
            GL_NODES[q] = 0.5 * (z[q] + 1);
            GL_WEIGHTS[q] = 0.5 * w[q];
        }
    }

    /** The map T on the nodes and the objective's cell terms; Newton on one side of the pinned node. */
    private static final class Chain {
        private final Potential pot;
        private final double c0;
        private final double c1;
        private final double tau;
        private final double[] x;
        private final double[] m;
        private final double[] t;

        Chain(Potential pot, double c0, double c1, double tau, double[] x, double[] m, double[] t) {
            this.pot = pot;
            this.c0 = c0;
            this.c1 = c1;
            this.tau = tau;
            this.x = x;
            this.m = m;
            this.t = t;
        }

        double cellTransport(int k) {
            final double p = t[k] - x[k];
            final double q = t[k + 1] - x[k + 1];
            return m[k] * (p * p + p * q + q * q) / 3;
        }

        double cellValue(int k) {
            if (m[k] <= 0) {
                return 0;
            }
            final double a = t[k];
            final double b = t[k + 1];
            return m[k] * (simpsonMean(pot, a, b, c0, c1) + Math.log(m[k] / (b - a))) + cellTransport(k) / tau;
        }

        private double sideValue(int from, int to) {
            double s = 0;
            for (int k = from; k < to; k++) {
                s += cellValue(k);
            }
            return s;
        }

        /**
         * Newton on cells [from, to): the node on the pinned side ({@code pinnedRight}: node {@code to}, else node
         * {@code from}) stays; the others move. Returns the iterations.
         */
        int minimise(int from, int to, boolean pinnedRight) {
            final int firstFree = pinnedRight ? from : from + 1;
            final int lastFree = pinnedRight ? to - 1 : to;
            final int n = lastFree - firstFree + 1;
            final double[] g = new double[n];
            final double[] d = new double[n];
            final double[] e = new double[n];     // e[i]: coupling of free nodes i and i+1
            final double[] step = new double[n];
            final double[] saved = new double[n];
            final double[] piv = new double[n];
            double value = sideValue(from, to);
            double sideMass = 0;
            for (int k = from; k < to; k++) {
                sideMass += m[k];
            }
            int it = 0;
            boolean converged = false;
            for (; it < MAX_NEWTON; it++) {
                java.util.Arrays.fill(g, 0);
                java.util.Arrays.fill(d, 0);
                java.util.Arrays.fill(e, 0);
                for (int k = from; k < to; k++) {
                    if (m[k] <= 0) {
                        continue;
                    }
                    accumulate(k, firstFree, lastFree, g, d, e, false);
                }
                double gMax = 0;
                for (double v : g) {
                    gMax = Math.max(gMax, Math.abs(v));
                }
                // Newton step; where the Hessian is not positive (U'' < 0 near a barrier), the step of the convexified
                // Hessian (each cell's U'' clamped at 0), which is positive definite: the transport term is
                                boolean exact = solve(d, e, g, step, piv);
                if (!exact) {
                    java.util.Arrays.fill(d, 0);
                    java.util.Arrays.fill(e, 0);
                    java.util.Arrays.fill(g, 0);
                    for (int k = from; k < to; k++) {
                        if (m[k] > 0) {
                            accumulate(k, firstFree, lastFree, g, d, e, true);
                        }
                    }
                    solveModified(d, e, g, step, piv);
                }
                double decrement = 0;
                for (int i = 0; i < n; i++) {
                    decrement -= g[i] * step[i];
                }
                if (!(decrement > 1e-13 * (sideMass + Math.abs(value))) && exact) {
                    converged = true;
                    break;
                }
                for (int i = 0; i < n; i++) {
                    saved[i] = t[firstFree + i];
                }
                double alpha = 1;
                double trial = Double.NaN;
                for (int ls = 0; ls < 60; ls++) {
                    for (int i = 0; i < n; i++) {
                        t[firstFree + i] = saved[i] + alpha * step[i];
                    }
                    if (increasing(from, to)) {
                        trial = sideValue(from, to);
                        if (trial <= value - 1e-4 * alpha * decrement) {
                            break;
                        }
                    }
                    alpha *= 0.5;
                    trial = Double.NaN;
                }
                if (Double.isNaN(trial)) {
                    // no decrease along a descent direction: J is at its minimum to rounding
                    for (int i = 0; i < n; i++) {
                        t[firstFree + i] = saved[i];
                    }
                    converged = decrement < 1e-9 * (sideMass + Math.abs(value));
                    break;
                }
                value = trial;
            }
            if (!converged) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "the full-control optimum did not converge in %d Newton steps (tau = %.3g)", it, tau));
            }
            return it;
        }

        private boolean increasing(int from, int to) {
            for (int k = from; k < to; k++) {
                if (!(t[k + 1] > t[k])) {
                    return false;
                }
            }
            return true;
        }

        /** Cell k's gradient and Hessian, added to the free nodes among k and k+1. */
        private void accumulate(int k, int firstFree, int lastFree, double[] g, double[] d, double[] e,
                                boolean convex) {
            final double a = t[k];
            final double b = t[k + 1];
            final double mid = 0.5 * (a + b);
            final double mk = m[k];
            final double len = b - a;
            final double fa = -pot.force(a, c0, c1);       // U'
            final double fm = -pot.force(mid, c0, c1);
            final double fb = -pot.force(b, c0, c1);
            final double ca = clamp(pot.curvature(a, c0, c1), convex);    // U''
            final double cm = clamp(pot.curvature(mid, c0, c1), convex);
            final double cb = clamp(pot.curvature(b, c0, c1), convex);
            final double p = a - x[k];
            final double q = b - x[k + 1];
            // ∂/∂a, ∂/∂b
            final double ga = mk * ((fa + 2 * fm) / 6 + 1 / len + (2 * p + q) / (3 * tau));
            final double gb = mk * ((fb + 2 * fm) / 6 - 1 / len + (p + 2 * q) / (3 * tau));
            final double inv2 = 1 / (len * len);
            final double haa = mk * ((ca + cm) / 6 + inv2 + 2 / (3 * tau));
            final double hbb = mk * ((cb + cm) / 6 + inv2 + 2 / (3 * tau));
            final double hab = mk * (cm / 6 - inv2 + 1 / (3 * tau));
            final boolean aFree = k >= firstFree && k <= lastFree;
            final boolean bFree = k + 1 >= firstFree && k + 1 <= lastFree;
            if (aFree) {
                g[k - firstFree] += ga;
                d[k - firstFree] += haa;
            }
            if (bFree) {
                g[k + 1 - firstFree] += gb;
                d[k + 1 - firstFree] += hbb;
            }
            if (aFree && bFree) {
                e[k - firstFree] += hab;
            }
        }

        private static double clamp(double curvature, boolean convex) {
            return convex ? Math.max(0, curvature) : curvature;
        }

        /**
         * As {@link #solve} for a positive semi-definite H, with a pivot that rounding leaves below 1e-12 of its
         * diagonal raised to that (modified Cholesky, Gill &amp; Murray 1974): the step stays a descent direction.
         */
        private static void solveModified(double[] d, double[] e, double[] g, double[] step, double[] piv) {
            final int n = d.length;
            for (int i = 0; i < n; i++) {
                final double di = d[i] - (i > 0 ? e[i - 1] * e[i - 1] / piv[i - 1] : 0);
                piv[i] = Math.max(di, 1e-12 * d[i]);
                step[i] = -g[i] - (i > 0 ? e[i - 1] / piv[i - 1] * step[i - 1] : 0);
            }
            for (int i = n - 1; i >= 0; i--) {
                step[i] = step[i] / piv[i] - (i < n - 1 ? e[i] / piv[i] * step[i + 1] : 0);
            }
        }

        /** H step = −g by LDLᵀ; false when a pivot is not positive. */
        private static boolean solve(double[] d, double[] e, double[] g, double[] step, double[] piv) {
            final int n = d.length;
            for (int i = 0; i < n; i++) {
                final double di = d[i] - (i > 0 ? e[i - 1] * e[i - 1] / piv[i - 1] : 0);
                if (!(di > 0)) {
                    return false;
                }
                piv[i] = di;
                step[i] = -g[i] - (i > 0 ? e[i - 1] / piv[i - 1] * step[i - 1] : 0);
            }
            for (int i = n - 1; i >= 0; i--) {
                step[i] = step[i] / piv[i] - (i < n - 1 ? e[i] / piv[i] * step[i + 1] : 0);
            }
            return true;
        }
    }
}
