package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.config.ErasureConfig;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Table;
import org.erasure.io.FokkerPlanckSummary;
import org.erasure.io.RunRecord;
import org.erasure.physics.PhysicalUnits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.erasure.util.Futures;
import picocli.CommandLine.Mixin;

/** {@code erasure fokker-planck}: the configuration through the deterministic Fokker–Planck solver. */
@Command(name = "fokker-planck", mixinStandardHelpOptions = true, modelTransformer = FokkerPlanckCommand.NoSampling.class,
        description = {"Solves the overdamped Fokker-Planck equation for one erasure configuration.",
                "No sampling noise: <W>, <Q>, eps (to 1e-30 and below), free-energy change, entropy production "
                        + "and the finite-time bound; writes DIR/summary.csv, DIR/densities.csv and DIR/run.json."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "2:bad input (configuration, options, files)"})
public final class FokkerPlanckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Hides the shared --trajectories and --seed from this command's help: it samples nothing. They stay parseable, so
     * that giving one is refused with a sentence that says why, rather than as an unknown option.
     */
    static final class NoSampling implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec s) {
            for (String name : new String[] {"--trajectories", "--seed"}) {
                final CommandLine.Model.OptionSpec o = s.findOption(name);
                if (o != null) {
                    s.remove(o);
                    s.addOption(CommandLine.Model.OptionSpec.builder(o).hidden(true).build());
                }
            }
            return s;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (common.trajectories != null || common.seed != null) {
            throw new IllegalArgumentException("fokker-planck solves for the density and samples nothing: "
                    + "--trajectories and --seed do not apply (use simulate)");
        }
        final ErasureConfig config = common.load();
        FokkerPlanckEngine.requireSupported(config.problem());
        // about 20 arrays of the cells (both densities, rates, scratch, energies, snapshots) and densities.csv's text
        final int snaps = config.fokkerPlanck().snapshotFractions().length;
        ErasureApp.requireMemory("fokker_planck.cells = " + config.fokkerPlanck().cells(),
                config.fokkerPlanck().cells() * 1.25 * (8.0 * (20 + snaps) + 25.0 * (2 * snaps + 1)));
        final Path dir = common.outDir(config.name(), "fp");
        org.erasure.io.ResultFolder.requireOwnOrEmpty(dir, "fokker-planck");
        final PrintWriter out = spec.commandLine().getOut();
        final FokkerPlanckSettings fs = config.fokkerPlanck();
        out.printf(Locale.ROOT, "fokker-planck %s: tau = %.4g tau_D%s, %s (numerical error from a second solve at %s)%n",
                config.name(), config.protocol().duration(),
                config.problem().hasHold() ? String.format(Locale.ROOT, " + hold %.4g tau_D", config.problem().holdTime()) : "",
                fs, fs.coarsened());
        out.println(Durations.timeScales(config));
        out.flush();
        final long t0 = System.nanoTime();
        final FokkerPlanckSolution solution;
        final java.util.concurrent.ExecutorService helpers = Futures.helpers("fokker-planck", common.threads());
        try (Progress progress = Progress.of("fokker-planck", FokkerPlanckEngine.cellSteps(config.problem(), fs),
                "cell-steps")) {
            solution = FokkerPlanckEngine.solve(config.problem(), fs, FokkerPlanckSolution.Tolerance.DEFAULT,
                    progress.listener(), helpers);
        } finally {
            Futures.shutdown(helpers);
        }
        final FokkerPlanckResult r = solution.result();
        final double wall = (System.nanoTime() - t0) * 1e-9;
        final Table.Row s = FokkerPlanckSummary.columns(config.run(), solution, wall);
        final PhysicalUnits u = config.units();
        out.printf(Locale.ROOT, "  <W>   = %.6f +- %.1g kT = %.4g zJ = %.4g eV   (+- numerical error)%n", r.meanWork(),
                solution.workError(), u.toZeptoJoule(r.meanWork()), u.toElectronVolt(r.meanWork()));
        out.printf(Locale.ROOT, "  <W+>  = %.6f +- %.1g kT, <W-> = %.6f +- %.1g kT  (gross work: energy put into and "
                        + "given back by the potential)%n", r.meanWorkPlus(), solution.workPlusError(), r.meanWorkMinus(),
                solution.workMinusError());
        out.printf(Locale.ROOT, "  <Q>   = %.6f +- %.1g kT;  <dU> = %.6f kT;  dF = %.6f +- %.1g kT;  entropy production "
                        + "= %.6f +- %.1g kT%n", r.meanHeat(), solution.heatError(), r.meanDeltaU(), r.freeEnergyChange(),
                solution.freeEnergyChangeError(), r.entropyProduction(), solution.entropyProductionError());
        if (r.holdSteps() > 0) {
            out.printf(Locale.ROOT, "  eps at the end of the protocol = %.6g +- %.1g; after the hold of %.4g tau_D:%n",
                    r.errorAtProtocolEnd(), solution.errorAtProtocolEndError(), s.number("hold_tauD"));
        }
        out.printf(Locale.ROOT, "  eps   = %.6g +- %.1g (%.2g %% relative)  (from left %.4g, from right %.4g)%n",
                r.error(), solution.errorRateError(), 100 * solution.errorRateRelativeError(), r.errorFromLeft(),
                r.errorFromRight());
        out.printf(Locale.ROOT, "  bounds: kT[ln2 - H(eps)] = %.6f kT;  kT ln(1/eps) = %.4f +- %.1g kT;  finite-time "
                        + "dF + W2^2/tau = %.6f +- %.1g kT (W2 = %.4f x_m)%n", s.number("landauer_bound_kT"),
                s.number("log_inverse_error_kT"), solution.logInverseErrorError(), r.finiteTimeBound(),
                solution.finiteTimeBoundError(), r.wasserstein2());
        out.printf(Locale.ROOT, "  grid %d cells of %.3g x_m, %d steps%s; wall %.2f s, %.3g cell-steps/s%n", r.cells(),
                r.cellWidth(), r.timeSteps(), r.holdSteps() > 0 ? " + " + r.holdSteps() + " hold steps" : "", wall,
                s.number("cell_steps_per_s"));
        for (String w : org.erasure.io.FokkerPlanckWarnings.of(solution)) {
            out.println("  WARNING: " + w);
        }
        if (!org.erasure.io.FokkerPlanckWarnings.of(solution).isEmpty()) {
            out.printf(Locale.ROOT, "  (for example --set fokker_planck.cells=%d --set fokker_planck.time_steps=%d)%n",
                    2 * fs.cells(), 2 * fs.timeSteps());
        }
        out.flush();

        final Map<String, String> files = new LinkedHashMap<>();
        files.put("summary.csv", Table.of(s).csv());
        files.put("densities.csv", snapshotsCsv(config, r));
        final Map<String, Object> runInfo = new LinkedHashMap<>();
        runInfo.put("engine", "fokker-planck");
        runInfo.put("cells", r.cells());
        runInfo.put("wall_time_s", wall);
        files.put("run.json", RunRecord.json("fokker-planck",
                spec.commandLine().getParseResult().originalArgs(), config.tree(), runInfo, s.asMap()));
        final List<Path> figures = AtomicFiles.writeWithFigures(dir, files, PlotCommand::figures);
        out.println("wrote " + dir.resolve("summary.csv") + ", densities.csv and run.json");
        for (Path f : figures) {
            out.println("wrote " + f);
        }
        return 0;
    }

    /**
     * x, then the density ρ (1/x_m) and the potential U (kT) at each snapshot time: the columns
     * rho_at_&lt;f&gt;tau_per_xm and U_at_&lt;f&gt;tau_kT, f the fraction of τ.
     */
    static String snapshotsCsv(ErasureConfig config, FokkerPlanckResult r) {
        final double[] f = r.snapshotFractions();
        final double tau = config.protocol().duration();
        final StringBuilder sb = new StringBuilder("x_xm");
        for (double v : f) {
            sb.append(",rho_at_").append(v).append("tau_per_xm");
        }
        for (double v : f) {
            sb.append(",U_at_").append(v).append("tau_kT");
        }
        sb.append('\n');
        for (int i = 0; i < r.cells(); i++) {
            final double x = r.x(i);
            sb.append(x);
            for (double[] d : r.snapshots()) {
                sb.append(',').append(d[i]);
            }
            for (double v : f) {
                sb.append(',').append(config.potential().energy(x, config.protocol().control0(v * tau),
                        config.protocol().control1(v * tau)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
