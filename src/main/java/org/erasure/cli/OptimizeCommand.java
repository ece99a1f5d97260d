package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.Erasure;
import org.erasure.Optimization;
import org.erasure.ErasureRun;
import org.erasure.OptimizationReport;
import org.erasure.RecordingRequest;
import org.erasure.RunOptions;
import org.erasure.io.OptimizeText;
import org.erasure.io.OptimizedConfig;
import org.erasure.config.FieldTable;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.TabulatedField;
import org.erasure.protocol.FieldSchedule;
import org.erasure.config.ErasureConfig;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Table;
import org.erasure.io.RunRecord;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.KeyframeFamily;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code erasure optimize}: the cheapest protocol of a family that meets an error target. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Minimises <W> subject to eps <= target over a protocol family, with the Fokker-Planck "
                + "solver as the objective (CMA-ES, then BOBYQA; the spline family by exact gradients); underdamped "
                + "configurations on the phase-space solver.",
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
            description = "four-step (g_min, F_max, phase durations) or keyframes (values at K interior times), both "
                    + "searched without derivatives; or spline (both controls at --nodes equally spaced times, joined "
                    + "linearly), searched with exact gradients (the Fokker-Planck adjoint) from --starts starts; "
                    + "default ${DEFAULT-VALUE}.")
    String family;

    @Option(names = "--nodes", paramLabel = "K", defaultValue = "200",
            description = "Interior nodes of the spline family, 1 to " + KeyframeFamily.MAX_KEYFRAMES
                    + " (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--starts", paramLabel = "S", defaultValue = "5",
            description = "Starts of the spline family's gradient search (the first the constant storing potential, "
                    + "the others seeded smooth perturbations of it), each of --evaluations gradient evaluations; "
                    + "while their spread exceeds 1 %% or a start misses the target (on the search grid, or verified: "
                    + "then with its aim lowered by the ratio), the starts more than 1 %% above "
                    + "the least (or missing) go on from their best points for another --evaluations, at most "
                    + Optimization.POLISH_ROUNDS + " rounds; the spread is reported (default ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--keyframes", paramLabel = "K", defaultValue = "4",
            description = "Interior keyframes of the keyframes family (default ${DEFAULT-VALUE}).")
    int keyframes;

    @Option(names = "--start-from-config", description = "Start the keyframes family's search from the "
            + "configuration's protocol (its controls at the keyframes' fractions of its own duration, clamped into the "
            + "search box) instead of the storing potential held throughout.")
    boolean startFromConfig;

    @Option(names = "--barrier-range", paramLabel = "LO:HI",
            description = "Also optimise the barrier E_b within [LO, HI] kT (four-step family).")
    String barrierRange;

    @Option(names = "--max-tilt", paramLabel = "F", defaultValue = "40",
            description = "Largest tilt F in kT (default ${DEFAULT-VALUE}).")
    double maxTilt;

    @Option(names = "--evaluations", paramLabel = "N", defaultValue = "300",
            description = "Objective evaluations (Fokker-Planck solves), default ${DEFAULT-VALUE}; for the spline "
                    + "family, gradient evaluations per start.")
    int evaluations;

    @Option(names = "--cells", paramLabel = "N",
            description = "FP position cells of the search grid (default " + Erasure.SEARCH_CELLS + "; underdamped: "
                    + PHASE_SPACE_CELLS + "); the result is verified on twice as many.")
    Integer cells;

    @Option(names = "--velocity-cells", paramLabel = "N",
            description = "Velocity cells of the search grid, underdamped configurations only (default "
                    + PHASE_SPACE_VELOCITY_CELLS + "); the result is verified on twice as many.")
    Integer velocityCells;

    @Option(names = "--time-steps", paramLabel = "N",
            description = "FP time steps of the search grid over tau (default " + Erasure.SEARCH_TIME_STEPS
                    + ", second order; underdamped: " + PHASE_SPACE_TIME_STEPS + ", first order); the result is "
                    + "verified on twice as many.")
    Integer timeSteps;

    @Option(names = "--refinements", paramLabel = "N",
            description = "How many times the verification grid may be doubled while the verified eps or <W> is "
                    + "outside the numerical tolerance (1 %% in eps; in <W> the larger of 1e-3 kT and 1e-4 of <W>); "
                    + "default " + ProtocolOptimizer.Settings.DEFAULT_REFINEMENTS + ", underdamped 0 (a phase-space "
                    + "refinement costs about 8 times the solve before it).")
    Integer refinements;

    /**
     * The phase-space search grid by default: 150 x 80 cells and 200 steps over tau, verified on 300 x 160 and 400
     * (the phase-space solver's default grid). One period of the cantilever with a one-period hold: about 3 s a
     * search solve on two cores.
     */
    static final int PHASE_SPACE_CELLS = 150;
    static final int PHASE_SPACE_VELOCITY_CELLS = 80;
    static final int PHASE_SPACE_TIME_STEPS = 200;

    @Option(names = "--table-rows", paramLabel = "N", defaultValue = "1000",
            description = "Rows of DIR/protocol_table.txt, the optimised protocol as a table in the intervals timing "
                    + "of the NESTbench25 benchmark (row i: the controls at the middle of [i tau/N, (i+1) tau/N)); "
                    + "default ${DEFAULT-VALUE}.")
    int tableRows;

    @Option(names = "--full-control-field", description = "Also write DIR/full_control_field.csv, the full-control "
            + "optimum's potential U(x, t) at the target error (" + Optimization.OPTIMAL_FIELD_FRAMES + " frames on "
            + Optimization.OPTIMAL_FIELD_POINTS + " points, about 12 MB), and DIR/full_control.yaml, a field configuration "
            + "on which fokker-planck does W_min's work (overdamped, no hold, a target error below 0.5).")
    boolean fullControlField;

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
        final ErasureRun run = config.run();
        Erasure.requireOptimizable(run);
        if (fullControlField && !(targetError < 0.5)) {
            throw new IllegalArgumentException("--full-control-field needs a --target-error below 0.5, got "
                    + targetError);
        }
        final boolean phaseSpace = run.problem().dynamics().isUnderdamped();
        if (!phaseSpace && velocityCells != null) {
            throw new IllegalArgumentException("--velocity-cells is for underdamped configurations (the phase-space "
                    + "solver); this one is overdamped");
        }
        if (phaseSpace && family.equals("spline")) {
            throw new IllegalArgumentException("--family spline differentiates the overdamped Fokker-Planck solve; "
                    + "this configuration is underdamped: use --family keyframes or four-step");
        }
        final ProtocolOptimizer.Settings settings = phaseSpace
                ? Erasure.phaseSpaceOptimizerSettings(or(cells, PHASE_SPACE_CELLS),
                        or(velocityCells, PHASE_SPACE_VELOCITY_CELLS), config.run().velocityReach(),
                        or(timeSteps, PHASE_SPACE_TIME_STEPS),
                        or(refinements, 0), evaluations, config.seed())
                : Erasure.optimizerSettings(or(cells, Erasure.SEARCH_CELLS), or(timeSteps, Erasure.SEARCH_TIME_STEPS),
                        or(refinements, ProtocolOptimizer.Settings.DEFAULT_REFINEMENTS), evaluations, config.seed());
        final ProtocolFamily fam = family(config);
        final Path dir = common.outDir(config.name() + "-optimized");
        final PrintWriter out = spec.commandLine().getOut();
        OptimizeText.header(out, run, family, fam, tau, targetError, settings);
        final RunOptions options = new RunOptions(common.threads(), new TerminalListener(out), RecordingRequest.NONE);
        final OptimizationReport report = family.equals("spline")
                ? Optimization.byGradient(run, (KeyframeFamily) fam, targetError, settings, starts, options)
                : Erasure.optimize(run, fam, targetError, settings, options);
        final ProtocolOptimizer.Optimum opt = report.optimum();
        OptimizeText.print(out, report);
        final List<String> onBounds = fam.parametersOnBounds(opt.unit());
        if (!onBounds.isEmpty()) {
            out.println("  ON THE SEARCH BOX: " + String.join(", ", onBounds) + " (the optimum may lie outside; "
                    + String.join("; ", widening(onBounds)) + ")");
        }
        if (opt.fault() != null) {
            out.println("  NUMERICAL FAULT (not a result): " + opt.fault());
        }
        out.printf(Locale.ROOT, "  %d evaluations, %.1f s%n", opt.evaluations(), report.wallSeconds());
        final Table.Row row = OptimizeText.row(report, family, onBounds);
        final Map<String, String> files = new LinkedHashMap<>();
        files.put("optimized.yaml", OptimizeText.optimizedYaml(config.tree(), report, family, tau));
        files.put("optimize.csv", Table.of(row).csv());
        files.put("protocol_table.txt", protocolTable(opt.member().protocol(), tableRows));
        files.put("optimize.json", RunRecord.json("optimize", spec.commandLine().getParseResult().originalArgs(),
                config.tree(), Map.of("description", fam.describe(opt.unit())), row.asMap()));
        if (fullControlField) {
            if (report.fullControl() == null) {
                throw new IllegalArgumentException("--full-control-field: no full-control optimum to tabulate ("
                        + report.fullControlNote() + ")");
            }
            fieldFiles(config, report, files);
        }
        AtomicFiles.writeAll(dir, files);
        out.println("wrote " + dir.resolve("optimized.yaml") + " (fokker-planck on it reproduces the verified numbers)");
        if (fullControlField) {
            out.println("wrote " + dir.resolve("full_control_field.csv") + " and " + dir.resolve("full_control.yaml")
                    + " (fokker-planck on it does W_min's work)");
        }
        out.printf(Locale.ROOT, "wrote %s (%d rows 'c0 c1' = (%s), timing: intervals; a piecewise-constant "
                + "approximation of the protocol)%n", dir.resolve("protocol_table.txt"), tableRows,
                String.join(", ", opt.member().potential().controlNames()));
        out.flush();
        return opt.fault() == null ? 0 : 1;
    }

    /** The full-control optimum's field and the configuration that runs it, added to {@code files}. */
    private void fieldFiles(ErasureConfig config, OptimizationReport report, Map<String, String> files) {
        final ProtocolFamily.Member m = report.optimum().member();
        final ErasureProblem problem = ErasureProblem.of(m.potential(), m.protocol()).withTarget(
                config.run().problem().target());
        final ErasureProblem field = Optimization.optimalField(problem, targetError);
        final FieldTable table = new FieldTable((TabulatedField) field.potential(),
                ((FieldSchedule) field.protocol()).fractions());
        final String what = String.format(Locale.ROOT, "The full-control optimum's potential U(x, t) (kT) at tau = %.6g "
                + "tau_D, eps = %.6g: W_min = %.6f +- %.1g kT (erasure optimize --full-control-field)", tau, targetError,
                report.fullControl().work(), report.fullControl().workError());
        files.put("full_control_field.csv", table.csv(what));
        files.put("full_control.yaml", OptimizedConfig.fieldYaml(config.tree(), config.name() + "-full-control",
                "full_control_field.csv", tau, what + "\nfokker-planck on this file does that work, within the "
                        + "tabulation's error (a few 1e-4 of W at tau = 1 to 10 tau_D, 0.3 % at 0.1; issue 26)"));
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

    private ProtocolFamily family(ErasureConfig config) {
        switch (family) {
            case "four-step": {
                if (startFromConfig) {
                    throw new IllegalArgumentException("--start-from-config is for --family keyframes");
                }
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
            case "keyframes":
            case "spline": {
                final boolean spline = family.equals("spline");
                if (!spline && keyframes > 50) {
                    throw new IllegalArgumentException("--keyframes must lie in 1..50 for the derivative-free search "
                            + "(use --family spline --nodes K for more), got " + keyframes);
                }
                if (spline && !(targetError < 1)) {
                    throw new IllegalArgumentException("--family spline needs a --target-error below 1");
                }
                final var p = config.protocol();
                if (startFromConfig && spline) {
                    throw new IllegalArgumentException("--start-from-config is for --family keyframes (the spline "
                            + "family's starts are the storing potential and seeded perturbations of it)");
                }
                final KeyframeFamily f = KeyframeFamily.forErasure(config.potential(), tau, spline ? nodes : keyframes,
                        new double[] {p.control0(0), p.control1(0)},
                        new double[] {p.control0(p.duration()), p.control1(p.duration())}, maxTilt,
                        spline || !(config.potential() instanceof QuarticDoubleWell));
                return startFromConfig ? f.startingFrom(p) : f;
            }
            default:
                throw new IllegalArgumentException("--family must be four-step, keyframes or spline, got '" + family
                        + "'");
        }
    }

    private static int or(Integer given, int otherwise) {
        return given == null ? otherwise : given;
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
