package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.erasure.fixtures.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --work-within}: what it writes, what it refuses, and whose folder it will not take. */
class MultilevelCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheEstimateAndItsLevelsAndMeetsTheTarget() throws Exception {
        final Path dir = tmp.resolve("ml");
        final Cli.Result r = Cli.run("simulate", "--set", "protocol.tau=1", "--work-within", "0.03", "--threads", "2",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("within the target"), r.out());
        final List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertTrue(summary.get(0).startsWith("work_kT,work_sampling_error_kT,work_time_step_error_kT,"),
                summary.get(0));
        final String[] cells = summary.get(1).split(",");
        final double total = Double.parseDouble(cells[4]);
        assertTrue(total <= 0.03, "total error " + total);
        assertEquals("true", cells[6]);
        final List<String> levels = Files.readAllLines(dir.resolve("levels.csv"));
        assertTrue(levels.size() >= 4, "a header and at least three levels: " + levels);
        // each level halves the step
        final double dt0 = Double.parseDouble(levels.get(1).split(",")[1]);
        final double dt1 = Double.parseDouble(levels.get(2).split(",")[1]);
        assertEquals(dt0 / 2, dt1, 1e-15 * dt0);
        final String record = Files.readString(dir.resolve("run.json")).replace(" ", "");
        assertTrue(record.contains("\"command\":\"simulate\"") && record.contains("\"kind\":\"--work-within\""),
                record);
    }

    /** A rerun into the same folder says what it replaced, and sets aside a file it does not write. */
    @Test
    void aRerunSaysWhatItReplacesAndLosesNothing() throws Exception {
        final Path dir = tmp.resolve("again");
        final String[] args = {"simulate", "--set", "protocol.tau=1", "--work-within", "0.05", "--out", dir.toString()};
        final Cli.Result first = Cli.run(args);
        assertEquals(0, first.code(), first.err());
        Files.writeString(dir.resolve("notes.txt"), "mine");
        final Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("replaced an earlier simulate --work-within run's levels.csv, run.json, "
                + "summary.csv"), r.out());
        assertTrue(r.out().contains("set aside") && r.out().contains("notes.txt"), r.out());
        try (var s = Files.walk(dir)) {
            assertTrue(s.anyMatch(f -> f.getFileName().toString().equals("notes.txt")), "the file is kept");
        }
    }

    @Test
    void refusesOptionsItCannotHonour() {
        for (String[] extra : new String[][] {{"--trajectories", "100"}, {"--per-trajectory"}, {"--paths", "3"},
                {"--error-times", "1"}}) {
            final String[] args = new String[4 + extra.length];
            args[0] = "simulate";
            args[1] = "--work-within";
            args[2] = "0.1";
            args[3] = "--out=" + tmp.resolve("never");
            System.arraycopy(extra, 0, args, 4, extra.length);
            final Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out());
            assertTrue(r.err().contains("does not go with"), r.err());
            assertFalse(Files.exists(tmp.resolve("never")), "nothing written");
        }
        for (String bad : new String[] {"0", "-1", "NaN", "Infinity"}) {
            final Cli.Result r = Cli.run("simulate", "--work-within", bad, "--out", tmp.resolve("never").toString());
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--work-within must be a positive number"), r.err());
        }
    }

    @Test
    void neitherKindOfRunTakesTheOthersFolder() {
        final Path dir = tmp.resolve("shared");
        assertEquals(0, Cli.run("simulate", "--set", "protocol.tau=1", "--trajectories", "256", "--out",
                dir.toString()).code());
        final Cli.Result r = Cli.run("simulate", "--set", "protocol.tau=1", "--work-within", "0.1", "--out",
                dir.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("holds the results of 'simulate'"), r.err());
        // and the other way round
        final Path ml = tmp.resolve("ml-first");
        assertEquals(0, Cli.run("simulate", "--set", "protocol.tau=1", "--work-within", "0.1", "--out",
                ml.toString()).code());
        final Cli.Result plain = Cli.run("simulate", "--set", "protocol.tau=1", "--trajectories", "256", "--out",
                ml.toString());
        assertEquals(2, plain.code(), plain.out());
        assertTrue(plain.err().contains("holds the results of 'simulate --work-within'"), plain.err());
    }
}
