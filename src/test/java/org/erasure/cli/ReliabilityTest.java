package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import org.erasure.fixtures.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defects of the reliability audit (issue 13): each bad input one line, exit 2, nothing written. */
class ReliabilityTest {

    @TempDir
    Path tmp;

    private void refused(String expected, String... args) {
        final Path out = tmp.resolve("out");
        final String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--out", out.toString())).toArray(String[]::new);
        final Cli.Result r = Cli.run(all);
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
    }

    /** Defect 2: a malformed key was an ArrayIndexOutOfBoundsException (exit 1). */
    @ParameterizedTest
    @ValueSource(strings = {".=5", "protocol..tau=5", ".protocol=1", "protocol.=1", "a b=1"})
    void malformedKeysAreBadInput(String assignment) {
        refused("is not a configuration key", "simulate", "--set", assignment);
    }

    /** Defect 7: an infinite histogram edge wrote 80 NaN bins. */
    @Test
    void infiniteHistogramEdgesAreRefused() {
        refused("finite min_kT < max_kT", "simulate", "--set", "simulation.work_histogram.min_kT=-Infinity");
        refused("finite min_kT < max_kT", "simulate", "--set", "simulation.work_histogram.max_kT=Infinity");
    }

    /** Defect 8: a barrier of 1e300 kT printed NaN rates and exited 0. */
    @Test
    void barriersBeyondTheRangeOfDoublesAreRefused() {
        refused("barriers above 700 kT", "retention", "--barriers", "1e300:1e300:1");
    }

    /** Defect 9: name=.. wrote results into the repository root. */
    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b"})
    void namesThatAreNotFolderNamesAreRefused(String name) throws IOException {
        final Cli.Result r = Cli.run("simulate", "--set", "name=" + name,
                "--trajectories", "10");
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("'name'"), r.err());
    }

    /** Defect 10: plot could not read simulate's own work_histogram.csv (its first bin starts at -inf). */
    @Test
    void plotReadsWhatSimulateAndFokkerPlanckWrite() {
        // each engine in its own folder, as results/<name>/mc and /fp (one folder for both is refused)
        final Path dir = tmp.resolve("both");
        assertEquals(0, Cli.run("simulate", "--trajectories", "512", "--out", dir.resolve("mc").toString())
                .code());
        assertEquals(0, Cli.run("fokker-planck", "--set", "fokker_planck.cells=200", "--set",
                "fokker_planck.time_steps=200", "--out", dir.resolve("fp").toString()).code());
        final Cli.Result p = Cli.run("plot", dir.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.exists(dir.resolve("mc").resolve("work_histogram.png"))
                && Files.exists(dir.resolve("fp").resolve("densities.png")), p.out());
    }

    /** Defect 1: sizes that cannot fit in memory ended in an OutOfMemoryError's stack trace; now refused up front. */
    @Test
    void sizesBeyondTheHeapAreRefusedUpFront() {
        refused("half the Java heap", "fokker-planck", "--set", "fokker_planck.cells=1e7", "--set",
                "fokker_planck.time_steps=2", "--set", "fokker_planck.snapshots=[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, "
                        + "0.8, 0.9, 1, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]");
        refused("half the Java heap", "retention", "--cells", "1000000000");
        refused("cells", "optimize", "--tau", "10", "--cells", "1000000000");
    }

    /** Defects 1 and 2: a sweep of 1e9 points grew to 5.7 GB; a 70000 x 70000 grid overflowed an int. */
    @Test
    void sweepsTooLargeToHoldAreRefused() throws IOException {
        for (String axes : new String[] {"  - {key: protocol.tau, log: [1, 10], points: 1000000000}\n",
                "  - {key: protocol.tau, log: [1, 10], points: 70000}\n"
                        + "  - {key: protocol.F_max_kT, linear: [1, 10], points: 70000}\n"}) {
            final Path f = tmp.resolve("big.yaml");
            Files.writeString(f, "name: big\nengine: fp\naxes:\n" + axes);
            refused("points", "sweep", "--config", f.toString());
        }
    }

    /** Also in issue 13: --out '' wrote into the current folder; an unwritable --out was found after the work. */
    @Test
    void outputFoldersAreCheckedBeforeAnyWork() throws IOException {
        final Cli.Result empty = Cli.run("simulate", "--out", "");
        assertEquals(ErasureApp.EXIT_BAD_INPUT, empty.code(), empty.err());
        assertTrue(empty.err().contains("--out needs a folder name"), empty.err());
        // a folder below a plain file can never be created; a billion trajectories would take minutes to find out
        final Path file = tmp.resolve("plain-file");
        Files.writeString(file, "x");
        final Cli.Result r = Cli.run("simulate", "--trajectories", "1000000000",
                "--out", file.resolve("x").toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("cannot be written"), r.err());
    }

    /** Also in issue 13: --trajectories 1e15 started silently; a run longer than a minute now says how long first. */
    @Test
    void aLongRunSaysHowLongBeforeItStarts() {
        assertEquals("3.17 years", org.erasure.io.MonteCarloText.duration(1e8));
        assertEquals("90 s", org.erasure.io.MonteCarloText.duration(90));
        assertEquals("5 min", org.erasure.io.MonteCarloText.duration(300));
    }

    /**
     * Everyday use (issue 13): simulate then fokker-planck of one configuration keep both results
     * (results/&lt;name&gt;/mc/ and fp/), and plot draws every figure of both from the configuration's folder.
     */
    @Test
    void simulateAndFokkerPlanckKeepBothResults() throws IOException {
        final Path cfg = tmp.resolve("both.yaml");
        final String name = "both-" + ProcessHandle.current().pid();
        Files.writeString(cfg, Problems.GOOD_CONFIG.replace("name: t", "name: " + name)
                .replace("simulation: {trajectories: 600, seed: 3}",
                        "simulation: {trajectories: 600, seed: 3, work_histogram: {min_kT: -4, max_kT: 8, bins: 20}}"));
        final Path folder = Path.of("results", name);
        try {
            assertEquals(0, Cli.run("simulate", "--config", cfg.toString()).code());
            assertEquals(0, Cli.run("fokker-planck", "--config", cfg.toString(), "--set",
                    "fokker_planck.cells=200").code());
            assertTrue(Files.exists(folder.resolve("mc/summary.csv")) && Files.exists(folder.resolve("fp/summary.csv")));
            final Cli.Result p = Cli.run("plot", folder.toString());
            assertEquals(0, p.code(), p.err());
            assertTrue(Files.exists(folder.resolve("fp/densities.png"))
                    && Files.exists(folder.resolve("mc/work_histogram.png")), p.out());
        } finally {
            try (var w = Files.walk(folder)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Figures never write through a planted link (the audit's security defect: figures were staged under fixed names
     * such as D/.tmp-work_histogram.png, and plot followed a link planted there onto ../victim.txt). Links at the old
     * staging names and at the final names point at files outside the folder; after plot both files are unchanged and
     * the figures are plain files.
     */
    @Test
    void figuresNeverWriteThroughALink() throws IOException {
        final Path d = tmp.resolve("plotted");
        assertEquals(0, Cli.run("simulate", "--trajectories", "300", "--set", "dynamics.dt=1e-3",
                "--out", d.toString()).code());
        final Path victim = tmp.resolve("victim.txt");
        final Path other = tmp.resolve("other.txt");
        Files.writeString(victim, "mine");
        Files.writeString(other, "also mine");
        for (String ext : new String[] {".png", ".svg"}) {
            Files.createSymbolicLink(d.resolve(".tmp-work_histogram" + ext), victim);
            Files.createSymbolicLink(d.resolve("work_histogram" + ext), other);
        }
        final Cli.Result r = Cli.run("plot", d.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("mine", Files.readString(victim));
        assertEquals("also mine", Files.readString(other));
        for (String ext : new String[] {".png", ".svg"}) {
            final Path f = d.resolve("work_histogram" + ext);
            assertTrue(Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(f) > 1000, f.toString());
        }
        try (var left = Files.list(d)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith(".figure-")), "no staging left");
        }
    }

    /**
     * Inputs that would hang or fill the memory are refused in one line before they are read (the audit: a FIFO as
     * --config or protocol.file waited for ever, /dev/zero ran out of memory, a 50 MB YAML parsed past 120 s).
     */
    @Test
    void inputsThatAreNotFilesOrTooLargeAreRefused() throws Exception {
        final Path fifo = tmp.resolve("fifo.yaml");
        final Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        refused("not a regular file", "simulate", "--config", fifo.toString());
        refused("not a regular file", "simulate", "--config", "/dev/zero");
        final Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "name: \"" + "x".repeat(2_000_000) + "\"\n");
        refused("more than the", "simulate", "--config", big.toString());
        final Path cfg = tmp.resolve("table.yaml");
        Files.writeString(cfg, Problems.GOOD_CONFIG.replaceAll("protocol: \\{[^}]*\\}",
                "protocol: {type: table, tau: 1, file: fifo.yaml, start: [1, 0], end: [1, 0]}"));
        assertTrue(Files.readString(cfg).contains("type: table"), Files.readString(cfg));
        refused("not a regular file", "simulate", "--config", cfg.toString());
    }

    /** A Fokker-Planck sweep file NAME.yaml on GOOD (200 cells, 200 steps) over one axis, e.g. "{key: ..., values: [...]}". */
    private Path smallFokkerPlanckSweep(String name, String axis) throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), Problems.GOOD_CONFIG);
        final Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, "name: " + name + "\nbase: base.yaml\nengine: fp\naxes:\n  - " + axis + "\n"
                + "  - {key: fokker_planck.cells, values: [200]}\n  - {key: fokker_planck.time_steps, values: [200]}\n");
        return f;
    }

    /**
     * Damaged sweep state is refused in one line naming the file (the audit: an empty, header-only or foreign point file
     * gave an IndexOutOfBoundsException on resume and merge, and a foreign header was merged into sweep.csv with exit
     * 0); points whose columns legitimately differ (a hold shorter than one step has no hold columns) are joined on
     * the union of the columns instead of one point's row standing under another's header.
     */
    @Test
    void damagedSweepStateIsRefusedAndDifferingColumnsAreJoined() throws IOException {
        final Path f = smallFokkerPlanckSweep("sw", "{key: protocol.hold, values: [1e-9, 5]}");
        final Path out = tmp.resolve("sw");
        assertEquals(0, Cli.run("sweep", "--config", f.toString(), "--no-plots", "--out", out.toString())
                .code());
        final org.erasure.io.Table t = org.erasure.io.Table.readCsv(out.resolve("sweep.csv"));
        assertEquals(2, t.size());
        assertTrue(Double.isNaN(t.number("error_rate_at_protocol_end", 0)),
                "a hold shorter than a step: no hold columns, empty, not another point's value");
        assertTrue(t.number("error_rate_at_protocol_end", 1) > 0);
        assertEquals(t.number("hold_tauD", 1), 5, 1e-9);
        final Path p1 = out.resolve("points").resolve("point-000001.csv");
        final String good = Files.readString(p1);
        for (String[] damage : new String[][] {{"", "empty"}, {good.lines().findFirst().orElseThrow() + "\n",
            "a header and no row"}, {"a,b\n1,2\n", "is not point 1"}}) {
            Files.writeString(p1, damage[0]);
            for (String[] cmd : new String[][] {{"sweep", "--config", f.toString(), "--no-plots", "--out", out.toString()},
                {"merge", out.toString(), "--out", tmp.resolve("merged").toString()}}) {
                final Cli.Result r = Cli.run(cmd);
                assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), cmd[0] + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().contains("point-000001.csv") && r.err().contains(damage[1]), r.err());
            }
        }
    }

    /**
     * plot refuses files that are not what their names say, before drawing anything (the audit: CSVs with the wrong
     * columns or a NaN histogram gave figures with exit 0, and a failing plot still rewrote the folder's other
     * figures).
     */
    @Test
    void plotRefusesWrongFilesAndDrawsNothing() throws IOException {
        final Path d = tmp.resolve("p");
        Files.createDirectories(d);
        Files.writeString(d.resolve("work_histogram.csv"), "work_low_kT,work_high_kT,count\n-inf,0,1\n0,1,5\n1,inf,0\n");
        Files.writeString(d.resolve("densities.csv"), "time_tauD,x_xm_trajectory_0\n0,1\n");
        final Cli.Result r = Cli.run("plot", d.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("densities.csv: not a densities file (no column x_xm (or x_sigma))"), r.err());
        assertFalse(Files.exists(d.resolve("work_histogram.png")), "nothing drawn, not even the good file's figure");
        Files.delete(d.resolve("densities.csv"));
        Files.writeString(d.resolve("work_histogram.csv"), "work_low_kT,work_high_kT,count\n-inf,0,1\n0,1,NaN\n");
        final Cli.Result nan = Cli.run("plot", d.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, nan.code(), nan.err());
        assertTrue(nan.err().contains("count in row 2 is NaN, not a count"), nan.err());
        Files.writeString(d.resolve("work_histogram.csv"), "work_low_kT,work_high_kT,count\n-inf,0,1\n0,1,5\n1,inf,0\n");
        assertEquals(0, Cli.run("plot", d.toString()).code());
        assertTrue(Files.exists(d.resolve("work_histogram.png")));
    }

    /**
     * Two sweeps into one folder at once: the second is refused in one line before any work (the audit: it failed
     * late, on a temporary figure, with "cannot write results"); once the first is done, the folder is free.
     */
    @Test
    void aSecondSweepIntoABusyFolderIsRefusedUpFront() throws IOException {
        final Path f = smallFokkerPlanckSweep("busy", "{key: protocol.tau, values: [1]}");
        final Path out = tmp.resolve("busy");
        try (java.io.Closeable first = org.erasure.sweep.SweepRunner.lock(out)) {
            final Cli.Result r = Cli.run("sweep", "--config", f.toString(), "--out",
                    out.toString());
            assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("being written by another sweep"), r.err());
            assertFalse(Files.exists(out.resolve("points")), "no work done");
        }
        assertEquals(0, Cli.run("sweep", "--config", f.toString(), "--no-plots", "--out", out.toString())
                .code());
        assertTrue(Files.exists(out.resolve("sweep.csv")));
    }

    /**
     * run.json reruns its run: given to --config it gives the same numbers byte for byte (it was refused with a
     * misleading error); it writes missing values as null, not the string "NaN"; a claims record is refused in words.
     */
    @Test
    void aRunRecordReproducesItsRun() throws IOException {
        final Path a = tmp.resolve("a");
        assertEquals(0, Cli.run("simulate", "--trajectories", "300", "--set", "dynamics.dt=1e-3",
                "--set", "protocol.tau=2", "--out", a.toString()).code());
        final String record = Files.readString(a.resolve("run.json"));
        assertFalse(record.contains("NaN"), "no NaN in JSON");
        final Path b = tmp.resolve("b");
        final Cli.Result r = Cli.run("simulate", "--config", a.resolve("run.json")
                .toString(), "--out", b.toString());
        assertEquals(0, r.code(), r.err());
        final org.erasure.io.Table ta = org.erasure.io.Table.readCsv(a.resolve("summary.csv"));
        final org.erasure.io.Table tb = org.erasure.io.Table.readCsv(b.resolve("summary.csv"));
        for (String c : new String[] {"mean_work_kT", "mean_heat_kT", "errors", "tau_tauD", "dt_tauD", "trajectories",
            "mean_work_timestep_error_kT"}) {
            assertEquals(ta.number(c, 0), tb.number(c, 0), 0.0, c);
        }
        final Path claimsRecord = tmp.resolve("claims-run.json");
        Files.writeString(claimsRecord, "{\"command\": \"scripts/erasure claims\", \"versions\": {}, \"settings\": {}}\n");
        refused("holds no erasure configuration", "simulate", "--config", claimsRecord.toString());
    }

    /**
     * A sweep over protocol.tau_s (seconds) gets the work-versus-tau figure and fit in seconds, and the fit goes into
     * a CSV (it drew neither, and W_inf and B were only ever in a PNG legend): Berut et al.'s bead, four durations.
     */
    @Test
    void aSweepInSecondsGetsItsFigureAndFitInSeconds() throws IOException {
        final Path f = tmp.resolve("sws.yaml");
        Files.writeString(f, "name: sws\nbase: " + Path.of("configs/berut2012.yaml").toAbsolutePath() + "\nengine: fp\n"
                + "axes:\n  - {key: protocol.tau_s, log: [5, 100], points: 4}\n  - {key: fokker_planck.cells, values: "
                + "[400]}\n  - {key: fokker_planck.time_steps, values: [1000]}\n");
        final Path out = tmp.resolve("sws");
        final Cli.Result r = Cli.run("sweep", "--config", f.toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("work_vs_tau.png")), r.out());
        final org.erasure.io.Table fit = org.erasure.io.Table.readCsv(out.resolve("work_vs_tau_fit.csv"));
        assertEquals(1, fit.size());
        assertEquals(100, fit.number("tau_max_s", 0), 1e-9);
        assertTrue(fit.number("b_kT_s", 0) > 0 && fit.number("b_stderr_kT_s", 0) > 0, "B in kT s with its error");
        // the slow end approaches kT ln 2 (the fit's W_inf; Berut et al. measured the same approach)
        assertEquals(Math.log(2), fit.number("w_inf_kT", 0), 0.05);
    }

    /**
     * With a physical time scale, paths.csv and error_vs_time.csv give the time in seconds too, and their figures are
     * drawn in seconds (--error-times 5s wrote only time_tauD, and the plots said t (tau_D)).
     */
    @Test
    void recordedTimesAreAlsoInSecondsWithAPhysicalSection() throws IOException {
        final Path d = tmp.resolve("bead");
        final Cli.Result r = Cli.run("simulate", "--config", Path.of(
                "configs/berut2012.yaml").toAbsolutePath().toString(), "--trajectories", "500", "--set", "dynamics.dt=2e-3",
                "--paths", "2", "--path-points", "5", "--error-times", "0s,5s", "--out", d.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"paths.csv", "error_vs_time.csv"}) {
            final org.erasure.io.Table t = org.erasure.io.Table.readCsv(d.resolve(f));
            for (int i = 0; i < t.size(); i++) {
                // tau_D = 6 pi eta r x_m^2 / kT = 2.03 s for the bead of berut2012.yaml
                assertEquals(t.number("time_tauD", i) * 2.0335, t.number("time_s", i), 2e-3 * (1 + t.number("time_s", i)),
                        f);
            }
        }
        assertEquals(0, Cli.run("plot", d.toString()).code());
        assertTrue(Files.exists(d.resolve("error_vs_time.png")));
    }

    /**
     * Values that are not what the option means are refused in one line (they ran with exit 0: a target error of 2 or
     * Infinity, an empty list of errors), and the file system's root as --out (a NullPointerException in fokker-planck).
     */
    @Test
    void meaninglessValuesAndTheRootFolderAreRefused() {
        refused("probability in (0, 1]", "optimize", "--tau", "10", "--target-error", "2");
        refused("probability in (0, 1]", "optimize", "--tau", "10", "--target-error", "Infinity");
        refused("at least one error probability", "retention", "--errors", ",,");
        for (String cmd : new String[] {"fokker-planck", "simulate"}) {
            final Cli.Result r = Cli.run(cmd, "--out", "/");
            assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), cmd + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("root"), r.err());
        }
    }

    /**
     * One --out folder, one command's results: simulate then fokker-planck (or claims) into the same folder used to
     * replace simulate's run.json and summary.csv; now the second command is refused in one line before any work and
     * the first one's files stay byte for byte, in both orders. The same command may rerun into its folder.
     */
    @Test
    void anotherCommandsResultsAreNotReplaced() throws IOException {
        final Path d = tmp.resolve("D");
        assertEquals(0, Cli.run("simulate", "--trajectories", "300", "--set", "dynamics.dt=1e-3",
                "--out", d.toString()).code());
        final byte[] summary = Files.readAllBytes(d.resolve("summary.csv"));
        final byte[] record = Files.readAllBytes(d.resolve("run.json"));
        for (String[] other : new String[][] {{"fokker-planck"}, {"claims", "--quick"}}) {
            final String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(other),
                    java.util.stream.Stream.of("--out", d.toString())).toArray(String[]::new);
            final Cli.Result r = Cli.run(args);
            assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("holds the results of 'simulate'"), r.err());
        }
        assertArrayEquals(summary, Files.readAllBytes(d.resolve("summary.csv")));
        assertArrayEquals(record, Files.readAllBytes(d.resolve("run.json")));
        assertEquals(0, Cli.run("simulate", "--trajectories", "300", "--set", "dynamics.dt=1e-3",
                "--out", d.toString()).code(), "a rerun of the same command");
        final Path e = tmp.resolve("E");
        assertEquals(0, Cli.run("fokker-planck", "--set", "fokker_planck.cells=200", "--set",
                "fokker_planck.time_steps=500", "--out", e.toString()).code());
        final Cli.Result r = Cli.run("simulate", "--out", e.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("holds the results of 'fokker-planck'"), r.err());
    }

    /**
     * Common options mean the same everywhere they mean something (issue 13): fokker-planck refuses --trajectories
     * and --seed (it samples nothing) instead of ignoring them; claims takes --seed; sweep takes --trajectories.
     */
    @Test
    void commonOptionsAreAcceptedWhereTheyMeanSomethingAndRefusedElsewhere() throws IOException {
        refused("do not apply", "fokker-planck", "--trajectories", "5", "--seed", "3");
        // and its help does not offer them
        final String fpHelp = Cli.run("fokker-planck", "--help").out();
        assertFalse(fpHelp.contains("--trajectories") || fpHelp.contains("--seed"), fpHelp);
        final String simulateHelp = Cli.run("simulate", "--help").out();
        assertTrue(simulateHelp.contains("--trajectories"), simulateHelp);
        // the default output folder as it is (CommonOptions.outDir): results/<name>/mc, not results/<name>/
        assertTrue(simulateHelp.replaceAll("\\s+", " ").contains("results/<name>/mc for simulate"), simulateHelp);
        assertEquals(5, org.erasure.config.ClaimsConfig.load(true, null, 5L).seed());
        assertTrue(Cli.run("claims", "--help").out().contains("--seed"));
        Files.writeString(tmp.resolve("base.yaml"), Problems.GOOD_CONFIG);
        final Path f = tmp.resolve("sw.yaml");
        Files.writeString(f, "name: sw\nbase: base.yaml\nengine: mc\naxes:\n  - {key: protocol.tau, values: [1, 2]}\n");
        final Path out = tmp.resolve("sw");
        final Cli.Result r = Cli.run("sweep", "--config", f.toString(),
                "--trajectories", "300", "--no-plots", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        final org.erasure.io.Table t = org.erasure.io.Table.readCsv(out.resolve("sweep.csv"));
        assertEquals(300, t.number("trajectories", 0), 0);
        assertEquals(300, t.number("trajectories", 1), 0);
    }

    /** Also in issue 13: a stale work_histogram.csv stayed beside new results; plot drew a ragged sweep.csv. */
    @Test
    void noStaleHistogramAndNoRaggedPlots() throws IOException {
        final Path dir = tmp.resolve("h");
        assertEquals(0, Cli.run("simulate", "--trajectories", "300", "--out", dir.toString()).code());
        assertTrue(Files.exists(dir.resolve("work_histogram.csv")));
        assertEquals(0, Cli.run("simulate", "--trajectories", "300", "--set",
                "simulation.work_histogram=null", "--out", dir.toString()).code());
        assertFalse(Files.exists(dir.resolve("work_histogram.csv")), "the earlier run's histogram is not beside it");
        try (var s = Files.list(dir)) {
            assertTrue(s.anyMatch(f -> Files.exists(f.resolve("work_histogram.csv"))), "but kept in earlier-<time>/");
        }
        final Path sweep = tmp.resolve("ragged");
        Files.createDirectories(sweep);
        Files.writeString(sweep.resolve("sweep.csv"), "point,protocol.tau,mean_work_kT,error_rate\n0,1,2,0.1\n1,2,3\n");
        final Cli.Result r = Cli.run("plot", sweep.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("line 3: 3 values for 4 columns"), r.err());
    }

    /** The smallest grid the configuration accepts (40 cells) solves, its error check on 20 cells, and warns. */
    @Test
    void theCoarsestAcceptedGridSolvesAndWarns() {
        final Cli.Result r = Cli.run("fokker-planck", "--set", "fokker_planck.cells=41",
                "--set", "fokker_planck.time_steps=200", "--out", tmp.resolve("c").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("second solve at 20 cells") && r.out().contains("WARNING"), r.out());
    }

    /** Also in issue 13: YAML's .nan and .inf were called "malformed YAML"; they are named as non-finite numbers. */
    @Test
    void nonFiniteNumbersAreNamedAsSuch() throws IOException {
        refused("'.nan' is not a finite number", "simulate", "--set", "protocol.tau=.nan");
        refused("'-.inf' is not a finite number", "simulate", "--set", "protocol.tau=-.inf");
        final Path f = tmp.resolve("n.yaml");
        Files.writeString(f, "potential: {type: quartic, barrier_kT: .nan}\nprotocol: {type: four-step, tau: 10, "
                + "F_max_kT: 8}\ndynamics: {dt: 1e-3}\n");
        refused("'.nan' is not a finite number", "simulate", "--config", f.toString());
    }

    /**
     * Defect 5: a failure while drawing the figures (a full disk) came after summary.csv and run.json had been
     * replaced, in two lines. Figures are now drawn beside the results in a staging folder and placed first: a
     * figure that cannot be placed (here a non-empty folder stands where densities.png goes) leaves the earlier
     * results as they were, in one line, and no staging folder behind.
     */
    @Test
    void aFigureThatCannotBeWrittenLeavesTheEarlierResults() throws IOException {
        final Path dir = tmp.resolve("fig");
        Files.createDirectories(dir.resolve("densities.png"));
        Files.writeString(dir.resolve("densities.png").resolve("x"), "in the way");
        Files.writeString(dir.resolve("summary.csv"), "OLD\n");
        final Cli.Result r = Cli.run("fokker-planck", "--set", "fokker_planck.cells=100",
                "--set", "fokker_planck.time_steps=100", "--out", dir.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("OLD\n", Files.readString(dir.resolve("summary.csv")), "the earlier results stay");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".fig.")), "no staging folder left");
        }
    }
}
