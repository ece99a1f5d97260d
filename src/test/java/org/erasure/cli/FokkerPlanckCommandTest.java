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
                "dynamics.integrator=baoab", "--set", "dynamics.mass=1", "--out", out.toString());
        assertEquals(ErasureApp.EXIT_BAD_INPUT, r3.code(), r3.err());
        assertTrue(r3.err().contains("solves overdamped dynamics"), r3.err());
        assertFalse(Files.exists(out));
    }
}
