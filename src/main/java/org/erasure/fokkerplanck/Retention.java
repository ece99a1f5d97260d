package org.erasure.fokkerplanck;

import java.util.function.DoubleFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.erasure.physics.Potential;

/**
 * Keeping a stored bit (SPEC 5, experiment 3). Reduced to the two wells, a bit stored in the
 * correct well at t = 0 is found in the wrong one with probability ε(t) = ½(1 − e^{−λ₁ t}), with λ₁
 * the slowest relaxation rate of the generator ({@link HoppingSpectrum#slowestRate}). Hence the
 * retention time at error ε, t = −ln(1 − 2ε)/λ₁ ≈ 2ε/λ₁, and, inverting λ₁(E_b), the barrier
 * needed to keep a bit for a time t at error ε.
 */
public final class Retention {

    private Retention() {
    }

    /** Time (τ_D) until a bit leaks to error probability ε at hopping relaxation rate λ₁ (1/τ_D). */
    public static double retentionTime(double lambda1, double eps) {
        if (!(eps > 0 && eps < 0.5)) {
            throw new IllegalArgumentException("error probability must lie in (0, 0.5), got " + eps);
        }
        return -Math.log1p(-2 * eps) / lambda1;
    }

    /**
     * The barrier height (kT) whose well keeps a bit for time t (τ_D) at error ε.
     *
     * @param wellOfBarrier the potential at fixed controls as a function of its barrier height
     * @param c0            control 0 held while storing
     * @param c1            control 1 held while storing
     */
    public static double barrierNeeded(DoubleFunction<Potential> wellOfBarrier, double c0, double c1, double t,
                                       double eps, int cells) {
        if (!(t > 0)) {
            throw new IllegalArgumentException("hold time must be positive, got " + t);
        }
        final double logTarget = Math.log(-Math.log1p(-2 * eps) / t);
        final BrentSolver solver = new BrentSolver(ROOT_TOLERANCE, 1e-12);
        return solver.solve(200, eb -> Math.log(HoppingSpectrum.slowestRate(wellOfBarrier.apply(eb), c0, c1, cells))
                - logTarget, 0.5, 150);
    }

    /**
     * A barrier height (kT) with its numerical error (kT): the difference to the barrier found with λ₁ on half the
     * cells (λ₁ converges at second order, so the difference overstates the error about threefold), and at least the
     * root finder's tolerance.
     */
    public record Barrier(double kT, double numericalErrorKT) {
    }

    /** As {@link #barrierNeeded}, with its numerical error. */
    public static Barrier barrierNeededWithError(DoubleFunction<Potential> wellOfBarrier, double c0, double c1, double t,
                                                 double eps, int cells) {
        final double fine = barrierNeeded(wellOfBarrier, c0, c1, t, eps, cells);
        final double coarse = barrierNeeded(wellOfBarrier, c0, c1, t, eps, Math.max(HoppingSpectrum.MIN_CELLS, cells / 2));
        return new Barrier(fine, Math.max(Math.abs(fine - coarse), ROOT_TOLERANCE));
    }

    /** Absolute tolerance (kT) of the barrier's root finding. */
    static final double ROOT_TOLERANCE = 1e-9;
}
