package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.erasure.plot.SweepFigures;
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

    @Option(names = "--shard", paramLabel = "i/n|auto", defaultValue = "1/1",
            description = "Run only shard i of n (points with index = i-1 mod n); default ${DEFAULT-VALUE}. "
                    + "'auto' takes i and n from a SLURM job array (SLURM_ARRAY_TASK_ID, _MIN, _MAX, _STEP or _COUNT).")
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
        final int[] sh = "auto".equals(shard.trim()) ? shardFromSlurm(System.getenv()) : parseShard(shard);
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
        // one sweep at a time in a folder: a second one is refused here, before any work
        try (java.io.Closeable lock = SweepRunner.lock(dir)) {
            final PrintWriter pw = spec.commandLine().getOut();
            final long mine = s.points().stream().filter(p -> SweepRunner.inShard(p.index(), sh[0], sh[1])).count();
            final long done = SweepRunner.finished(s, dir, sh[0], sh[1]);
            pw.printf(Locale.ROOT, "sweep %s: %d points (%d in shard %d/%d%s), engine %s -> %s%n", s.name(),
                    s.points().size(), mine, sh[0], sh[1], done > 0 ? ", " + done + " already done, skipped" : "",
                    s.engine().name().toLowerCase(Locale.ROOT), dir);
            pw.flush();
            final boolean complete;
            try (Progress progress = Progress.of("sweep", mine, "points")) {
                final var listener = progress.listener();
                complete = SweepRunner.run(s, dir, sh[0], sh[1], t, listener == null ? null : i -> listener.accept(1));
            }
            if (complete) {
                pw.println("wrote " + dir.resolve("sweep.csv"));
                if (!noPlots) {
                    for (Path f : SweepFigures.sweepFigures(dir)) {
                        pw.println("wrote " + f);
                    }
                }
            } else {
                pw.println("shard done; points are in " + dir.resolve("points")
                        + " (merge the shards with 'erasure merge')");
            }
            pw.flush();
        }
        return 0;
    }

    /**
     * The shard of a SLURM array task: i = (ID − MIN)/STEP + 1 of n = (MAX − MIN)/STEP + 1 (or SLURM_ARRAY_TASK_COUNT
     * when MIN/MAX are absent, with MIN = 0), so an array --array=0-2 runs shards 1/3, 2/3 and 3/3.
     */
    static int[] shardFromSlurm(java.util.Map<String, String> env) {
        final String id = env.get("SLURM_ARRAY_TASK_ID");
        if (id == null) {
            throw new IllegalArgumentException("--shard auto: not inside a SLURM job array (SLURM_ARRAY_TASK_ID is not "
                    + "set); submit with sbatch --array, or give --shard i/n");
        }
        try {
            final int task = Integer.parseInt(id.trim());
            final int step = env.containsKey("SLURM_ARRAY_TASK_STEP")
                    ? Integer.parseInt(env.get("SLURM_ARRAY_TASK_STEP").trim()) : 1;
            final int min;
            final int n;
            if (env.containsKey("SLURM_ARRAY_TASK_MIN") && env.containsKey("SLURM_ARRAY_TASK_MAX")) {
                min = Integer.parseInt(env.get("SLURM_ARRAY_TASK_MIN").trim());
                n = (Integer.parseInt(env.get("SLURM_ARRAY_TASK_MAX").trim()) - min) / step + 1;
            } else if (env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
                min = 0;
                n = Integer.parseInt(env.get("SLURM_ARRAY_TASK_COUNT").trim());
            } else {
                throw new IllegalArgumentException("--shard auto: SLURM_ARRAY_TASK_ID is set but neither "
                        + "SLURM_ARRAY_TASK_MIN/_MAX nor SLURM_ARRAY_TASK_COUNT is; give --shard i/n");
            }
            if (step < 1 || (task - min) % step != 0) {
                throw new IllegalArgumentException("--shard auto: array task " + task + " is not on the array's grid "
                        + "(min " + min + ", step " + step + ")");
            }
            return parseShard((task - min) / step + 1 + "/" + n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard auto: the SLURM array variables are not integers: " + e.getMessage());
        }
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
        throw new IllegalArgumentException("--shard must be i/n with 1 <= i <= n, or auto, got " + s);
    }
}
