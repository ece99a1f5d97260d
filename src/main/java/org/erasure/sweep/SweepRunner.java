package org.erasure.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.erasure.Erasure;
import org.erasure.config.ConfigException;
import org.erasure.config.ErasureConfig;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Table;
import org.erasure.rare.AmsTimeStep;
import org.erasure.langevin.TimeStepRefinement;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;
import org.erasure.io.FokkerPlanckSummary;
import org.erasure.io.MonteCarloSummary;

/**
 * Runs the points of a sweep into a folder, resumably and shardably (SPEC 4.1).
 *
 * <p>Layout: {@code sweep.json} (the spec and its fingerprint), {@code points/point-NNNNNN.csv} (one
 * finished point each, written atomically), {@code timings.csv}, and {@code sweep.csv}, assembled
 * from the point files in index order once every point is present. A rerun skips finished points,
 * so an interrupted sweep ends with exactly the CSV of an uninterrupted one; wall times, which
 * differ from run to run, are kept out of sweep.csv (they go to timings.csv).
 */
public final class SweepRunner {

    /** Columns that depend on the machine or the moment, not on the physics. */
    static final Set<String> TIMING_COLUMNS = Set.of("name", "wall_time_s", "particle_steps_per_s",
            "cell_steps_per_s");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepRunner() {
    }

    /** Which points a shard i of n runs: those with index ≡ i−1 (mod n). */
    public static boolean inShard(int index, int shard, int shards) {
        return index % shards == shard - 1;
    }

    /**
     * Takes the folder for one sweep at a time: an exclusive lock on {@code dir/.sweep.lock}, held until closed. A
     * second sweep into the same folder while one runs is refused in one line up front (it used to fail late, on a
     * temporary figure). The lock file is never followed if it is a link, and is left in place (it holds no data).
     */
    public static java.io.Closeable lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        final java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve(".sweep.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        java.nio.channels.FileLock held;
        try {
            held = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            held = null;                                             // held by this process, another thread's sweep
        }
        if (held == null) {
            ch.close();
            throw new IllegalArgumentException(dir + " is being written by another sweep right now: wait for it to "
                    + "finish, or give another --out");
        }
        final java.nio.channels.FileLock lock = held;
        return () -> {
            lock.release();
            ch.close();
        };
    }

    /**
     * Runs this shard's unfinished points.
     *
     * @param onPoint called with each finished point's index (for progress), or null
     * @return true when every point of the whole sweep is present and sweep.csv was written
     */
    public static boolean run(SweepSpec spec, Path dir, int shard, int shards, int threads, IntConsumer onPoint)
            throws IOException {
        if (shards < 1 || shard < 1 || shard > shards) {
            throw new IllegalArgumentException("--shard must be i/n with 1 <= i <= n, got " + shard + "/" + shards);
        }
        claim(spec, dir);
        final Path points = dir.resolve("points");
        final List<SweepSpec.Point> todo = new ArrayList<>();
        for (SweepSpec.Point p : spec.points()) {
            if (inShard(p.index(), shard, shards) && !Files.exists(pointFile(points, p.index()))) {
                todo.add(p);
            }
        }
        if (spec.engine() == SweepSpec.Engine.FP && threads > 1 && todo.size() > 1) {
            // a Fokker-Planck solve is single-threaded: the points themselves run side by side, each into its own
            // file, so the sweep's CSV is the same for any thread count
            final java.util.concurrent.ExecutorService pool = org.erasure.util.Futures.daemonPool("sweep",
                    Math.min(threads, todo.size()));
            try {
                final List<java.util.concurrent.Future<Integer>> fs = new ArrayList<>();
                for (SweepSpec.Point p : todo) {
                    fs.add(pool.submit(() -> {
                        runAndWrite(spec, p, points, 1);
                        return p.index();
                    }));
                }
                for (java.util.concurrent.Future<Integer> f : fs) {
                    final int index = org.erasure.util.Futures.get(f);
                    if (onPoint != null) {
                        onPoint.accept(index);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        } else {
            for (SweepSpec.Point p : todo) {
                runAndWrite(spec, p, points, threads);
                if (onPoint != null) {
                    onPoint.accept(p.index());
                }
            }
        }
        return SweepAssembly.assemble(spec.points().size(), List.of(dir), dir);
    }

    private static void runAndWrite(SweepSpec spec, SweepSpec.Point p, Path points, int threads) {
        final long t0 = System.nanoTime();
        final Table.Row row = runPoint(spec, p, threads);
        final double wall = (System.nanoTime() - t0) * 1e-9;
        try {
            AtomicFiles.writeAll(points, Map.of(pointFile(points, p.index()).getFileName().toString(),
                    Table.of(row).csv(), timingFile(p.index()), p.index() + "," + wall + "\n"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The row of one point: index, the swept values, then the engines' deterministic summary columns. */
    static Table.Row runPoint(SweepSpec spec, SweepSpec.Point p, int threads) {
        final ErasureConfig config = spec.configAt(p);
        final Table.Row row = new Table.Row().put("point", (long) p.index());
        p.values().forEach((k, v) -> {
            if (v.isNumber()) {
                row.put(k, v.doubleValue());
            } else {
                row.put(k, v.asText());
            }
        });
        final boolean both = spec.engine() == SweepSpec.Engine.BOTH;
        if (spec.engine().mc()) {
            final TimeStepRefinement.Outcome mc = Erasure.simulateJudged(config.problem(), config.monteCarlo(), threads,
                    null);
            // splitting on the step the direct run kept (dt: auto refines from there), again at 2dt for its error
            final AmsTimeStep.Outcome ams = spec.engine() == SweepSpec.Engine.AMS ? AmsTimeStep.estimate(mc.run(),
                    config.rareEvent().orElse(defaultAms(config.seed())), threads, config.monteCarlo().tolerance(),
                    config.monteCarlo().autoDt()) : null;
            putAll(row, MonteCarloSummary.columns(config.run(), mc, 1, null, ams), both ? "mc_" : "");
        }
        if (spec.engine().fp()) {
            putAll(row, FokkerPlanckSummary.columns(config.run(), Erasure.solve(config.problem(), config.fokkerPlanck()), 1),
                    both ? "fp_" : "");
        }
        return row;
    }

    /** The splitting a point runs when its configuration has no rare_event section of its own (score: auto). */
    static AmsSettings defaultAms(long seed) {
        return new AmsSettings(AmsSettings.DEFAULT_REPLICAS, AmsSettings.DEFAULT_KILL_FRACTION,
                AmsSettings.DEFAULT_REPETITIONS, seed, Score.auto(), AmsSettings.DEFAULT_MAX_ITERATIONS);
    }

    private static void putAll(Table.Row row, Table.Row cols, String prefix) {
        for (String k : cols.columns()) {
            if (!TIMING_COLUMNS.contains(k) && !(prefix.isEmpty() && row.get(k) != null)) {
                row.putCell(prefix + k, cols, k);
            }
        }
    }

    /**
     * Claims the folder for this sweep: creates sweep.json atomically (a hard link of a complete temporary file,
     * which fails if the file exists, so of two runs started at once into a new folder exactly one claims it), or
     * checks that the folder already holds this very sweep.
     */
    static void claim(SweepSpec spec, Path dir) throws IOException {
        final Path record = dir.resolve("sweep.json");
        final String fp = spec.fingerprint();
        if (!Files.exists(record)) {
            final ObjectNode n = JSON.createObjectNode();
            n.put("name", spec.name());
            n.put("fingerprint", fp);
            n.put("points", spec.points().size());
            n.setAll(spec.describe());
            Files.createDirectories(dir);
            final Path tmp = Files.createTempFile(dir, ".sweep.json.", ".tmp");
            try {
                Files.writeString(tmp, JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
                tmp.toFile().setReadable(true, false);
                Files.createLink(record, tmp);
                return;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run claimed the folder first: fall through and compare
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        final String have = fingerprint(record);
        if (!have.equals(fp)) {
            throw new ConfigException(dir + " holds a different sweep (fingerprint " + shortFp(have)
                    + ", this one " + shortFp(fp) + "): the configuration changed; use another --out");
        }
    }

    /** The fingerprint recorded in a sweep.json; one line naming the file when it cannot be read. */
    static String fingerprint(Path record) {
        final JsonNode n = readRecord(record);
        final JsonNode fp = n.get("fingerprint");
        if (fp == null || !fp.isTextual() || !n.path("points").isInt()) {
            throw new ConfigException(record + " cannot be read: it has no fingerprint and point count (not a "
                    + "sweep record, or damaged)");
        }
        return fp.asText();
    }

    static JsonNode readRecord(Path record) {
        try {
            return JSON.readTree(record.toFile());
        } catch (IOException e) {
            final String why = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new ConfigException(record + " cannot be read: " + why);
        }
    }

    static String shortFp(String fp) {
        return fp.length() > 12 ? fp.substring(0, 12) : fp;
    }

    /** How many points of the shard a folder already holds (finished by an earlier run; a rerun skips them). */
    public static long finished(SweepSpec spec, Path dir, int shard, int shards) {
        return spec.points().stream().filter(p -> inShard(p.index(), shard, shards)
                && Files.exists(pointFile(dir.resolve("points"), p.index()))).count();
    }

    static Path pointFile(Path points, int index) {
        return points.resolve(String.format("point-%06d.csv", index));
    }

    static String timingFile(int index) {
        return String.format("timing-%06d.txt", index);
    }

}
