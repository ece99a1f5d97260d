package org.erasure.rare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.StabilityCheck;
import org.erasure.langevin.TimeStepRefinement;
import org.erasure.langevin.TimeStepTolerance;

/**
 * The time-step error of a splitting estimate (SPEC 3.1, 3.3): ε by adaptive multilevel splitting at the run's step dt
 * and at a second step, and the difference of their logarithms as the error of ln ε(dt), by Richardson's rule at weak
 * order 1 (an upper bound for any order ≥ 1 in the asymptotic range):
 * <ul>
 *   <li>second step 2dt: error |ln ε(dt) − ln ε(2dt)|;</li>
 *   <li>where 2dt is beyond the integrator's stability limit, second step dt/2: error 2 |ln ε(dt) − ln ε(dt/2)|.</li>
 * </ul>
 * The two estimates are independent runs with the same seeds (the same initial states); the difference's standard
 * error is √(r₁² + r₂²) from their relative standard errors (delta method, scaled like the difference), and a
 * difference within the tolerance plus two of those is not resolved. With {@code refine} ({@code dt: auto}), while
 * the tolerance is not met the step is halved and the estimate at the former step becomes the coarse one, at most
 * {@link TimeStepRefinement#MAX_REFINEMENTS} times.
 */
public final class AmsTimeStep {

    private AmsTimeStep() {
    }

    /**
     * @param run             the run kept (its grid is the step of {@code estimate})
     * @param estimate        the estimate at the run's step dt
     * @param second          the estimate at the second step (2dt, or dt/2 where 2dt is unstable), or null: none
     * @param secondDt        that step (τ_D), NaN when none
     * @param logDifference   the error of ln ε(dt) with its sign: ln ε(dt) − ln ε(2dt), or 2 [ln ε(dt) − ln ε(dt/2)]
     *                        (NaN: not estimated; ±∞ when one estimate is 0)
     * @param logStderr       its standard error
     * @param withinTolerance whether |logDifference| ≤ ln(1 + tol) + 2 logStderr
     * @param history         one line per pair of estimates compared
     */
    public record Outcome(LangevinRun run, AmsResult estimate, AmsResult second, double secondDt, double logDifference,
                          double logStderr, boolean withinTolerance, List<String> history) {

        /** The time-step error of ln ε, |logDifference|; NaN when not estimated. */
        public double logError() {
            return Math.abs(logDifference);
        }

        /** The time-step error of ε: ε(dt) |1 − e^{−logDifference}|, NaN when not estimated. */
        public double error() {
            return estimate.errorRate() * Math.abs(-Math.expm1(-logDifference));
        }

        /**
         * The 95 % interval of sampling and time step together: the splitting interval widened by the factor
         * e^{|Δ ln ε|} on each side; NaN when not estimated.
         */
        public double[] totalInterval() {
            if (second == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            final double f = Math.exp(logError());
            return new double[] {estimate.ciLow() / f, Math.min(1, estimate.ciHigh() * f)};
        }
    }

    public static Outcome estimate(LangevinRun run, AmsSettings s, int threads, TimeStepTolerance tol, boolean refine) {
        final List<String> history = new ArrayList<>();
        AmsResult fine = AdaptiveMultilevelSplitting.estimate(run, s, threads);
        LangevinRun kept = run;
        final LangevinRun coarseRun = run.withGrid(run.grid().coarsened());
        double coarseDt = coarseRun.effectiveDt();        // the step of the estimate called coarse
        AmsResult coarse;
        if (StabilityCheck.isStable(run.problem(), coarseRun.effectiveDt())) {
            coarse = AdaptiveMultilevelSplitting.estimate(coarseRun, s, threads);
        } else {
            // 2dt is unstable: the second estimate is at dt/2
            final LangevinRun finer = run.withGrid(run.grid().refined());
            final AmsResult half = AdaptiveMultilevelSplitting.estimate(finer, s, threads);
            final double d = 2 * (Math.log(fine.errorRate()) - Math.log(half.errorRate()));
            final double se = 2 * Math.hypot(fine.relativeError(), half.relativeError());
            final boolean within = Math.abs(d) <= tol.logErrorRate() + 2 * se;
            history.add(String.format(Locale.ROOT, "dt = %.4g tau_D: eps = %.4g, at dt/2 (2dt is unstable) %.4g: "
                    + "error of ln eps 2 x %.3g (+- %.2g), tolerance %.3g: %s", run.effectiveDt(), fine.errorRate(),
                    half.errorRate(), d / 2, se, tol.logErrorRate(), within ? "within" : "beyond"));
            if (within || !refine) {
                return new Outcome(run, fine, half, finer.effectiveDt(), d, se, within, List.copyOf(history));
            }
            coarse = fine;
            coarseDt = run.effectiveDt();
            fine = half;
            kept = finer;
        }
        for (int attempt = 0; ; attempt++) {
            final double d = Math.log(fine.errorRate()) - Math.log(coarse.errorRate());
            final double se = Math.hypot(fine.relativeError(), coarse.relativeError());
            final boolean within = Math.abs(d) <= tol.logErrorRate() + 2 * se;
            history.add(String.format(Locale.ROOT, "dt = %.4g tau_D: eps = %.4g, at %.4g tau_D %.4g: ln eps changes by "
                            + "%.3g (+- %.2g), tolerance %.3g: %s", kept.effectiveDt(), fine.errorRate(), coarseDt,
                    coarse.errorRate(), d, se, tol.logErrorRate(), within ? "within" : "beyond"));
            if (within || !refine || attempt == TimeStepRefinement.MAX_REFINEMENTS) {
                return new Outcome(kept, fine, coarse, coarseDt, d, se, within, List.copyOf(history));
            }
            final LangevinRun finer = kept.withGrid(kept.grid().refined());
            final AmsResult next;
            try {
                next = AdaptiveMultilevelSplitting.estimate(finer, s, threads);
            } catch (IllegalArgumentException e) {
                history.add("refinement stopped: " + e.getMessage());
                return new Outcome(kept, fine, coarse, coarseDt, d, se, false, List.copyOf(history));
            }
            coarse = fine;
            coarseDt = kept.effectiveDt();
            fine = next;
            kept = finer;
        }
    }
}
