package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.erasure.plot.Figures;
import org.erasure.sweep.SweepRunner;
import org.erasure.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code erasure sweep}: a grid over configuration parameters, resumable and shardable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a grid over any configuration parameters, each point by MC, FP or both.",
                "Resumable: rerun the same command after an interruption and finished points are skipped. "
                        + "Shardable: --shard i/n runs a deterministic subset; 'erasure merge' combines shards.",
                "Writes DIR/sweep.csv (one row per point, units in column names), DIR/sweep.json, DIR/timings.csv "
                        + "and figures."})
public final class SweepCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "SWEEP.yaml", required = true, description = "Sweep file.")
    Path config;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "mc, fp, both or ams (direct Monte Carlo for <W> and <Q>, adaptive multilevel splitting for "
                    + "eps; the points' rare_event settings or the defaults) (default: the file's, else fp).")
    String engine;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<name>/).")
    Path out;

    @Option(names = "--shard", paramLabel = "i/n", defaultValue = "1/1",
            description = "Run only shard i of n (points with index = i-1 mod n); default ${DEFAULT-VALUE}.")
    String shard;

    @Option(names = "--threads", paramLabel = "T", description = "Monte Carlo threads (default: all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value of the base configuration.")
    List<String> set = new ArrayList<>();

    @Option(names = "--trajectories", paramLabel = "N",
            description = "Monte Carlo trajectories at every point (overrides simulation.trajectories of the base).")
    Long trajectories;

    @Option(names = "--no-plots", description = "Do not draw figures at the end.")
    boolean noPlots;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final int[] sh = parseShard(shard);
        final int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t <= 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + t);
        }
        final List<String> overrides = new ArrayList<>(set);
        if (trajectories != null) {
            overrides.add("simulation.trajectories=" + trajectories);
        }
        final SweepSpec s = SweepSpec.load(config, engine, overrides);
        final Path dir = CommonOptions.checkedOutDir(out, s.name());
        final PrintWriter pw = spec.commandLine().getOut();
        final long mine = s.points().stream().filter(p -> SweepRunner.inShard(p.index(), sh[0], sh[1])).count();
        pw.printf(Locale.ROOT, "sweep %s: %d points (%d in shard %d/%d), engine %s -> %s%n", s.name(),
                s.points().size(), mine, sh[0], sh[1], s.engine().name().toLowerCase(Locale.ROOT), dir);
        pw.flush();
        final boolean complete;
        try (Progress progress = Progress.of("sweep", mine, "points")) {
            final var listener = progress.listener();
            complete = SweepRunner.run(s, dir, sh[0], sh[1], t, listener == null ? null : i -> listener.accept(1));
        }
        if (complete) {
            pw.println("wrote " + dir.resolve("sweep.csv"));
            if (!noPlots) {
                for (Path f : Figures.sweepFigures(dir)) {
                    pw.println("wrote " + f);
                }
            }
        } else {
            pw.println("shard done; points are in " + dir.resolve("points") + " (merge the shards with 'erasure merge')");
        }
        pw.flush();
        return 0;
    }

    static int[] parseShard(String s) {
        final String[] parts = s.split("/");
        try {
            if (parts.length == 2) {
                final int i = Integer.parseInt(parts[0].trim());
                final int n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && i >= 1 && i <= n) {
                    return new int[] {i, n};
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--shard must be i/n with 1 <= i <= n, got " + s);
    }
}
