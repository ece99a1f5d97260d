package org.erasure.claims;

import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.erasure.Erasure;
import org.erasure.config.ClaimsSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;

/**
 * The full-control side of experiments 2 and 4 (SPEC 5): the least work over all potentials that start and end at
 * the storing well ({@link FullControlOptimum}), beside the protocols found, and the lower end τ_low of the B
 * crossover: below τ_low even the optimal potential needs more than kT ln(1/ε), so B holds for every protocol.
 */
final class FullControlExperiment {

    /** Base cells of the full-control solves in the claims (measured error estimates below 1e-4 kT). */
    static final int CELLS = 1000;
    /** Brent's absolute tolerance on ln τ_low. */
    private static final double ROOT_TOLERANCE = 1e-5;

    private FullControlExperiment() {
    }

    /** The storing well E_b held for τ: only its ends and its duration matter to the full-control optimum. */
    static ErasureProblem storing(double barrier, double tau) {
        return ErasureProblem.of(QuarticDoubleWell.of(barrier), KeyframeProtocol.constant(tau, 1, 0));
    }

    /** W_min at (E_b, τ, ε), or null with the reason in {@code why[0]} when the solve does not converge. */
    static FullControlOptimum.Result optimum(double barrier, double tau, double eps, String[] why) {
        return Erasure.fullControl(storing(barrier, tau), eps, CELLS, why);
    }

    /**
     * W_min at 3 durations a decade from τ_low/10 to the longest frontier duration (points that do not converge are
     * left out, and the figure's legend says the curve is sampled).
     */
    static java.util.List<Rows.FullControlPoint> curve(ClaimsSettings s, double eps, double barrier, double tauLow) {
        final double lo = Math.min(tauLow / 10, s.frontierTaus().stream().mapToDouble(Double::doubleValue).min()
                .orElse(tauLow));
        final double hi = s.frontierTaus().stream().mapToDouble(Double::doubleValue).max().orElse(tauLow * 10);
        final int n = (int) Math.ceil(3 * Math.log10(hi / lo)) + 1;
        final java.util.List<Rows.FullControlPoint> pts = new java.util.ArrayList<>();
        final String[] why = new String[1];
        for (int i = 0; i < n; i++) {
            final double tau = lo * Math.pow(hi / lo, (double) i / (n - 1));
            final FullControlOptimum.Result r = optimum(barrier, tau, eps, why);
            if (r != null) {
                pts.add(new Rows.FullControlPoint(eps, barrier, tau, r.work(), r.workError()));
            }
        }
        return pts;
    }

    /**
     * τ_low at target ε: the root of W_min(τ) = kT ln(1/ε) at the lowest storing barrier of the search range (Brent on
     * ln τ in [1e-5, 1e3] to 1e-5), with its error from W_min's numerical error and the slope there, plus that 1e-5; W_min at the crossover τ*
     * of the protocols found; and a check that the highest barrier of the range needs no less at τ_low (the storing
     * well the range allows that costs least is then the lowest one, as measured at every τ tried).
     */
    static Rows.FullControlCrossover crossover(ClaimsSettings s, double eps, double tauStar) {
        final double barrier = s.barrierRange()[0];
        final double level = ErasureBounds.logInverseError(eps);
        final String[] why = new String[1];
        try {
            final double lnTau = new BrentSolver(ROOT_TOLERANCE).solve(100, lt -> {
                final FullControlOptimum.Result r = optimum(barrier, Math.exp(lt), eps, why);
                if (r == null) {
                    throw new IllegalStateException(why[0]);
                }
                return r.work() - level;
            }, Math.log(1e-5), Math.log(1e3));
            final double tau = Math.exp(lnTau);
            final FullControlOptimum.Result at = optimum(barrier, tau, eps, why);
            final FullControlOptimum.Result up = optimum(barrier, tau * 1.01, eps, why);
            final FullControlOptimum.Result down = optimum(barrier, tau / 1.01, eps, why);
            if (at == null || up == null || down == null) {
                return Rows.FullControlCrossover.none(barrier, "not found: " + why[0]);
            }
            final double slope = (up.work() - down.work()) / (2 * Math.log(1.01));   // dW/d ln τ
            // W_min's numerical error through the slope, and the root finding's own tolerance
            final double tauError = tau * (at.workError() / Math.abs(slope) + ROOT_TOLERANCE);
            final StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "W_min = kT ln(1/eps) at "
                    + "E_b = %s kT", ClaimsRunner.fmt(barrier)));
            final double hi = s.barrierRange()[1];
            final FullControlOptimum.Result high = optimum(hi, tau, eps, why);
            if (high == null) {
                note.append(String.format(Locale.ROOT, "; not checked at E_b = %s kT (%s)", ClaimsRunner.fmt(hi),
                        why[0]));
            } else if (high.work() + high.workError() < at.work() - at.workError()) {
                note.append(String.format(Locale.ROOT, "; E_b = %s kT needs less there (%.4g +- %.1g kT): tau_low is not "
                        + "the least over the range", ClaimsRunner.fmt(hi), high.work(), high.workError()));
            } else {
                note.append(String.format(Locale.ROOT, "; E_b = %s kT needs more there (%.4g +- %.1g kT)",
                        ClaimsRunner.fmt(hi), high.work(), high.workError()));
            }
            double atStar = Double.NaN;
            double atStarError = Double.NaN;
            if (Double.isFinite(tauStar)) {
                final FullControlOptimum.Result star = optimum(barrier, tauStar, eps, why);
                if (star != null) {
                    atStar = star.work();
                    atStarError = star.workError();
                }
            }
            // the curve at the strictest target only: W_min hardly depends on eps (54.21946 kT at 1e-6 against
            // 54.21970 at 1e-15, tau = 0.01), and it costs a third of the claims' time per target
            final boolean strictest = eps == s.frontierErrors().stream().mapToDouble(Double::doubleValue).min()
                    .orElse(eps);
            return new Rows.FullControlCrossover(barrier, tau, tauError, atStar, atStarError, note.toString(),
                    strictest ? curve(s, eps, barrier, tau) : java.util.List.of());
        } catch (IllegalArgumentException | IllegalStateException e) {   // no bracket, too many steps, no convergence
            return Rows.FullControlCrossover.none(barrier, "not found: " + (why[0] != null ? why[0] : e.getMessage()));
        }
    }
}
