package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.Erasure;
import org.erasure.ErasureRun;
import org.erasure.FokkerPlanckReport;
import org.erasure.RecordingRequest;
import org.erasure.RunOptions;
import org.erasure.config.ErasureConfig;
import org.erasure.io.FokkerPlanckText;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Table;
import org.erasure.io.FokkerPlanckSummary;
import org.erasure.io.ResolvedConfiguration;
import org.erasure.io.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code erasure fokker-planck}: the configuration through the deterministic Fokker–Planck solver. */
@Command(name = "fokker-planck", mixinStandardHelpOptions = true, modelTransformer = FokkerPlanckCommand.NoSampling.class,
        description = {"Solves the Fokker-Planck equation for one erasure configuration: in x for overdamped "
                        + "dynamics, in phase space (x, v; Klein-Kramers) for underdamped.",
                "No sampling noise: <W>, <Q>, eps (to 1e-30 and below overdamped), free-energy change, entropy "
                        + "production and the finite-time bound (overdamped), <dK> (underdamped), each with its "
                        + "numerical error; writes DIR/summary.csv, DIR/densities.csv and DIR/run.json."},
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
        final ErasureRun run = config.run();
        Erasure.requireFokkerPlanck(run);
        ErasureApp.requireMemory("fokker_planck.cells = " + run.fokkerPlanckCells(), Erasure.fokkerPlanckMemoryBytes(run));
        final Path dir = common.outDir(config.name(), "fp");
        org.erasure.io.ResultFolder.requireOwnOrEmpty(dir, "fokker-planck");
        final PrintWriter out = spec.commandLine().getOut();
        FokkerPlanckText.header(out, run);
        out.println(Durations.timeScales(config));
        out.flush();
        final FokkerPlanckReport report = Erasure.solveFokkerPlanck(run,
                new RunOptions(common.threads(), new TerminalListener(out), RecordingRequest.NONE));
        final Table.Row s = FokkerPlanckSummary.columns(report);
        if (!run.problem().dynamics().isUnderdamped()) {
            s.put("full_control_min_work_kT", report.fullControl() == null ? Double.NaN : report.fullControl().work());
            s.put("full_control_min_work_numerical_error_kT",
                    report.fullControl() == null ? Double.NaN : report.fullControl().workError());
        }
        FokkerPlanckText.print(out, report);

        final Map<String, String> files = new LinkedHashMap<>();
        files.put("summary.csv", Table.of(s).csv());
        files.put("densities.csv", FokkerPlanckText.densitiesCsv(report));
        final Map<String, Object> runInfo = new LinkedHashMap<>();
        runInfo.put("engine", "fokker-planck");
        runInfo.put("cells", report.cells());
        runInfo.put("wall_time_s", report.wallSeconds());
        files.put("run.json", RunRecord.json("fokker-planck",
                spec.commandLine().getParseResult().originalArgs(), config.tree(), ResolvedConfiguration.of(run, Double.NaN), runInfo, s.asMap()));
        final List<Path> figures = AtomicFiles.writeWithFigures(dir, files, PlotCommand::figures);
        out.println("wrote " + dir.resolve("summary.csv") + ", densities.csv and run.json");
        for (Path f : figures) {
            out.println("wrote " + f);
        }
        return 0;
    }
}
