package org.erasure.fokkerplanck;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.erasure.physics.Potential;

/**
 * Spectrum of the discrete Fokker–Planck generator at fixed controls (SPEC 3.2) and the exact
 * hopping rate between the wells.
 *
 * <p>On the Scharfetter–Gummel grid the generator is a birth–death chain in detailed balance with
 * the discrete Boltzmann weights π_i; its face conductances C_i = π_i·up_i = π_{i+1}·down_i make
 * −A self-adjoint in the π-weighted inner product. Its symmetrisation π^{−1/2}(−A)π^{1/2} is
 * tridiagonal with diagonal up_i + down_{i−1} and off-diagonal −√(up_i·down_i).
 *
 * <p>The lowest non-zero eigenvalue λ₁ (the relaxation rate between the wells, λ₁ = k_{L→R} + k_{R→L})
 * is e^{−E_b} small at high barriers, far below what a dense eigensolver resolves next to the
 * largest eigenvalue (~4/h²). It is therefore computed by inverse iteration on the π-orthogonal
 * complement, each solve done by flux integration (running sums), and evaluated as the
 * Rayleigh quotient of the Dirichlet form, Σ C_i (φ_{i+1} − φ_i)² / Σ π_i (φ_i − φ̄)², a ratio of
 * sums of positive terms with relative accuracy at any barrier height. EJML's dense symmetric
 * eigensolver gives the lowest few eigenvalues on a coarser grid for the spectral table; the two
 * are cross-checked in the tests where both are accurate.
 */
public final class HoppingSpectrum {

    /**
     * Cells of the default grid for λ₁. Its relative discretisation error for the quartic well, second order in the cell
     * width, is about 2e-5 at E_b = 8 kT and 7e-5 at 52 kT (against 8000 cells, extrapolated).
     */
    public static final int DEFAULT_CELLS = 2000;

    /** The fewest cells a grid for λ₁ may have. */
    public static final int MIN_CELLS = 20;

    /** Cells of the dense EJML cross-check (an n × n eigenproblem: a fraction of a second at 400). */
    public static final int DENSE_CHECK_CELLS = 400;

    private HoppingSpectrum() {
    }

    /** A birth–death discretisation of the generator at fixed controls. */
    record Chain(double[] x, double[] pi, double[] up, double[] down, double h) {
        int size() {
            return x.length;
        }
    }

    static Chain chain(Potential potential, double c0, double c1, int cells) {
        if (cells < MIN_CELLS) {
            throw new IllegalArgumentException("the grid needs at least " + MIN_CELLS + " cells, got " + cells);
        }
        final double[] r = potential.confiningInterval(c0, c1);
        final double[] domain = DensityFunctionals.widened(r[0], r[1]);
        final double lo = domain[0];
        final double hi = domain[1];
        final double h = (hi - lo) / cells;
        final double[] x = new double[cells];
        final double[] u = new double[cells];
        for (int i = 0; i < cells; i++) {
            x[i] = lo + (i + 0.5) * h;
            u[i] = potential.energy(x[i], c0, c1);
        }
        final double[] pi = DensityFunctionals.boltzmann(u);
        final double[] up = new double[cells - 1];
        final double[] down = new double[cells - 1];
        for (int i = 0; i < cells - 1; i++) {
            ScharfetterGummel.rates(u[i + 1] - u[i], 1 / (h * h), up, down, i);
        }
        return new Chain(x, pi, up, down, h);
    }

    /**
     * The lowest non-zero eigenvalue λ₁ of −A (in 1/τ_D) at fixed controls, to relative accuracy.
     *
     * @param cells grid cells (2000 gives about 1e-6 relative discretisation error for the quartic well)
     */
    public static double slowestRate(Potential potential, double c0, double c1, int cells) {
        final Chain ch = chain(potential, c0, c1, cells);
        final int n = ch.size();
        final double xb = potential.barrierPosition(c0, c1);
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            phi[i] = ch.x()[i] < xb ? -1 : 1;
        }
        final double[] cond = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            cond[i] = ch.pi()[i] * ch.up()[i];
        }
        double lambda = Double.NaN;
        for (int iter = 0; iter < 8; iter++) {
            center(phi, ch.pi());
            final double next = rayleigh(phi, ch.pi(), cond);
            if (Math.abs(next - lambda) <= 1e-14 * next) {
                return next;
            }
            lambda = next;
            // Solve −A* φ' = φ: fluxes F_{i+1/2} = C_i (φ'_{i+1} − φ'_i) = −Σ_{j≤i} π_j φ_j = Σ_{j>i} π_j φ_j.
            // Each face takes the sum over the lighter side, so round-off is never divided by a tail's
            // tiny conductance.
            final double[] leftSum = new double[n];
            final double[] leftMass = new double[n];
            double acc = 0;
            double mass = 0;
            for (int i = 0; i < n; i++) {
                acc += ch.pi()[i] * phi[i];
                mass += ch.pi()[i];
                leftSum[i] = acc;
                leftMass[i] = mass;
            }
            final double[] rightSum = new double[n];
            acc = 0;
            for (int i = n - 1; i > 0; i--) {
                acc += ch.pi()[i] * phi[i];
                rightSum[i - 1] = acc;            // Σ_{j>i−1}
            }
            final double[] out = new double[n];
            for (int i = 0; i < n - 1; i++) {
                final double flux = leftMass[i] < 0.5 ? -leftSum[i] : rightSum[i];
                out[i + 1] = out[i] + flux / cond[i];
            }
            // normalise to avoid overflow at high barriers (λ₁ ~ e^{−E_b})
            double max = 0;
            for (double v : out) {
                max = Math.max(max, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                out[i] /= max;
            }
            phi = out;
        }
        center(phi, ch.pi());
        return rayleigh(phi, ch.pi(), cond);
    }

    private static void center(double[] phi, double[] pi) {
        double m = 0;
        for (int i = 0; i < phi.length; i++) {
            m += pi[i] * phi[i];
        }
        for (int i = 0; i < phi.length; i++) {
            phi[i] -= m;
        }
    }

    private static double rayleigh(double[] phi, double[] pi, double[] cond) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < phi.length - 1; i++) {
            final double d = phi[i + 1] - phi[i];
            num += cond[i] * d * d;
        }
        for (int i = 0; i < phi.length; i++) {
            den += pi[i] * phi[i] * phi[i];
        }
        return num / den;
    }

    /**
     * The lowest {@code count} eigenvalues of −A (ascending, in 1/τ_D; the first is 0 up to
     * round-off) from EJML's dense symmetric eigensolver; absolute accuracy ~1e−16 × 4/h².
     */
    public static double[] lowestEigenvalues(Potential potential, double c0, double c1, int cells, int count) {
        final Chain ch = chain(potential, c0, c1, cells);
        final int n = ch.size();
        final DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double d = 0;
            if (i < n - 1) {
                d += ch.up()[i];
                final double off = -Math.sqrt(ch.up()[i] * ch.down()[i]);
                s.set(i, i + 1, off);
                s.set(i + 1, i, off);
            }
            if (i > 0) {
                d += ch.down()[i - 1];
            }
            s.set(i, i, d);
        }
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(s)) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        final double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            all[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(all);
        return java.util.Arrays.copyOf(all, Math.min(count, n));
    }

    /**
     * The cross-check of {@link #slowestRate} by EJML's dense eigensolver on the same coarse grid
     * ({@link #DENSE_CHECK_CELLS} cells): |λ₁(dense) − λ₁(inverse iteration)| / λ₁(inverse iteration). NaN
     * where the dense solver cannot resolve λ₁ (below 1e−9 of the largest rate, 4/h², at high barriers: its
     * absolute accuracy is ~1e−16 × 4/h²), which is why inverse iteration is the method.
     */
    public static double denseCheck(Potential potential, double c0, double c1) {
        final double dense = lowestEigenvalues(potential, c0, c1, DENSE_CHECK_CELLS, 2)[1];
        final Chain ch = chain(potential, c0, c1, DENSE_CHECK_CELLS);
        if (!(dense > 1e-9 * 4 / (ch.h() * ch.h()))) {
            return Double.NaN;
        }
        final double iterated = slowestRate(potential, c0, c1, DENSE_CHECK_CELLS);
        return Math.abs(dense - iterated) / iterated;
    }

    /**
     * Kramers' estimate of λ₁ = k_{L→R} + k_{R→L} at fixed controls, each rate from the well's and the
     * barrier's curvatures ({@link #kramersRate}); NaN where the barrier is not a smooth maximum (a cusp,
     * as in the piecewise-harmonic well) or a well is missing.
     */
    public static double kramersRelaxationRate(Potential p, double c0, double c1) {
        final double xb = p.barrierPosition(c0, c1);
        final double kb = p.curvature(xb, c0, c1);
        if (!(kb < 0)) {
            return Double.NaN;
        }
        final double[] r = p.confiningInterval(c0, c1);
        final double xl = minimum(p, c0, c1, r[0], xb);
        final double xr = minimum(p, c0, c1, xb, r[1]);
        final double ub = p.energy(xb, c0, c1);
        final double kl = p.curvature(xl, c0, c1);
        final double kr = p.curvature(xr, c0, c1);
        if (!(kl > 0 && kr > 0) || !(ub > p.energy(xl, c0, c1) && ub > p.energy(xr, c0, c1))) {
            return Double.NaN;
        }
        return kramersRate(kl, kb, ub - p.energy(xl, c0, c1)) + kramersRate(kr, kb, ub - p.energy(xr, c0, c1));
    }

    /** The position of the lowest energy on [a, b] (see {@link org.erasure.physics.TimeScales#lowestEnergy}). */
    private static double minimum(Potential p, double c0, double c1, double a, double b) {
        return org.erasure.physics.TimeScales.lowestEnergy(p, c0, c1, a, b);
    }

    /**
     * Kramers' overdamped rate from one well over the barrier, k = √(U''_min |U''_max|)/(2π) e^{−ΔU}
     * (Kramers, Physica 7, 284 (1940); Hänggi, Talkner &amp; Borkovec, RMP 62, 251 (1990)), in 1/τ_D.
     */
    public static double kramersRate(double curvatureWell, double curvatureBarrier, double barrierKT) {
        return Math.sqrt(curvatureWell * Math.abs(curvatureBarrier)) / (2 * Math.PI) * Math.exp(-barrierKT);
    }

    /**
     * Mean first-passage time from a to b &gt; a for continuous overdamped diffusion (reflecting far to
     * the left): T = ∫_a^b dy e^{U(y)} ∫_{−∞}^y e^{−U(z)} dz (Gardiner, Handbook of Stochastic Methods,
     * 5.2.7), by the trapezoidal rule on a fine grid, in τ_D.
     */
    public static double meanFirstPassageTime(Potential p, double c0, double c1, double a, double b, int points) {
        final double lo = p.confiningInterval(c0, c1)[0];
        final double h = (b - lo) / points;
        double inner = 0;            // ∫_lo^y e^{−U}
        double outer = 0;
        double prevE = Math.exp(-p.energy(lo, c0, c1));
        double prevIntegrand = 0;
        for (int i = 1; i <= points; i++) {
            final double y = lo + i * h;
            final double e = Math.exp(-p.energy(y, c0, c1));
            inner += 0.5 * h * (prevE + e);
            prevE = e;
            final double integrand = y > a ? inner / e : 0;
            if (y > a) {
                outer += 0.5 * h * (prevIntegrand + integrand);
            }
            prevIntegrand = integrand;
        }
        return outer;
    }
}
