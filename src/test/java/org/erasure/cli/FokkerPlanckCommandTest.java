package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import org.erasure.fixtures.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FokkerPlanckCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesSummaryDensitiesAndRecord() throws IOException {
        final Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, Problems.GOOD_CONFIG + "fokker_planck: {cells: 300, dt: 0.005}\n");
        final Path out = tmp.resolve("fp");
        final Cli.Result r = Cli.run("fokker-planck", "--config", cfg.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        final List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        final List<String> header = List.of(csv.get(0).split(","));
        final String[] row = csv.get(1).split(",");
        assertEquals("fp", row[header.indexOf("engine")]);
        final double w = Double.parseDouble(row[header.indexOf("mean_work_kT")]);
        final double bound = Double.parseDouble(row[header.indexOf("finite_time_bound_kT")]);
        assertTrue(w >= bound, "work above the finite-time bound");
        // the full-control optimum at this eps bounds the protocol's own bound (both at 300 cells: errors ~1e-4 kT)
        final double least = Double.parseDouble(row[header.indexOf("full_control_min_work_kT")]);
        final double leastError = Double.parseDouble(row[header.indexOf("full_control_min_work_numerical_error_kT")]);
        final double boundError = Double.parseDouble(row[header.indexOf("finite_time_bound_numerical_error_kT")]);
        assertTrue(least <= bound + boundError + leastError, "W_min " + least + " above the bound " + bound);
        assertTrue(r.out().contains("full control: W_min = "), r.out());
        final List<String> dens = Files.readAllLines(out.resolve("densities.csv"));
        assertEquals("x_xm,rho_at_0.0tau_per_xm,rho_at_0.25tau_per_xm,rho_at_0.5tau_per_xm,rho_at_0.75tau_per_xm,"
                + "rho_at_1.0tau_per_xm,U_at_0.0tau_kT,U_at_0.25tau_kT,U_at_0.5tau_kT,U_at_0.75tau_kT,U_at_1.0tau_kT",
                dens.get(0));
        assertTrue(Files.exists(out.resolve("densities.png")) && Files.exists(out.resolve("potentials.svg")));
        assertEquals(Integer.parseInt(row[header.indexOf("cells")]) + 1, dens.size());
        assertTrue(Files.exists(out.resolve("run.json")));
    }

    @Test
    void badGridGivesOneLine() throws IOException {
        final Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, Problems.GOOD_CONFIG + "fokker_planck: {cells: 5}\n");
        final Path out = tmp.resolve("fp");
        final Cli.Result r = Cli.run("fokker-planck", "--config", cfg.toString(),
                "--out", out.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("fokker_planck.cells"), r.err());
        assertFalse(Files.exists(out));
        final Cli.Result r2 = Cli.run("fokker-planck", "--config", cfg.toString(),
                "--set", "fokker_planck.cells=400", "--set", "fokker_planck.dt=0", "--out", out.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r2.code());
        assertTrue(r2.err().contains("fokker_planck.dt"), r2.err());
        final Cli.Result r3 = Cli.run("fokker-planck", "--config", cfg.toString(),
                "--set", "fokker_planck.cells=400", "--set", "dynamics.model=underdamped", "--set",
                "dynamics.integrator=baoab", "--set", "dynamics.mass=1", "--set", "fokker_planck.time_order=2",
                "--out", out.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r3.code(), r3.err());
        assertEquals(1, r3.err().strip().lines().count(), r3.err());
        assertTrue(r3.err().contains("fokker_planck.time_order") && r3.err().contains("first order"), r3.err());
        assertFalse(Files.exists(out));
    }

    /**
     * An underdamped configuration goes to the phase-space solver: the run completes, says so, reports ⟨ΔK⟩ with its
     * numerical error and the grid's edge probability, and gives no overdamped finite-time bound; optimize searches it
     * on the same solver (UnderdampedOptimizeTest), and its default four-step family, which needs the quartic well,
     * is refused in one line.
     */
    @Test
    void underdampedRunsThroughThePhaseSpaceSolver() throws IOException {
        final Path out = tmp.resolve("ud");
        final Cli.Result r = Cli.run("fokker-planck", "--config", "configs/cantilever.yaml", "--set",
                "fokker_planck.cells=80", "--set", "fokker_planck.velocity_cells=32", "--set",
                "fokker_planck.time_steps=50", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("phase space (Klein-Kramers)") && r.out().contains("<dK>"), r.out());
        final String csv = Files.readString(out.resolve("summary.csv"));
        final String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.contains("mean_delta_kinetic_numerical_error_kT") && header.contains("edge_probability")
                && header.contains("velocity_cells"), header);
        assertFalse(header.contains("finite_time_bound_kT"), header);
        final Cli.Result o = Cli.run("optimize", "--config", "configs/cantilever.yaml", "--tau", "20",
                "--target-error", "1e-3", "--out", tmp.resolve("opt").toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("four-step family needs the quartic potential"), o.err());
    }
}
