package org.erasure.langevin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.stats.ErasureTally;

/**
 * Runs a Monte Carlo problem and judges its time-step error (SPEC 3.1); with {@code dt: auto}, until the error meets
 * the tolerance. Each run carries its coupled twin at twice the step ({@link TimeStepError}); while a value's error
 * exceeds the {@link TimeStepTolerance}, the step is halved and the run repeated, at most {@link #MAX_REFINEMENTS}
 * times. A given step is run once and judged. In the style of adaptive SDE solvers that choose the step from an
 * error estimate (Rackauckas &amp; Nie, Discrete Contin. Dyn. Syst. B 22, 2731 (2017)), here for the whole run.
 *
 * <p>Where 2dt is beyond the integrator's stability limit the twin cannot run. The error at dt is then estimated from
 * a second run at dt/2 with its own twin at dt: twice the coupled difference X(dt/2) − X(dt) (Richardson at weak
 * order 1), at about three times the cost of the run itself; the run at dt keeps its numbers.
 */
public final class TimeStepRefinement {

    /** Halvings of the step after the first run, at most (64x the first run's steps). */
    public static final int MAX_REFINEMENTS = 6;

    /** How the time-step error was formed. */
    public static final String COUPLED_TWICE = "coupled paths at 2dt: |X(dt) - X(2dt)|";
    /** How the time-step error was formed where 2dt is unstable. */
    public static final String COUPLED_HALF = "second run at dt/2 with coupled paths at dt: 2 |X(dt/2) - X(dt)|";

    private TimeStepRefinement() {
    }

    /** Runs one LangevinRun (with progress, recording, threads as the caller wants). */
    @FunctionalInterface
    public interface Runner {
        /**
         * @param main false for a run made only to estimate another run's time-step error (nothing of it is
         *             reported but that estimate)
         */
        ErasureTally run(LangevinRun run, boolean main);
    }

    /**
     * The run that was kept, its tally and time-step error (null: not estimated), how that was formed, what exceeds
     * the tolerance (empty: nothing), and one line per run made.
     */
    public record Outcome(LangevinRun run, ErasureTally tally, TimeStepError error, String method,
                          List<String> violations, List<String> history) {

        /** Whether every value's time-step error is within the tolerance. */
        public boolean withinTolerance() {
            return violations.isEmpty();
        }
    }

    /**
     * @param first  the first run (its step given, or the start of {@code auto})
     * @param refine whether to halve the step while the tolerance is not met ({@code dt: auto})
     */
    public static Outcome run(LangevinRun first, TimeStepTolerance tol, boolean refine, Runner runner) {
        LangevinRun run = first;
        final List<String> history = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            final ErasureTally tally = runner.run(run, true);
            Outcome o = judge(run, tally, tol);
            if (o.error() == null && !run.timeStepError() && !refine) {
                // 2dt is unstable: estimate from a run at dt/2 coupled to dt
                final LangevinRun half = run.withGrid(run.grid().refined()).withTimeStepError(true);
                final TimeStepError e = TimeStepError.of(runner.run(half, false));
                if (e != null) {
                    o = judged(run, tally, e.scaled(2), COUPLED_HALF, tol);
                }
            }
            history.add(o.history().get(0));
            if (o.withinTolerance() || !refine || attempt == MAX_REFINEMENTS) {
                return new Outcome(run, o.tally(), o.error(), o.method(), o.violations(), List.copyOf(history));
            }
            run = run.withGrid(run.grid().refined()).withTimeStepError(true);
        }
    }

    /** A finished run judged against the tolerance from its own coupled paths, without refining (history: one line). */
    public static Outcome judge(LangevinRun run, ErasureTally tally, TimeStepTolerance tol) {
        return judged(run, tally, TimeStepError.of(tally), COUPLED_TWICE, tol);
    }

    private static Outcome judged(LangevinRun run, ErasureTally tally, TimeStepError error, String method,
                                  TimeStepTolerance tol) {
        final List<String> violations = error == null ? List.of(notEstimated(run)) : error.violations(tally, tol);
        return new Outcome(run, tally, error, error == null ? "none" : method, violations,
                List.of(String.format(Locale.ROOT, "dt = %.4g tau_D: %s", run.effectiveDt(),
                        violations.isEmpty() ? "time-step error within tolerance" : String.join("; ", violations))));
    }

    private static String notEstimated(LangevinRun run) {
        return String.format(Locale.ROOT, "time-step error not estimated: the coupled run at 2dt = %.3g tau_D is "
                + "unstable or diverged (stability limit about %.3g tau_D)", 2 * run.effectiveDt(),
                StabilityCheck.largestStableStep(run.problem()));
    }
}
