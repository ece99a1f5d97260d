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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        return assemble(spec.points().size(), List.of(dir), dir);
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

    private static JsonNode readRecord(Path record) {
        try {
            return JSON.readTree(record.toFile());
        } catch (IOException e) {
            final String why = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new ConfigException(record + " cannot be read: " + why);
        }
    }

    private static String shortFp(String fp) {
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

    private static String timingFile(int index) {
        return String.format("timing-%06d.txt", index);
    }

    /**
     * Assembles sweep.csv (and timings.csv) in {@code out} from the point files of one or more
     * folders, if all {@code total} points are present.
     *
     * @throws ConfigException if a point appears in two folders
     */
    static boolean assemble(int total, List<Path> dirs, Path out) throws IOException {
        final TreeMap<Integer, Path> found = new TreeMap<>();
        for (Path d : dirs) {
            final Path points = d.resolve("points");
            if (!Files.isDirectory(points)) {
                continue;
            }
            try (var files = Files.list(points)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    final String n = f.getFileName().toString();
                    if (n.matches("point-\\d{6}\\.csv")) {
                        final int idx = Integer.parseInt(n.substring(6, 12));
                        final Path prev = found.put(idx, f);
                        if (prev != null && !prev.getParent().equals(f.getParent())) {
                            throw new ConfigException("point " + idx + " appears in both " + prev.getParent().getParent()
                                    + " and " + d + ": shards overlap");
                        }
                    }
                }
            }
        }
        if (found.size() < total) {
            return false;
        }
        final StringBuilder csv = new StringBuilder();
        final StringBuilder timings = new StringBuilder("point,wall_time_s\n");
        final List<Table.Row> rows = new ArrayList<>();
        String header = null;
        boolean sameColumns = true;
        for (Map.Entry<Integer, Path> e : found.entrySet()) {
            final List<String> lines = Files.readAllLines(e.getValue(), StandardCharsets.UTF_8);
            rows.add(pointRow(e.getValue(), e.getKey(), lines));
            if (header == null) {
                header = lines.get(0);
                csv.append(header).append('\n');
            }
            sameColumns &= lines.get(0).equals(header);
            csv.append(lines.get(1)).append('\n');
            final Path t = e.getValue().resolveSibling(timingFile(e.getKey()));
            if (Files.exists(t)) {
                timings.append(Files.readString(t, StandardCharsets.UTF_8));
            }
        }
        final Map<String, String> files = new LinkedHashMap<>();
        // points whose columns differ (a hold shorter than one step has no hold columns) are joined on the union of the columns,
        // empty where a point has none, instead of their rows being set under another point's header
        files.put("sweep.csv", sameColumns ? csv.toString() : Table.of(rows).csv());
        files.put("timings.csv", timings.toString());
        AtomicFiles.writeAll(out, files);
        return true;
    }

    /**
     * A point file's one row, checked: it must parse as a CSV of one row whose {@code point} column is its index.
     * An empty, header-only or foreign file (another sweep's, or anything else) is refused in one line naming it
     * (exit 2), where it gave an IndexOutOfBoundsException or was merged as data.
     */
    private static Table.Row pointRow(Path file, int index, List<String> lines) {
        final String fix = ": delete it and run the sweep again to recompute that point";
        if (lines.size() != 2) {
            throw new ConfigException(file + " is damaged (" + (lines.isEmpty() ? "empty" : lines.size() == 1
                    ? "a header and no row" : lines.size() + " lines, not a header and one row") + ")" + fix);
        }
        final Table t;
        try {
            t = Table.readCsv(file);
        } catch (IOException | RuntimeException ex) {
            throw new ConfigException(file + " is damaged (" + ex.getMessage() + ")" + fix);
        }
        if (t.size() != 1 || !t.has("point") || t.number("point", 0) != index) {
            throw new ConfigException(file + " is not point " + index + " of a sweep (its 'point' column is "
                    + (t.size() == 1 && t.has("point") ? t.text("point", 0) : "missing") + ")" + fix);
        }
        return t.row(0);
    }

    /** Indices missing from the union of the folders' point files. */
    static List<Integer> missing(int total, List<Path> dirs) {
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boolean have = false;
            for (Path d : dirs) {
                have |= Files.exists(pointFile(d.resolve("points"), i));
            }
            if (!have) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Merges shard folders into {@code out}: all must hold the same sweep (fingerprint), no point may
     * appear twice, none may be missing.
     */
    public static void merge(List<Path> dirs, Path out) throws IOException {
        String fp = null;
        int total = -1;
        for (Path d : dirs) {
            final Path record = d.resolve("sweep.json");
            if (!Files.exists(record)) {
                throw new ConfigException(d + " is not a sweep folder (no sweep.json)");
            }
            final String have = fingerprint(record);
            if (fp == null) {
                fp = have;
                total = readRecord(record).path("points").asInt();
            } else if (!fp.equals(have)) {
                throw new ConfigException(d + " holds a different sweep than " + dirs.get(0));
            }
        }
        final Path outRecord = out.resolve("sweep.json");
        if (Files.exists(outRecord) && !fingerprint(outRecord).equals(fp)) {
            throw new ConfigException(out + " holds a different sweep than " + dirs.get(0) + ": merge into a new "
                    + "folder, or into one of this sweep's");
        }
        final List<Integer> miss = missing(total, dirs);
        if (!miss.isEmpty()) {
            throw new ConfigException("cannot merge: " + miss.size() + " of " + total + " points missing (first: "
                    + miss.subList(0, Math.min(5, miss.size())) + ")");
        }
        // overlap check happens in assemble, before anything is written
        final Path tmp = Files.createTempDirectory("erasure-merge");
        try {
            assemble(total, dirs, tmp);
            final Map<String, String> files = new LinkedHashMap<>();
            files.put("sweep.csv", Files.readString(tmp.resolve("sweep.csv")));
            files.put("timings.csv", Files.readString(tmp.resolve("timings.csv")));
            files.put("sweep.json", Files.readString(dirs.get(0).resolve("sweep.json")));
            AtomicFiles.writeAll(out, files);
        } finally {
            try (var s = Files.list(tmp)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }
}
