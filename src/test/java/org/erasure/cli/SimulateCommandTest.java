package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import org.erasure.fixtures.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulate command end to end: outputs, and one clear line for every kind of bad input. */
class SimulateCommandTest {

    @TempDir
    Path tmp;

    static final String GOOD = Problems.GOOD_CONFIG;

    static Cli.Result run(String... args) {
        return Cli.run(args);
    }

    private Path write(String name, String text) throws IOException {
        final Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void writesSummaryAndRecord() throws IOException {
        final Path cfg = write("good.yaml", GOOD);
        final Path out = tmp.resolve("out");
        final Cli.Result r = run("simulate", "--config", cfg.toString(), "--out", out.toString(), "--threads", "2",
                "--set", "protocol.tau=2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kT[ln2 - H(eps)]"), r.out());
        final List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(2, csv.size());
        final List<String> header = List.of(csv.get(0).split(","));
        for (String col : new String[] {"mean_work_kT", "stderr_work_kT", "mean_heat_kT", "error_rate",
                "error_ci_low", "error_ci_high", "trajectories", "landauer_bound_kT", "log_inverse_error_kT",
                "finite_time_bound_kT"}) {
            assertTrue(header.contains(col), "missing column " + col);
        }
        final String[] row = csv.get(1).split(",");
        assertEquals("600", row[header.indexOf("trajectories")]);
        assertEquals(2.0, Double.parseDouble(row[header.indexOf("tau_tauD")]), 0);
        // the finite-time bound (from the FP solution) lies below the sampled work, within 4 s.e.
        assertTrue(Double.parseDouble(row[header.indexOf("finite_time_bound_kT")])
                <= Double.parseDouble(row[header.indexOf("mean_work_kT")])
                + 4 * Double.parseDouble(row[header.indexOf("stderr_work_kT")]));
        final JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(2, json.at("/configuration/protocol/tau").asInt(), "run.json holds the overridden config");
        assertEquals(3, json.at("/run/seed").asInt());
        assertFalse(json.at("/versions/java").asText().isEmpty());
        // the source the result came from: a 40-hex commit in a checkout (CI builds one)
        assertTrue(json.at("/versions/git_commit").asText().matches("[0-9a-f]{40}|unknown.*"),
                json.at("/versions").toString());
        // and as resolved: the step the run reported, defaults filled in (fokker_planck.cells was never given)
        assertEquals(Double.parseDouble(row[header.indexOf("dt_tauD")]),
                json.at("/resolved_configuration/monte_carlo/dt_used_tauD").asDouble(), 0);
        assertEquals(2000, json.at("/resolved_configuration/fokker_planck/cells").asInt());
        assertEquals("heun", json.at("/resolved_configuration/monte_carlo/integrator").asText());
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
        assertTrue(Files.getPosixFilePermissions(out.resolve("summary.csv"))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), "results readable by all");
    }

    @Test
    void embeddedDefaultRunsWithoutArguments() {
        final Path out = tmp.resolve("default");
        final Cli.Result r = run("simulate", "--out", out.toString(), "--trajectories", "256", "--set", "protocol.tau=0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("summary.csv")));
        assertTrue(r.out().contains("simulate quick"), r.out());
    }

    /** Help on every command, without picocli's warnings (an unescaped "%" in a description printed three). */
    @Test
    void helpOnEveryCommand() {
        final java.io.PrintStream stderr = System.err;
        final java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String cmd : new String[] {"claims", "simulate", "fokker-planck", "sweep", "merge", "plot", "optimize",
                    "retention", "bench"}) {
                final Cli.Result r = run(cmd, "--help");
                assertEquals(0, r.code());
                assertTrue(r.out().contains("Usage: erasure " + cmd), r.out());
                assertFalse(r.out().contains("%n") || r.err().contains("WARN"), cmd + ": " + r.out() + r.err());
            }
        } finally {
            System.setErr(stderr);
        }
        assertFalse(warnings.toString(java.nio.charset.StandardCharsets.UTF_8).contains("WARN"), warnings.toString(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("unknown key", GOOD.replace("seed: 3", "seed: 3, seeed: 4"), "unknown key 'simulation.seeed'"),
                Arguments.of("duplicate key", GOOD.replace("barrier_kT: 4", "type: quartic"), "Duplicate field 'type'"),
                Arguments.of("missing barrier", GOOD.replace(", barrier_kT: 4", ""), "missing required key 'potential.barrier_kT'"),
                Arguments.of("negative temperature", GOOD.replace("temperature_K: 300", "temperature_K: -3"), "temperature_K"),
                Arguments.of("zero friction", GOOD + "physical: {viscosity_Pa_s: 0, bead_radius_um: 1, well_half_distance_um: 0.5}\n", "viscosity_Pa_s"),
                Arguments.of("zero tau", GOOD.replace("tau: 1,", "tau: 0,"), "protocol.tau"),
                Arguments.of("negative dt", GOOD.replace("dt: 0.002", "dt: -0.002"), "dynamics.dt"),
                Arguments.of("dt too large for stability", GOOD.replace("dt: 0.002", "dt: 0.2"), "too large for stability"),
                Arguments.of("g outside [0,1]", GOOD.replace("g_min: 0", "g_min: 1.5"), "protocol.g_min"),
                Arguments.of("keyframes not increasing", GOOD.replace("type: four-step, tau: 1, g_min: 0, F_max_kT: 4",
                        "type: keyframes, tau: 1, keyframes: [[0, 1, 0], [0.5, 0, 2], [0.4, 1, 0]]"), "must increase"),
                Arguments.of("keyframe g outside [0,1]", GOOD.replace("type: four-step, tau: 1, g_min: 0, F_max_kT: 4",
                        "type: keyframes, tau: 1, keyframes: [[0, 1, 0], [1, 2, 0]]"), "g must lie in [0, 1]"),
                Arguments.of("trajectories zero", GOOD.replace("trajectories: 600", "trajectories: 0"), "simulation.trajectories"),
                Arguments.of("malformed YAML", "name: t\npotential: {type: quartic, barrier_kT: [4\n", "malformed YAML"),
                Arguments.of("not a number", GOOD.replace("barrier_kT: 4", "barrier_kT: four"), "must be a number"),
                Arguments.of("conflicting time units", GOOD.replace("tau: 1,", "tau: 1, tau_s: 3,"), "not both"),
                Arguments.of("seconds without physical scale", GOOD.replace("tau: 1,", "tau_s: 1,"), "needs a 'physical' section"),
                Arguments.of("empty file", "", "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badConfigurationGivesOneLineAndNoFiles(String what, String yaml, String expected) throws IOException {
        final Path cfg = write("bad.yaml", yaml);
        final Path out = tmp.resolve("out-" + what.replace(' ', '_'));
        final Cli.Result r = run("simulate", "--config", cfg.toString(), "--out", out.toString());
        assertBadInput(r, expected);
        assertFalse(Files.exists(out), "no output folder created");
    }

    @Test
    void badOptionsAndFiles() {
        assertBadInput(run("simulate", "--config", tmp.resolve("nope.yaml").toString()), "no such file");
        assertBadInput(run("simulate", "--config", tmp.toString()), "cannot read file");
        assertBadInput(run("simulate", "--trajectories", "-5", "--out", tmp.resolve("x").toString()), "trajectories");
        assertBadInput(run("simulate", "--threads", "0", "--out", tmp.resolve("x").toString()), "--threads");
        assertBadInput(run("simulate", "--set", "protocol.nonsense=3", "--out", tmp.resolve("x").toString()),
                "unknown key 'protocol.nonsense'");
        assertBadInput(run("simulate", "--bogus"), "Unknown option");
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    /**
     * A splitting run prints its time-step error, the interval with it, and a wall time split into direct sampling
     * and splitting (it used to print the direct sampling's alone as "wall"); summary.csv has the columns.
     */
    @Test
    void splittingPrintsItsTimeStepErrorAndItsOwnWallTime() throws IOException {
        final Cli.Result r = run("simulate", "--trajectories", "1000", "--set", "protocol.tau=2", "--set",
                "rare_event.method=ams", "--set", "rare_event.replicas=20", "--set", "rare_event.repetitions=2",
                "--out", tmp.resolve("ams").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("s splitting"), r.out());
        assertTrue(r.out().contains("in ln eps; splitting gives"), r.out());
        assertTrue(r.out().contains("(sampling) +- "), r.out());
        final List<String> csv = Files.readAllLines(tmp.resolve("ams").resolve("summary.csv"));
        for (String column : new String[] {"log_error_rate_timestep_error", "error_total_ci_low", "error_total_ci_high",
            "mean_work_timestep_error_kT", "within_timestep_tolerance", "ams_wall_time_s"}) {
            assertTrue(csv.get(0).contains(column), column);
        }
    }

    /**
     * Trajectories outside the work histogram's range are named when they are more than 1 % (the cantilever preset put
     * 25 % in its overflow bin without a word), and not below that.
     */
    @Test
    void aHistogramOverflowIsNamed() {
        final org.erasure.stats.Histogram h = new org.erasure.stats.Histogram(0, 10, 10);
        for (int i = 0; i < 99; i++) {
            h.add(5);
        }
        h.add(11);
        final StringWriter quiet = new StringWriter();
        SimulateCommand.histogramNote(new PrintWriter(quiet, true), h, 100);
        assertEquals("", quiet.toString(), "1 of 100 is not more than 1 %");
        h.add(-3);
        final StringWriter said = new StringWriter();
        SimulateCommand.histogramNote(new PrintWriter(said, true), h, 101);
        assertTrue(said.toString().contains("2 of 101 trajectories (1.98 %) have W outside the work histogram's range "
                + "[0.0, 10.0] kT (1 below, 1 above)"), said.toString());
    }

    /**
     * A hold too long to count in steps is refused in one line by every engine, not run shortened: 1e16 tau_D at
     * dt = 1e-3 used to run as 9.22e15 tau_D (Math.round saturating) and print W = 0, eps = 0.47 with exit 0.
     */
    @Test
    void aHoldBeyondWhatCanBeCountedIsRefused() {
        for (String hold : new String[] {"protocol.hold=1e16", "protocol.hold=1e300"}) {
            assertBadInput(run("simulate", "--set", hold, "--set", "dynamics.dt=1e-3", "--out",
                    tmp.resolve("h").toString()), "the hold of");
            assertBadInput(run("simulate", "--set", hold, "--out", tmp.resolve("h").toString()), "the hold of");
            assertBadInput(run("simulate", "--set", hold, "--set", "rare_event.method=ams", "--out",
                    tmp.resolve("h").toString()), "the hold of");
            assertBadInput(run("fokker-planck", "--set", hold, "--out", tmp.resolve("h").toString()), "the hold of");
        }
        assertFalse(Files.exists(tmp.resolve("h")));
    }

    @Test
    void underdampedFromPhysicalMassAndFriction() throws IOException {
        // m = 1e-12 kg, gamma = 1e-8 kg/s, x_m = 1 um at 300 K: tau_D = gamma x_m^2/kT = 2.414 s,
        // reduced mass mu = m kT/(gamma^2 x_m^2) = 4.14e-5.
        final Path cfg = write("ud.yaml", GOOD.replace("{model: overdamped, integrator: heun, dt: 0.002}",
                "{model: underdamped, dt: 1.0e-4}").replace("trajectories: 600", "trajectories: 300")
                + "physical: {mass_kg: 1.0e-12, friction_kg_per_s: 1.0e-8, well_half_distance_um: 1}\n");
        final Cli.Result r = run("simulate", "--config", cfg.toString(), "--out", tmp.resolve("ud").toString(),
                "--set", "protocol.tau=0.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("underdamped (mass 4.14"), r.out());
        final List<String> csv = Files.readAllLines(tmp.resolve("ud").resolve("summary.csv"));
        final List<String> header = List.of(csv.get(0).split(","));
        assertEquals(0.2 * 2.414, Double.parseDouble(csv.get(1).split(",")[header.indexOf("tau_s")]), 1e-3);
        assertBadInput(run("simulate", "--config", cfg.toString(), "--set", "dynamics.mass=2", "--out",
                tmp.resolve("ud2").toString()), "not both");
        assertBadInput(run("simulate", "--config", cfg.toString(), "--set", "dynamics.integrator=euler", "--out",
                tmp.resolve("ud2").toString()), "does not integrate underdamped");
    }

    @Test
    void earlierResultsAreNotOverwrittenByAFailingRun() throws IOException {
        final Path cfg = write("good.yaml", GOOD);
        final Path out = tmp.resolve("keep");
        assertEquals(0, run("simulate", "--config", cfg.toString(), "--out", out.toString()).code());
        final String before = Files.readString(out.resolve("summary.csv"));
        // a run that diverges mid-way (dt under the static stability check but NaN-prone start far out)
        final Cli.Result r = run("simulate", "--config", cfg.toString(), "--out", out.toString(),
                "--set", "initial.position=1e3");
        assertEquals(ErasureApp.EXIT_DIVERGED, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(before, Files.readString(out.resolve("summary.csv")));
    }

    private static void assertBadInput(Cli.Result r, String expected) {
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), "exit code; stderr: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), "message names the problem ('" + expected + "'): " + r.err());
    }
}
