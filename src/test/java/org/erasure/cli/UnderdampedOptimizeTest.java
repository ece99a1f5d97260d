package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.erasure.fixtures.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: {@code optimize} searches underdamped configurations on the phase-space (Klein–Kramers) solver, and what it
 * writes runs again: {@code fokker-planck} on its optimized.yaml (the velocity cells recorded) gives the verified
 * numbers bit for bit. Deterministic (no sampling): it cannot fail by chance.
 */
class UnderdampedOptimizeTest {

    @TempDir
    Path tmp;

    /** An oscillator of quality factor 2 (reduced mass 4), merge-translate-restore in 10 tau_D. */
    private Path config() throws IOException {
        final Path cfg = tmp.resolve("osc.yaml");
        Files.writeString(cfg, String.join("\n", "name: osc",
                "physical: {resonance_frequency_Hz: 1090, quality_factor: 2}",
                "potential: {type: piecewise-harmonic}",
                "protocol: {type: keyframes, tau: 10, target: left,",
                "  keyframes: [[0, 0, 5], [0.4, 0, 0], [0.45, 10, 0], [0.9, 10, 5], [1, 0, 5]]}",
                "dynamics: {model: underdamped, dt: 0.05}", "simulation: {trajectories: 200}", ""));
        return cfg;
    }

    @Test
    void anUnderdampedSearchIsVerifiedAndReproducedByFokkerPlanck() throws IOException {
        final Path out = tmp.resolve("opt");
        final Cli.Result o = Cli.run("optimize", "--config", config().toString(), "--tau", "10", "--target-error",
                "0.05", "--family", "keyframes", "--keyframes", "1", "--start-from-config", "--evaluations", "12",
                "--cells", "40", "--velocity-cells", "16", "--time-steps", "40", "--out", out.toString());
        assertTrue(o.code() == 0 || o.code() == 1, o.err());
        assertTrue(o.out().contains("phase-space (Klein-Kramers) solver") && o.out().contains("80 x 32 cells (x, v)"),
                o.out());
        final String yaml = Files.readString(out.resolve("optimized.yaml"));
        assertTrue(yaml.contains("velocity_cells: 32") && yaml.contains("model: \"underdamped\"")
                || yaml.contains("velocity_cells: 32") && yaml.contains("model: underdamped"), yaml);
        assertTrue(yaml.contains("dt: 0.05"), "the configured Monte Carlo step is kept: " + yaml);
        final Map<String, String> opt = VerifiedNumbersTest.row(out.resolve("optimize.csv"));
        final Cli.Result f = Cli.run("fokker-planck", "--config", out.resolve("optimized.yaml").toString(), "--out",
                tmp.resolve("fp").toString());
        assertEquals(0, f.code(), f.err());
        final Map<String, String> fp = VerifiedNumbersTest.row(tmp.resolve("fp/summary.csv"));
        for (String k : new String[] {"mean_work_kT", "error_rate", "mean_delta_kinetic_kT"}) {
            assertEquals(Double.parseDouble(opt.get(k)), Double.parseDouble(fp.get(k)), 0.0, k);
        }
        assertTrue(opt.get("full_control_min_work_kT").isEmpty(),
                "the full-control optimum is an overdamped bound, not given here: " + opt.get("full_control_min_work_kT"));
        assertTrue(o.out().contains("the full-control optimum is an overdamped bound"), o.out());
    }

    @Test
    void whatTheSearchCannotDoIsRefusedInOneLine() throws IOException {
        final Cli.Result spline = Cli.run("optimize", "--config", config().toString(), "--tau", "10",
                "--target-error", "1e-3", "--family", "spline", "--out", tmp.resolve("s").toString());
        assertEquals(2, spline.code(), spline.err());
        assertEquals(1, spline.err().strip().lines().count(), spline.err());
        assertTrue(spline.err().contains("underdamped"), spline.err());
        final Cli.Result velocity = Cli.run("optimize", "--tau", "1", "--velocity-cells", "40", "--out",
                tmp.resolve("v").toString());
        assertEquals(2, velocity.code(), velocity.err());
        assertTrue(velocity.err().contains("--velocity-cells is for underdamped"), velocity.err());
        assertFalse(Files.exists(tmp.resolve("s")) || Files.exists(tmp.resolve("v")));
    }
}
