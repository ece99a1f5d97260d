package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.erasure.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: per-trajectory output, sample paths and ε(t) from {@code simulate}: consistent with the run's own
 * summary, independent of the thread count, and leaving every other number as it was.
 */
class RecordingTest {

    @TempDir
    Path tmp;

    private Path run(String name, String threads, String... extra) {
        final Path out = tmp.resolve(name);
        final String[] base = {"simulate", "--trajectories", "3000", "--threads", threads, "--out", out.toString()};
        final String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        final Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void recordsAgreeWithTheSummaryAndDoNotDependOnThreads() throws IOException {
        final Path plain = run("plain", "2");
        final Path rec = run("rec", "2", "--per-trajectory", "--paths", "4", "--path-points", "11", "--error-times",
                "0,5,10");
        final Path rec1 = run("rec1", "1", "--per-trajectory", "--paths", "4", "--path-points", "11", "--error-times",
                "0,5,10");
        final Table summary = Table.readCsv(rec.resolve("summary.csv"));
        // recording changes no number of the run
        assertEquals(Table.readCsv(plain.resolve("summary.csv")).number("mean_work_kT", 0), summary.number("mean_work_kT", 0),
                0.0);
        // the same rows at 1 and 2 threads
        assertEquals(Files.readString(rec1.resolve("trajectories.csv")), Files.readString(rec.resolve("trajectories.csv")));
        assertEquals(Files.readString(rec1.resolve("paths.csv")), Files.readString(rec.resolve("paths.csv")));
        final Table t = Table.readCsv(rec.resolve("trajectories.csv"));
        assertEquals(3000, t.size());
        double sumW = 0;
        long wrong = 0;
        for (int i = 0; i < t.size(); i++) {
            final double w = t.number("work_kT", i);
            sumW += w;
            wrong += "true".equals(t.text("wrong", i)) ? 1 : 0;
            assertEquals(w, t.number("work_plus_kT", i) + t.number("work_minus_kT", i), 1e-12 * (1 + Math.abs(w)));
            assertEquals(t.number("initial_x_xm", i) < 0 ? "left" : "right", t.text("initial_well", i));
        }
        assertEquals(summary.number("mean_work_kT", 0), sumW / t.size(), 1e-12);
        assertEquals((long) summary.number("errors", 0), wrong);
        // paths start at the first trajectories' initial positions and end at their final ones
        final Table p = Table.readCsv(rec.resolve("paths.csv"));
        assertEquals(11, p.size());
        assertEquals(10.0, p.number("time_tauD", 10), 1e-12);
        for (int k = 0; k < 4; k++) {
            // one numbering: paths.csv's x_xm_trajectory_k is trajectories.csv's trajectory k (it was path k + 1)
            assertEquals(k, (int) t.number("trajectory", k));
            assertEquals(t.number("initial_x_xm", k), p.number("x_xm_trajectory_" + k, 0), 0.0);
            assertEquals(t.number("final_x_xm", k), p.number("x_xm_trajectory_" + k, 10), 0.0);
        }
        // eps(t): half the bits are on the wrong side at t = 0; at tau it is the run's own error rate
        final Table e = Table.readCsv(rec.resolve("error_vs_time.csv"));
        assertEquals(0.5, e.number("error_rate", 0), 0.05);
        assertEquals(summary.number("error_rate", 0), e.number("error_rate", 2), 0.0);
        // a later run without the options deletes nothing of the earlier one: trajectories.csv and paths.csv go,
        // byte for byte, to earlier-<time>/ (so the folder holds one run's results), it says so, and run.json lists
        // the files it wrote itself
        final byte[] trajectories = Files.readAllBytes(rec.resolve("trajectories.csv"));
        final Cli.Result again = Cli.run("simulate", "--trajectories", "3000",
                "--threads", "2", "--out", rec.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(!Files.exists(rec.resolve("trajectories.csv")) && !Files.exists(rec.resolve("paths.csv")));
        final Path aside;
        try (var s = Files.list(rec)) {
            aside = s.filter(f -> f.getFileName().toString().startsWith("earlier-")).findFirst().orElseThrow();
        }
        assertArrayEquals(trajectories, Files.readAllBytes(aside.resolve("trajectories.csv")));
        assertTrue(Files.exists(aside.resolve("paths.csv")) && Files.exists(aside.resolve("error_vs_time.csv")));
        final String said = again.out().replaceAll("\\s+", " ");
        assertTrue(said.contains("replaced an earlier simulate run's") && said.contains("summary.csv"), said);
        assertTrue(said.contains("set aside") && said.contains("trajectories.csv") && said.contains("paths.csv"), said);
        final String record = Files.readString(rec.resolve("run.json"));
        assertTrue(record.contains("\"files_written\"") && !record.matches("(?s).*files_written[^]]*trajectories.*"),
                record);
        // a time outside the run is refused in one line
        final Cli.Result bad = Cli.run("simulate", "--error-times", "50", "--out",
                tmp.resolve("bad").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("error times must lie in"), bad.err());
        assertTrue(!Files.exists(tmp.resolve("bad")));
    }
}
