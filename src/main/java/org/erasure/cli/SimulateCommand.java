package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.Erasure;
import org.erasure.ErasureRun;
import org.erasure.RecordingRequest;
import org.erasure.RunOptions;
import org.erasure.SimulationReport;
import org.erasure.config.ErasureConfig;
import org.erasure.io.AtomicFiles;
import org.erasure.io.MonteCarloSummary;
import org.erasure.io.MonteCarloText;
import org.erasure.io.RecordingFiles;
import org.erasure.io.ResolvedConfiguration;
import org.erasure.io.RunRecord;
import org.erasure.io.Table;
import org.erasure.stats.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code erasure simulate}: Langevin Monte Carlo of one configuration. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Langevin Monte Carlo of one erasure configuration.",
                "Prints <W>, <Q> and the error probability with their sampling and time-step errors (coupled paths "
                        + "at twice the step; dynamics.dt: auto halves the step until they meet the tolerance) beside "
                        + "the bounds kT[ln2 - H(eps)] and kT ln(1/eps); writes DIR/summary.csv and DIR/run.json."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "2:bad input (configuration, options, files)",
                "3:the run diverged (time step too large)"})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Option(names = "--per-trajectory", description = "Also write DIR/trajectories.csv: each "
            + "trajectory's initial well and position, final position, W, W+, W-, Q and whether it ended wrong (one row "
            + "per trajectory, numbered as the seed's streams number them: the same rows at any thread count).")
    boolean perTrajectory;

    @CommandLine.Option(names = "--paths", paramLabel = "K", defaultValue = "0", description = "Also write "
            + "DIR/paths.csv: the positions of the first K trajectories on a time grid (--path-points); default 0.")
    int paths;

    @CommandLine.Option(names = "--path-points", paramLabel = "M", defaultValue = "201",
            description = "Times of the sample paths, equally spaced over the run (default ${DEFAULT-VALUE}).")
    int pathPoints;

    @CommandLine.Option(names = "--error-times", paramLabel = "T,...", split = ",", description = "Also write "
            + "DIR/error_vs_time.csv: eps(t), the fraction on the wrong side of the barrier of that time, at these "
            + "times (tau_D, or seconds with an s suffix and a physical section), with 95 %% intervals.")
    List<String> errorTimes;

    @CommandLine.Option(names = "--work-within", paramLabel = "KT", description = "Estimate <W> alone, within KT "
            + "kT in total (sampling and time step), by multilevel Monte Carlo: a coarse step corrected by coupled "
            + "finer ones, each level's trajectories chosen for the least work (Giles 2008). Writes DIR/summary.csv, "
            + "DIR/levels.csv and DIR/run.json; default DIR results/<name>/mlmc. Not with --trajectories, "
            + "--per-trajectory, --paths or --error-times.")
    Double workWithin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (workWithin != null) {
            if (common.trajectories != null || perTrajectory || paths != 0 || errorTimes != null) {
                throw new IllegalArgumentException("--work-within chooses its own trajectories and records no "
                        + "trajectory: it does not go with --trajectories, --per-trajectory, --paths or --error-times");
            }
            return MultilevelOutput.run(common.load(), common, workWithin, spec.commandLine().getParseResult()
                    .originalArgs(), spec.commandLine().getOut());
        }
        final ErasureConfig config = common.load();
        final int threads = common.threads();
        final Path dir = common.outDir(config.name(), "mc");
        org.erasure.io.ResultFolder.requireOwnOrEmpty(dir, "simulate");
        final ErasureRun run = config.run();
        final RecordingRequest recording = recordingRequest(config);
        final PrintWriter out = spec.commandLine().getOut();
        MonteCarloText.header(out, run, threads);
        out.println(Durations.timeScales(config));
        MonteCarloText.forecast(out, run, threads);
        final SimulationReport report = Erasure.simulate(run,
                new RunOptions(threads, new TerminalListener(out), recording));
        final Table.Row summary = MonteCarloSummary.columns(report);
        MonteCarloText.print(out, report);
        final Histogram histogram = report.workHistogram();
        if (histogram != null) {
            histogramNote(out, histogram, report.trajectories());
        }

        final Map<String, String> files = new LinkedHashMap<>();
        files.put("summary.csv", Table.of(summary).csv());
        if (histogram != null) {
            files.put("work_histogram.csv", RecordingFiles.histogramCsv(histogram));
        }
        if (report.recording() != null) {
            files.putAll(RecordingFiles.of(report.recording(), config.units(), config.potential().lengthUnitKey()));
        }
        final Map<String, Object> runInfo = new LinkedHashMap<>();
        runInfo.put("threads", threads);
        runInfo.put("block_size", Erasure.blockSize());
        runInfo.put("random_source", Erasure.randomSource());
        runInfo.put("seed", report.seed());
        runInfo.put("wall_time_s", report.wallSeconds());
        final List<String> written = new java.util.ArrayList<>(files.keySet());
        written.add("run.json");
        runInfo.put("files_written", written);
        files.put("run.json", RunRecord.json("simulate", Arrays.asList(spec.commandLine().getParseResult()
                .originalArgs().toArray(new String[0])), config.tree(), ResolvedConfiguration.of(run, report.dtUsed()), runInfo, summary.asMap()));
        writeKeepingEarlier(dir, files, "simulate", out);
        out.println("wrote " + dir.resolve("summary.csv") + " and " + dir.resolve("run.json"));
        return 0;
    }

    /** What --per-trajectory, --paths and --error-times ask to record, checked before the run. */
    private RecordingRequest recordingRequest(ErasureConfig config) {
        if (!perTrajectory && paths == 0 && errorTimes == null) {
            return RecordingRequest.NONE;
        }
        final double[] times = errorTimes == null ? new double[0]
                : errorTimes.stream().mapToDouble(t -> Durations.parse("--error-times", t, config.units(), true))
                .toArray();
        // the request checks --paths and --path-points itself; the memory they need is checked here, before the run
        final RecordingRequest request = new RecordingRequest(perTrajectory, paths, pathPoints, times);
        final long trajectories = config.run().trajectories();
        if (perTrajectory) {
            ErasureApp.requireMemory("--per-trajectory with " + trajectories + " trajectories", trajectories * 120.0);
        }
        ErasureApp.requireMemory("--paths " + paths, (double) Math.min(paths, trajectories) * pathPoints * 8);
        return request;
    }

    /**
     * Writes a run's files into its folder without losing an earlier run's: files this run does not rewrite (an
     * earlier run's trajectories.csv, its figures) are set aside in earlier-&lt;time&gt;/, and what it replaces is said.
     */
    static void writeKeepingEarlier(Path dir, Map<String, String> files, String command, PrintWriter out)
            throws java.io.IOException {
        final List<String> before = org.erasure.io.ResultFolder.listFiles(dir);
        final List<String> replaced = before.stream().filter(files::containsKey).toList();
        final Path aside = org.erasure.io.ResultFolder.setAside(dir, before.stream().filter(f -> !files.containsKey(f))
                .toList());
        AtomicFiles.writeAll(dir, files);
        if (!replaced.isEmpty()) {
            out.println("replaced an earlier " + command + " run's " + String.join(", ", replaced) + " in " + dir);
        }
        if (aside != null) {
            try (var moved = java.nio.file.Files.list(aside)) {
                out.println("set aside the earlier run's files that this run does not rewrite, in " + aside + ": "
                        + String.join(", ", moved.map(f -> f.getFileName().toString()).sorted().toList()));
            }
        }
    }

    /** Share of the trajectories outside the histogram's range above which the terminal names it. */
    static final double HISTOGRAM_OUTSIDE_NOTE = 0.01;

    /**
     * Names the trajectories whose work falls outside the histogram's range (they are counted in its open-ended
     * first and last bins, which the figure does not draw) when they are more than 1 %.
     */
    static void histogramNote(PrintWriter out, Histogram h, long trajectories) {
        final long outside = h.underflow() + h.overflow();
        if (outside > HISTOGRAM_OUTSIDE_NOTE * trajectories) {
            out.printf(Locale.ROOT, "  NOTE: %d of %d trajectories (%.3g %%) have W outside the work histogram's range "
                            + "[%s, %s] kT (%d below, %d above): counted in its open-ended end bins, not drawn; widen "
                            + "simulation.work_histogram to see them%n", outside, trajectories, 100.0 * outside / trajectories,
                    org.erasure.io.Csv.format(h.min()), org.erasure.io.Csv.format(h.max()), h.underflow(), h.overflow());
        }
    }

}
