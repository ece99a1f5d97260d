package org.erasure.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.erasure.config.ConfigException;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Table;

/**
 * Assembles sweep.csv from the point files of one or more folders (shards): refuses damaged point files, points
 * present twice and missing points, and takes the union of differing columns.
 */
public final class SweepAssembly {

    private SweepAssembly() {
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
            final Path t = e.getValue().resolveSibling(SweepRunner.timingFile(e.getKey()));
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
    static Table.Row pointRow(Path file, int index, List<String> lines) {
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
                have |= Files.exists(SweepRunner.pointFile(d.resolve("points"), i));
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
            final String have = SweepRunner.fingerprint(record);
            if (fp == null) {
                fp = have;
                total = SweepRunner.readRecord(record).path("points").asInt();
            } else if (!fp.equals(have)) {
                throw new ConfigException(d + " holds a different sweep than " + dirs.get(0));
            }
        }
        final Path outRecord = out.resolve("sweep.json");
        if (Files.exists(outRecord) && !SweepRunner.fingerprint(outRecord).equals(fp)) {
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
