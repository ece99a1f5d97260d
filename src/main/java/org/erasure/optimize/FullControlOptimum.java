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
 * mixtures, and the constraint is linear), so its minimum is unique. It is solved for the monotone map T that carries
 * p_i to p_f, written in the quantile variable u (in 1-D W₂ is attained by the monotone map, Villani 2003,
 * thm 2.18): on the cells of {@link QuantileCells}, each of mass Δu_k, T is linear in u, so p_f is constant on
 * [T_k, T_{k+1}] (width w_k) and
 * <pre>
 *   J(T) = Σ_k Δu_k [ Ū_τ(T_k, T_{k+1}) + ln(Δu_k / w_k) ] + (1/τ) Σ_k ∫_cell (T(u) − Q_i(u))² du − F₀,
 * </pre>
 * with Ū the Simpson mean of U_τ over the image cell, the transport integral exact for p_i (see QuantileCells), and
 * F₀ = −ln Z₀. The constraint is linear in T: the face where p_i's cumulative is ε is a cell face, and T there is the
 * final barrier. (A left target is solved as the right one of the mirror image.) J is a sum of terms of neighbouring
 * nodes, so its Hessian is tridiagonal; each side of the pinned face is minimised by Newton's method. Measured
 * necessities:
 * <ul>
 *   <li>The exact Newton step is tried first, along the step and then along a multiplicative path; where the Hessian
 *       is not positive definite or neither decreases J enough, the better of two safeguarded steps follows, each
 *       with a backtracking (Armijo) search: the negative U'' scaled down until the Hessian is positive definite,
 *       with and without each cell's stiffness raised to at least |∂J/∂w|/(5w) (no width then asked to change by
 *       more than about e^±5); each helps where the other stalls.</li>
 *   <li>The cell widths, not the nodes, are the state, and the safeguarded step changes them by factors e^r (see
 *       {@code TransportMapNewton.moveAlong}): the image of a cell of mass 1e-30 must shrink far below the ulp of its position.</li>
 *   <li>The LDLᵀ pivots are computed from their excess over the entropy's stiffness m/w² (see {@code TransportMapNewton.Newton}); the
 *       plain recurrence cancels to negative pivots.</li>
 * </ul>
 * It starts from an affine map (see {@code linearMap}); converges when the Newton decrement is below 1e-10 of
 * Σ|J's terms|, or, where convergence is slow and linear, when the geometric tail of its decreases is below 1e-8 of
 * that (three times the tail then joins the numerical error); otherwise it throws. The numerical error is the difference from a
 * solve on half the cells.
 *
 * <p><b>Reach</b> (measured, 4000 cells): on the grid E_b ∈ {8, 12, 20, 40, 100} kT × τ ∈ {1e-3 … 1e3} τ_D ×
 * ε ∈ {1e-6, 1e-9, 1e-15, 2e-22, 1e-25}, all 175 converge, largest relative error estimate 3e-5. On a random sweep
 * of E_b in [4, 100] kT, τ in [1e-3, 1e4] τ_D, ε in [1e-30, 0.03] and 1000–4000 cells, 3 of 150 do not converge;
 * those throw, they are never reported.
 */
public final class FullControlOptimum {

    /** Base cells of the default solve (the error estimate runs half as many). */
    public static final int DEFAULT_CELLS = 4000;

    /**
     * @param work             W_min in kT, from the grid of {@code cells} cells
     * @param workError        |W_min(cells) − W_min(cells/2)| in kT, the discretisation error estimate, plus the
     *                         optimisation gaps of solves that stopped on slow convergence
     * @param freeEnergyChange ΔF of the optimal final density in kT
     * @param wasserstein2     W₂(p_i, p_f) of the optimal final density in x_m
     * @param cells            the base cells of the fine solve
     */
    public record Result(double work, double workError, double freeEnergyChange, double wasserstein2, int cells) {
    }

    private FullControlOptimum() {
    }

    /** W_min for the problem's potentials, duration and target well, at error {@code targetError}, on the default grid. */
    public static Result of(ErasureProblem problem, double targetError) {
        return of(problem, targetError, DEFAULT_CELLS);
    }

    /** As {@link #of(ErasureProblem, double)} on {@code cells} base cells (≥ 40). */
    public static Result of(ErasureProblem problem, double targetError, int cells) {
        requireCells(cells);
        final Side fine = solve(problem, targetError, cells);
        final Side coarse = solve(problem, targetError, cells / 2);
        return new Result(fine.work, Math.abs(fine.work - coarse.work) + fine.gap + coarse.gap, fine.freeEnergy,
                Math.sqrt(fine.w2sq), cells);
    }

    /** The outcome of one grid: J, its parts, the Newton iterations. */
    private record Side(double work, double freeEnergy, double w2sq, double gap) {
    }

    private static Side solve(ErasureProblem problem, double eps, int cells) {
        final TransportMap map = map(problem, eps, cells);
        final TransportMapNewton chain = map.chain();
        final int nCells = map.cells().cells();
        final double f0 = map.cells().freeEnergy();
        double j = 0;
        double w2 = 0;
        for (int k = 0; k < nCells; k++) {
            j += chain.cellValue(k);
            w2 += chain.cellTransport(k);
        }
        return new Side(j - f0, j - f0 - w2 / map.tau(), w2, chain.gap());
    }

    /**
     * The solved optimal map of one grid, for the right target: with a left target, of the mirror image (then
     * {@code potential} is the mirrored one and {@code mirrored} is true).
     *
     * @param potential the potential solved (mirrored for a left target)
     * @param mirrored  whether the problem was mirrored
     * @param cells     p_i's cells
     * @param chain     the minimised map: its nodes T_k and widths
     * @param tau       τ (τ_D)
     */
    record TransportMap(Potential potential, boolean mirrored, double initial0, double initial1, double final0,
                        double final1, QuantileCells cells, TransportMapNewton chain, double tau) {
    }

    /** The optimum's refusals, in one line each, before any work. */
    private static void requireSolvable(ErasureProblem problem, double targetError) {
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
    }

    /** At least 40 base cells (the error estimate solves half as many). */
    static void requireCells(int cells) {
        if (cells < 40) {
            throw new IllegalArgumentException("the full-control optimum needs at least 40 cells, got " + cells);
        }
    }

    static TransportMap map(ErasureProblem problem, double eps, int cells) {
        requireSolvable(problem, eps);
        // the left target is solved as the right one of the mirror image x → −x: one code path, and the measured
        // convergence of the right one (a random sweep failed 11 of 75 left targets, none of 75 right ones)
        final boolean mirrored = problem.target() == TargetWell.LEFT;
        final Potential pot = mirrored ? new Mirrored(problem.potential()) : problem.potential();
        final Protocol pr = problem.protocol();
        final double tau = pr.duration();
        final double a0 = pr.control0(0);
        final double a1 = pr.control1(0);
        final double b0 = pr.control0(tau);
        final double b1 = pr.control1(tau);
        final double xb = pot.barrierPosition(b0, b1);
        final double[] reach = pot.confiningInterval(a0, a1);
        final double mid = 0.5 * (reach[0] + reach[1]);
        final QuantileCells q = QuantileCells.of(pot, a0, a1, mid - 1.25 * (mid - reach[0]),
                mid + 1.25 * (reach[1] - mid), cells, eps);
        final int nCells = q.cells();
        final int split = q.split();
        final TransportMapNewton chain = new TransportMapNewton(pot, b0, b1, tau, q, linearMap(q.nodes(), split, xb));
        chain.minimise(0, split, true);
        chain.minimise(split, nCells, false);
        return new TransportMap(pot, mirrored, a0, a1, b0, b1, q, chain, tau);
    }

    /**
     * T_k: on each side of the split node the affine map that puts it on xb and moves the far end by half as much,
     * [x_0, x_split] onto [x_0 + d/2, xb] and [x_split, x_n] onto [xb, x_n + d/2], d = xb − x_split: cell widths stay
     * within a factor of 2, and the side of mass 1 − ε is compressed toward its own well whichever the target. (The
     * rigid shift this once used below the split moved the whole of p_i 1.3 x_m up the left wall when the target was
     * the left well, and Newton stalled there; the τ → ∞ optimum, p_i reweighted on each side, squeezes the cells of
     * mass ~ε next to xb to widths ~1e-12; both measured.)
     */
    private static double[] linearMap(double[] nodes, int split, double xb) {
        final int n = nodes.length - 1;
        final double[] t = new double[n + 1];
        final double d = xb - nodes[split];
        final double lowScale = (xb - (nodes[0] + 0.5 * d)) / (nodes[split] - nodes[0]);
        for (int k = 0; k < split; k++) {
            t[k] = xb - (nodes[split] - nodes[k]) * lowScale;
        }
        t[split] = xb;
        final double highScale = (nodes[n] + 0.5 * d - xb) / (nodes[n] - nodes[split]);
        for (int k = split + 1; k <= n; k++) {
            t[k] = xb + (nodes[k] - nodes[split]) * highScale;
        }
        return t;
    }

    /** U(−x): the mirror image of a potential. */
    record Mirrored(Potential p) implements Potential {
        @Override public double energy(double x, double c0, double c1) { return p.energy(-x, c0, c1); }
        @Override public double force(double x, double c0, double c1) { return -p.force(-x, c0, c1); }
        @Override public double curvature(double x, double c0, double c1) { return p.curvature(-x, c0, c1); }
        @Override public void controlDerivatives(double x, double c0, double c1, double[] out) {
            p.controlDerivatives(-x, c0, c1, out);
        }
        @Override public double energyLowerBound(double a, double b, double c0, double c1) {
            return p.energyLowerBound(-b, -a, c0, c1);
        }
        @Override public double barrierPosition(double c0, double c1) { return -p.barrierPosition(c0, c1); }
        @Override public void validateControls(double c0, double c1) { p.validateControls(c0, c1); }
        @Override public String[] controlNames() { return p.controlNames(); }
        @Override public double[] confiningInterval(double c0, double c1) {
            final double[] r = p.confiningInterval(c0, c1);
            return new double[] {-r[1], -r[0]};
        }
    }

    static double simpsonMean(Potential pot, double a, double b, double c0, double c1) {
        return (pot.energy(a, c0, c1) + 4 * pot.energy(0.5 * (a + b), c0, c1) + pot.energy(b, c0, c1)) / 6;
    }

}
