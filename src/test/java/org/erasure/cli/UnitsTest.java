package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.erasure.config.ConfigLoader;
import org.erasure.io.Table;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.physics.TimeScales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durations in the units a reader knows: intra-well relaxation times and seconds (issue 16, item 4). */
class UnitsTest {

    @TempDir
    Path tmp;

    @Test
    void intraWellTimeOfTheQuarticWellIsOneOverEightEb() {
        // U = E_b (x^4 - 2x^2): U''(1) = 8 E_b, so 1/U'' = 1/(8 E_b); tilted, the well stiffens
        for (double eb : new double[] {4, 20, 60}) {
            assertEquals(1 / (8 * eb), TimeScales.intraWellTime(QuarticDoubleWell.of(eb), 1, 0), 1e-6 / eb);
        }
        assertTrue(TimeScales.intraWellTime(QuarticDoubleWell.of(8), 1, 20) < 1 / 64.0);
    }

    @Test
    void durationsInSecondsNeedAPhysicalTimeScale() throws IOException {
        final PhysicalUnits berut = ConfigLoader.load(Path.of("configs/berut2012.yaml"), java.util.List.of()).units();
        assertEquals(3600 / berut.timeUnitS(), Durations.parse("--hold-time", "3600s", berut), 1e-9 * 3600 / berut.timeUnitS());
        assertEquals(25, Durations.parse("--tau", "25", berut), 0.0);
        final Cli.Result noScale = Cli.run("retention", "--barriers", "8:8:1",
                "--hold-time", "5s", "--out", tmp.resolve("r").toString());
        assertEquals(2, noScale.code(), noScale.err());
        assertTrue(noScale.err().contains("'physical' section"), noScale.err());
        assertTrue(!Files.exists(tmp.resolve("r")));
        final Cli.Result bad = Cli.run("optimize", "--tau", "ten", "--out",
                tmp.resolve("o").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("is not a duration"), bad.err());
        // in seconds with the Berut preset: the barrier to keep a bit one hour, and plain column names (no 1.0E-6)
        final Cli.Result ok = Cli.run("retention", "--config", "configs/berut2012.yaml",
                "--barriers", "10:12:2", "--errors", "1e-6", "--hold-time", "3600s", "--out",
                tmp.resolve("b").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("tau_D = "), ok.out());
        final Table t = Table.readCsv(tmp.resolve("b").resolve("retention.csv"));
        assertTrue(t.has("retention_tauD_at_eps_1e-6") && t.has("retention_s_at_eps_1e-6"), t.columns().toString());
        assertEquals(t.number("retention_tauD_at_eps_1e-6", 0) * berut.timeUnitS(), t.number("retention_s_at_eps_1e-6", 0),
                1e-9 * t.number("retention_s_at_eps_1e-6", 0));
    }
}
