package org.erasure.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.erasure.ErasureRun;
import org.erasure.OptimizationReport;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.ErasureBounds;

/**
 * The results of {@code optimize}: its terminal report, its summary row (optimize.csv) and the optimised protocol as a
 * configuration (optimized.yaml), from the typed optimum.
 */
public final class OptimizeText {

    private OptimizeText() {
    }

    /** What is searched, on which grids, and the hold ε is judged after. */
    public static void header(PrintWriter out, ErasureRun run, String familyName, ProtocolFamily family, double tau,
                              double targetError, ProtocolOptimizer.Settings settings) {
        out.printf(Locale.ROOT, "optimize %s: %s family (%d parameters), tau = %.4g tau_D, eps <= %.3g, %d evaluations "
                        + "on %s, verified on %s (refined up to %d times while outside the numerical tolerance)%n",
                run.name(), familyName, family.dimension(), tau, targetError, settings.evaluations(),
                grid(run, settings.search()), grid(run, settings.verify()), settings.refinements());
        if (run.problem().dynamics().isUnderdamped()) {
            out.println("  underdamped: every candidate is solved by the phase-space (Klein-Kramers) solver, first order "
                    + "in the control steps");
        }
        final double hold = run.problem().holdTime();
        if (hold > 0) {
            out.printf(Locale.ROOT, "  eps is judged after the configuration's hold of %.4g tau_D at the final controls%n",
                    hold);
        }
        out.flush();
    }

    /** A grid in words: position cells and steps, with the velocity cells for a phase-space (underdamped) run. */
    static String grid(ErasureRun run, org.erasure.fokkerplanck.FokkerPlanckSettings s) {
        return run.problem().dynamics().isUnderdamped() ? s.phaseSpaceDescription() : s.toString();
    }

    /** The optimum: its parameters, what the search saw, the verified values with their numerical errors. */
    public static void print(PrintWriter out, OptimizationReport report) {
        final ProtocolOptimizer.Optimum opt = report.optimum();
        final FokkerPlanckSolution v = opt.verified();
        final FokkerPlanckResult r = v.result();
        out.printf(Locale.ROOT, "  best: %s%n", report.family().describe(opt.unit()));
        out.printf(Locale.ROOT, "  search grid:   <W> = %.6f kT, eps = %.4g (what the optimiser saw; not reported)%n",
                opt.searched().meanWork(), opt.searched().error());
        out.printf(Locale.ROOT, "  verified on %s:%n", grid(report.run(), v.settings()));
        out.printf(Locale.ROOT, "                 <W> = %.6f +- %.1g kT, eps = %.4g +- %.1g (%s), kT[ln2 - H(eps)] = %.6f kT, "
                        + "kT ln(1/eps) = %.3f +- %.1g kT, %s%n", r.meanWork(), v.workError(), r.error(),
                v.errorRateError(), opt.feasible() ? "meets the target" : "MISSES the target",
                ErasureBounds.generalizedLandauer(r.error()), ErasureBounds.logInverseError(r.error()),
                v.logInverseErrorError(), Double.isNaN(r.finiteTimeBound())
                        ? "finite-time bound not given (it holds for overdamped dynamics)"
                        : String.format(Locale.ROOT, "finite-time bound %.6f +- %.1g kT", r.finiteTimeBound(),
                                v.finiteTimeBoundError()));
        if (report.startWork().length > 0) {
            final long met = java.util.Arrays.stream(report.startWork()).filter(Double::isFinite).count();
            final double spread = report.startSpread();
            out.printf(Locale.ROOT, "  starts:        <W> = %s kT on the search grid; %d of %d met the target, %s%n",
                    startWorks(report, ", ", "missed"), met, report.startWork().length, Double.isNaN(spread)
                            ? "no spread (it needs two)" : String.format(Locale.ROOT,
                            "their spread %.2g %% (max - min)/min%s", 100 * spread, polishing(report)));
            final long verified = java.util.Arrays.stream(report.startVerifiedWork()).filter(Double::isFinite).count();
            final double vs = report.startVerifiedSpread();
            out.printf(Locale.ROOT, "  verified:      <W> = %s kT; %d of %d meet the target, %s; the optimum is the "
                            + "least of them%n", works(report.startVerifiedWork(), ", ", "missed"), verified,
                    report.startVerifiedWork().length, Double.isNaN(vs) ? "no spread (it needs two)"
                            : String.format(Locale.ROOT, "their spread %.2g %%", 100 * vs));
        }
        if (report.fullControl() != null) {
            final FullControlOptimum.Result f = report.fullControl();
            out.printf(Locale.ROOT, "  full control:  W_min = %.6f +- %.1g kT, the least work any potential U(x, t) "
                            + "starting and ending at this storing well needs for eps = %.3g in tau (this family's "
                            + "optimum: %.4g +- %.1g x W_min)%n", f.work(), f.workError(), report.targetError(),
                    r.meanWork() / f.work(), FokkerPlanckText.ratioError(r.meanWork(), v.workError(), f));
        } else {
            out.printf(Locale.ROOT, "  full control:  not computed (%s)%n", report.fullControlNote());
        }
        for (String w : FokkerPlanckWarnings.of(v)) {
            out.println("  WARNING: " + w);
        }
        if (!report.unsolvedNote().isEmpty()) {
            out.println("  WARNING: " + report.unsolvedNote());
        }
    }

    /** What the polishing did, in words ("" when it did not run). */
    private static String polishing(OptimizationReport report) {
        if (report.polishRounds() == 0) {
            return "";
        }
        final boolean met = report.startSpread() <= org.erasure.Optimization.SPREAD_TARGET;
        return String.format(Locale.ROOT, " after %d round%s in which the starts more than 1 %% above the least, "
                        + "or missing the target, went on from their best points%s",
                report.polishRounds(), report.polishRounds() == 1 ? "" : "s", met ? ""
                        : String.format(Locale.ROOT, " (still above %.0f %%: the starts found different minima or "
                                + "need more --evaluations)", 100 * org.erasure.Optimization.SPREAD_TARGET));
    }

    /** Each start's ⟨W⟩ to 1e-6 kT, joined by {@code sep}, {@code missed} for a start that missed the target. */
    private static String startWorks(OptimizationReport report, String sep, String missed) {
        return works(report.startWork(), sep, missed);
    }

    /** Values to 1e-6 kT joined by {@code sep}, {@code missed} for a NaN (a start that missed the target). */
    public static String works(double[] w, String sep, String missed) {
        return java.util.Arrays.stream(w).mapToObj(x -> Double.isFinite(x)
                ? String.format(Locale.ROOT, "%.6f", x) : missed).collect(java.util.stream.Collectors.joining(sep));
    }

    /** optimize.csv's row: the search's outcome, then the verified run's summary columns. */
    public static Table.Row row(OptimizationReport report, String familyName, List<String> onBounds) {
        final ProtocolOptimizer.Optimum opt = report.optimum();
        final Table.Row row = new Table.Row();
        row.put("family", familyName);
        row.put("target_error", report.targetError());
        row.put("feasible", opt.feasible());
        row.put("on_search_bounds", String.join(" ", onBounds));
        row.put("fault", opt.fault() == null ? "" : opt.fault());
        row.put("evaluations", (long) opt.evaluations());
        row.put("search_mean_work_kT", opt.searched().meanWork());
        row.put("search_error_rate", opt.searched().error());
        row.put("starts", (long) report.startWork().length);
        row.put("start_mean_works_kT", startWorks(report, " ", "NaN"));
        row.put("start_spread", report.startSpread());
        row.put("start_verified_mean_works_kT", works(report.startVerifiedWork(), " ", "NaN"));
        row.put("start_verified_spread", report.startVerifiedSpread());
        row.put("polish_rounds", (long) report.polishRounds());
        row.put("unsolved_note", report.unsolvedNote());
        row.put("full_control_min_work_kT", report.fullControl() == null ? Double.NaN : report.fullControl().work());
        row.put("full_control_min_work_numerical_error_kT",
                report.fullControl() == null ? Double.NaN : report.fullControl().workError());
        row.putAll("", FokkerPlanckSummary.columns(report.verifiedRun(), opt.verified(), report.wallSeconds()));
        return row;
    }

    /** optimized.yaml: the base configuration with the optimised protocol and the grid that verified it. */
    public static String optimizedYaml(JsonNode tree, OptimizationReport report, String familyName, double tau) {
        final ProtocolOptimizer.Optimum opt = report.optimum();
        final FokkerPlanckSolution v = opt.verified();
        final FokkerPlanckResult r = v.result();
        return OptimizedConfig.yaml(tree, opt.member(), v.settings(), report.run().name() + "-optimized",
                String.format(Locale.ROOT, "Optimised by 'erasure optimize' (%s family, tau = %s, eps <= %s), verified "
                                + "on %s:%n<W> = %.6f +- %.1g kT, eps = %.4g +- %.1g (numerical errors)%n%s", familyName,
                        tau, report.targetError(), v.settings(), r.meanWork(), v.workError(), r.error(),
                        v.errorRateError(), report.family().describe(opt.unit())), report.stableDt());
    }
}
