package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Table;
import org.erasure.io.FokkerPlanckSummary;
import org.erasure.io.OptimizedConfig;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.StabilityCheck;
import org.erasure.model.ErasureProblem;
import org.erasure.io.RunRecord;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.KeyframeFamily;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.QuarticDoubleWell;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.erasure.util.Futures;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code erasure optimize}: the cheapest protocol of a family that meets an error target. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Minimises <W> subject to eps <= target over a protocol family, with the Fokker-Planck "
                + "solver as the objective (CMA-ES, then BOBYQA).",
                "Writes DIR/optimized.yaml (a keyframes configuration that simulate and fokker-planck accept), "
                        + "DIR/optimize.csv and DIR/optimize.json."})
public final class OptimizeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--tau", paramLabel = "T", required = true, description = "Protocol duration in tau_D, or "
            + "in seconds with an s suffix (for example 0.5s) when the configuration has a 'physical' section.")
    String tauText;

    /** The duration in τ_D, from {@link #tauText}. */
    double tau;

    @Option(names = "--target-error", paramLabel = "EPS", defaultValue = "1",
            description = "Error probability to reach; 1 for none (default ${DEFAULT-VALUE}).")
    double targetError;

    @Option(names = "--family", paramLabel = "NAME", defaultValue = "four-step",
            description = "four-step (g_min, F_max, phase durations) or keyframes (values at K interior times); "
                    + "default ${DEFAULT-VALUE}.")
    String family;

    @Option(names = "--keyframes", paramLabel = "K", defaultValue = "4",
            description = "Interior keyframes of the keyframes family (default ${DEFAULT-VALUE}).")
    int keyframes;

    @Option(names = "--barrier-range", paramLabel = "LO:HI",
            description = "Also optimise the barrier E_b within [LO, HI] kT (four-step family).")
    String barrierRange;

    @Option(names = "--max-tilt", paramLabel = "F", defaultValue = "40",
            description = "Largest tilt F in kT (default ${DEFAULT-VALUE}).")
    double maxTilt;

    @Option(names = "--evaluations", paramLabel = "N", defaultValue = "300",
            description = "Objective evaluations (Fokker-Planck solves), default ${DEFAULT-VALUE}.")
    int evaluations;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "" + FokkerPlanckSettings.SEARCH_CELLS,
            description = "FP cells of the search grid (default ${DEFAULT-VALUE}); the result is verified on twice "
                    + "as many.")
    int cells;

    @Option(names = "--time-steps", paramLabel = "N", defaultValue = "" + FokkerPlanckSettings.SEARCH_TIME_STEPS,
            description = "FP time steps of the search grid, second order (default ${DEFAULT-VALUE}); the result is "
                    + "verified on twice as many.")
    int timeSteps;

    @Option(names = "--refinements", paramLabel = "N", defaultValue = "" + ProtocolOptimizer.Settings.DEFAULT_REFINEMENTS,
            description = "How many times the verification grid may be doubled while the verified eps or <W> is "
                    + "outside the numerical tolerance (1 %% in eps; in <W> the larger of 1e-3 kT and 1e-4 of <W>); default ${DEFAULT-VALUE}.")
    int refinements;

    @Option(names = "--table-rows", paramLabel = "N", defaultValue = "1000",
            description = "Rows of DIR/protocol_table.txt, the optimised protocol as a table in the intervals timing "
                    + "of the NESTbench25 benchmark (row i: the controls at the middle of [i tau/N, (i+1) tau/N)); "
                    + "default ${DEFAULT-VALUE}.")
    int tableRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final ErasureConfig config = common.load();
        tau = Durations.parse("--tau", tauText, config.units());
        if (tableRows < 2 || tableRows > 10_000_000) {
            throw new IllegalArgumentException("--table-rows must lie in 2..10000000, got " + tableRows);
        }
        if (!(targetError > 0 && targetError <= 1)) {
            throw new IllegalArgumentException("--target-error must be a probability in (0, 1] (1: no target), got "
                    + targetError);
        }
        FokkerPlanckEngine.requireSupported(config.problem());
        final double hold = config.problem().holdTime();     // eps is judged after the hold, as the engines do
        final FokkerPlanckSettings search = new FokkerPlanckSettings(cells, timeSteps, 2, new double[0]);
        final ProtocolOptimizer.Settings settings = new ProtocolOptimizer.Settings(search, search.refined(),
                refinements, evaluations, config.seed());
        final ProtocolFamily fam = family(config);
        final Path dir = common.outDir(config.name() + "-optimized");
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "optimize %s: %s family (%d parameters), tau = %.4g tau_D, eps <= %.3g, %d evaluations "
                        + "on %s, verified on %s (refined up to %d times while outside the numerical tolerance)%n", config.name(), family,
                fam.dimension(), tau, targetError, evaluations, settings.search(), settings.verify(),
                settings.refinements());
        if (hold > 0) {
            out.printf(Locale.ROOT, "  eps is judged after the configuration's hold of %.4g tau_D at the final controls%n",
                    hold);
        }
        out.flush();
        final long t0 = System.nanoTime();
        final ProtocolOptimizer.Optimum opt;
        final java.util.concurrent.ExecutorService helpers = Futures.helpers("optimize", common.threads());
        try (Progress progress = Progress.of("optimize", evaluations, "evaluations")) {
            opt = ProtocolOptimizer.minimize(fam, targetError, config.target(), hold, settings, progress.listener(),
                    helpers);
        } finally {
            Futures.shutdown(helpers);
        }
        final double wall = (System.nanoTime() - t0) * 1e-9;
        final FokkerPlanckSolution v = opt.verified();
        final FokkerPlanckResult r = v.result();
        out.printf(Locale.ROOT, "  best: %s%n", fam.describe(opt.unit()));
        out.printf(Locale.ROOT, "  search grid:   <W> = %.6f kT, eps = %.4g (what the optimiser saw; not reported)%n",
                opt.searched().meanWork(),
                opt.searched().error());
        out.printf(Locale.ROOT, "  verified on %s:%n", v.settings());
        out.printf(Locale.ROOT, "                 <W> = %.6f +- %.1g kT, eps = %.4g +- %.1g (%s), kT[ln2 - H(eps)] = %.6f kT, "
                        + "kT ln(1/eps) = %.3f kT, finite-time bound %.6f kT%n", r.meanWork(), v.workError(), r.error(),
                v.errorRateError(), opt.feasible() ? "meets the target" : "MISSES the target",
                ErasureBounds.generalizedLandauer(r.error()), ErasureBounds.logInverseError(r.error()),
                r.finiteTimeBound());
        for (String w : org.erasure.io.FokkerPlanckWarnings.of(v)) {
            out.println("  WARNING: " + w);
        }
        final List<String> onBounds = fam.parametersOnBounds(opt.unit());
        if (!onBounds.isEmpty()) {
            out.println("  ON THE SEARCH BOX: " + String.join(", ", onBounds) + " (the optimum may lie outside; "
                    + String.join("; ", widening(onBounds)) + ")");
        }
        if (opt.fault() != null) {
            out.println("  NUMERICAL FAULT (not a result): " + opt.fault());
        }
        out.printf(Locale.ROOT, "  %d evaluations, %.1f s%n", opt.evaluations(), wall);
        final Table.Row row = new Table.Row();
        row.put("family", family);
        row.put("target_error", targetError);
        row.put("feasible", opt.feasible());
        row.put("on_search_bounds", String.join(" ", onBounds));
        row.put("fault", opt.fault() == null ? "" : opt.fault());
        row.put("evaluations", (long) opt.evaluations());
        row.put("search_mean_work_kT", opt.searched().meanWork());
        row.put("search_error_rate", opt.searched().error());
        final FokkerPlanckSettings grid = v.settings();
        final ErasureConfig verifiedConfig = new ErasureConfig(config.name() + "-optimized", config.units(),
                ErasureProblem.of(opt.member().potential(), opt.member().protocol()).withTarget(config.target())
                        .withHold(hold),
                config.monteCarlo(), grid, config.rareEvent(), config.tree());
        row.putAll("", FokkerPlanckSummary.columns(verifiedConfig.run(), v, wall));
        final Map<String, String> files = new LinkedHashMap<>();
        files.put("optimized.yaml", OptimizedConfig.yaml(config.tree(), opt.member(), grid,
                config.name() + "-optimized", String.format(Locale.ROOT,
                        "Optimised by 'erasure optimize' (%s family, tau = %s, eps <= %s), verified on %s:%n"
                                + "<W> = %.6f +- %.1g kT, eps = %.4g +- %.1g (numerical errors)%n%s", family, tau,
                        targetError, grid, r.meanWork(), v.workError(), r.error(), v.errorRateError(),
                        fam.describe(opt.unit())), stableDt(opt)));
        files.put("optimize.csv", Table.of(row).csv());
        files.put("protocol_table.txt", protocolTable(opt.member().protocol(), tableRows));
        files.put("optimize.json", RunRecord.json("optimize", spec.commandLine().getParseResult().originalArgs(),
                config.tree(), Map.of("description", fam.describe(opt.unit())), row.asMap()));
        AtomicFiles.writeAll(dir, files);
        out.println("wrote " + dir.resolve("optimized.yaml") + " (fokker-planck on it reproduces the verified numbers)");
        out.printf(Locale.ROOT, "wrote %s (%d rows 'c0 c1' = (%s), timing: intervals; a piecewise-constant "
                + "approximation of the protocol)%n", dir.resolve("protocol_table.txt"), tableRows,
                String.join(", ", opt.member().potential().controlNames()));
        out.flush();
        return opt.fault() == null ? 0 : 1;
    }

    /**
     * The protocol as a table in the intervals timing (NESTbench25): N rows "c0 c1", row i the controls at the
     * middle of [iτ/N, (i + 1)τ/N), in the shortest form that reads back exactly.
     */
    static String protocolTable(org.erasure.protocol.Protocol p, int rows) {
        final StringBuilder sb = new StringBuilder();
        final double tau = p.duration();
        for (int i = 0; i < rows; i++) {
            final double t = (i + 0.5) * tau / rows;
            sb.append(p.control0(t)).append(' ').append(p.control1(t)).append('\n');
        }
        return sb.toString();
    }

    /** A tenth of the largest stable Monte Carlo step of the optimised protocol (simulate must accept the file). */
    private static double stableDt(ProtocolOptimizer.Optimum opt) {
        return 0.1 * StabilityCheck.largestStableStep(ErasureProblem.of(opt.member().potential(), opt.member().protocol()));
    }

    private ProtocolFamily family(ErasureConfig config) {
        switch (family) {
            case "four-step": {
                if (!(config.potential() instanceof QuarticDoubleWell q)) {
                    throw new IllegalArgumentException("the four-step family needs the quartic potential");
                }
                double lo = q.barrierKT();
                double hi = q.barrierKT();
                if (barrierRange != null) {
                    final String[] p = barrierRange.split(":");
                    try {
                        lo = Double.parseDouble(p[0]);
                        hi = Double.parseDouble(p[1]);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("--barrier-range must be LO:HI, got " + barrierRange);
                    }
                    if (!(lo > 0 && hi >= lo)) {
                        throw new IllegalArgumentException("--barrier-range needs 0 < LO <= HI, got " + barrierRange);
                    }
                }
                return FourStepFamily.forOptimize(tau, maxTilt, lo, hi);
            }
            case "keyframes": {
                final var p = config.protocol();
                return KeyframeFamily.forErasure(config.potential(), tau, keyframes,
                        new double[] {p.control0(0), p.control1(0)},
                        new double[] {p.control0(p.duration()), p.control1(p.duration())}, maxTilt);
            }
            default:
                throw new IllegalArgumentException("--family must be four-step or keyframes, got '" + family + "'");
        }
    }

    /** What widens each kind of bound a parameter sits on: an option where there is one, else why there is none. */
    static List<String> widening(List<String> onBounds) {
        final List<String> how = new java.util.ArrayList<>();
        if (onBounds.stream().anyMatch(b -> b.startsWith("F_max") || b.startsWith("F_kT"))) {
            how.add("--max-tilt widens the tilt's range");
        }
        if (onBounds.stream().anyMatch(b -> b.startsWith("E_b"))) {
            how.add("--barrier-range widens the barrier's");
        }
        if (onBounds.stream().anyMatch(b -> b.startsWith("phase"))) {
            how.add("a phase's floor of 2 % of tau is the family's own (no option widens it)");
        }
        if (onBounds.stream().anyMatch(b -> b.startsWith("g ") || b.startsWith("g="))) {
            how.add("g is bounded by physics, 0 <= g <= 1");
        }
        if (how.isEmpty()) {
            how.add("no option widens these bounds");
        }
        return how;
    }
}
