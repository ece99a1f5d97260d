package org.erasure.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableProtocolTest {

    @TempDir
    Path tmp;

    @Test
    void samplesSitAtEqualTimesBetweenTheBoundaryValues() {
        // 3 rows -> samples at t = tau/4, tau/2, 3tau/4; boundaries at 0 and tau from the configuration
        final List<double[]> rows = List.of(new double[] {1, 10}, new double[] {2, 20}, new double[] {3, 30});
        final TableProtocol lin = TableProtocol.of(8, rows, new double[] {0, 0}, new double[] {4, 40}, true);
        final TableProtocol cst = TableProtocol.of(8, rows, new double[] {0, 0}, new double[] {4, 40}, false);
        assertEquals(0, lin.control0(0), 0);
        assertEquals(2, lin.control0(4), 1e-15);
        assertEquals(25, lin.control1(5), 1e-12);      // halfway between 20 (t=4) and 30 (t=6)
        assertEquals(20, cst.control1(5), 0);          // held at the latest sample
        assertEquals(40, cst.control1(8), 0);
        assertEquals(4, lin.control0(9), 0);           // holds after tau
        assertEquals(5, lin.samples());
    }

    @Test
    void intervalsTimingHoldsEachRowOverItsInterval() {
        // NESTbench25's timing: row i of N over [i tau/N, (i+1) tau/N); the end values from tau on
        final List<double[]> rows = List.of(new double[] {1, -10}, new double[] {2, -20}, new double[] {3, 30},
                new double[] {4, 40});
        final TableProtocol p = TableProtocol.intervals(8, rows, new double[] {0, 0}, new double[] {9, 90});
        assertEquals(1, p.control0(0), 0);
        assertEquals(-10, p.control1(1.999), 0);
        assertEquals(-20, p.control1(2), 0);
        assertEquals(3, p.control0(5.5), 0);
        assertEquals(40, p.control1(7.999999), 0);
        assertEquals(9, p.control0(8), 0);
        assertEquals(90, p.control1(100), 0);
        assertEquals(0, p.control0(-1), 0);
        final double[] a = new double[4];
        final double[] b = new double[4];
        p.fill(2, 2, 4, a, b);                         // t = 2, 4, 6, 8
        assertEquals(List.of(2.0, 3.0, 4.0, 9.0), java.util.Arrays.stream(a).boxed().toList());
    }

    /**
     * Issue 13: a NESTbench25 learned protocol (rows "c0 c1", c1 negative in places, the benchmark's interval
     * timing) runs end to end; before, "well half-distance c1 must be non-negative" refused it.
     */
    @Test
    void nestbenchTablesWithNegativeC1Run() throws IOException {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            final double s = i / 1000.0;
            sb.append(s < 0.5 ? 0 : 3).append(' ').append(5 * Math.cos(2 * Math.PI * s)).append('\n');
        }
        Files.writeString(tmp.resolve("nest.txt"), sb.toString());
        final Path cfg = tmp.resolve("n.yaml");
        Files.writeString(cfg, config("nest.txt").replace("target: left}", "target: left, timing: intervals}"));
        final Cli.Result r = Cli.run("simulate", "--config", cfg.toString(), "--out",
                tmp.resolve("n").toString());
        assertEquals(0, r.code(), r.err());
        // linear interpolation and the intervals timing do not go together: refused in one line
        Files.writeString(cfg, config("nest.txt").replace("target: left}",
                "target: left, timing: intervals, interpolation: linear}"));
        final Cli.Result bad = Cli.run("simulate", "--config", cfg.toString(), "--out",
                tmp.resolve("m").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("must be constant"), bad.err());
    }

    static Stream<Arguments> badTables() {
        return Stream.of(
                Arguments.of("ragged row", "0 5\n1 5 7\n", "expected 2 columns"),
                Arguments.of("not a number", "0 5\nx 5\n", "'x' is not a number"),
                Arguments.of("too few rows", "0 5\n", "at least 2 rows"),
                Arguments.of("not finite", "0 5\n0 Infinity\n", "'Infinity' is not finite"));
    }

    private static String config(String file) {
        return String.join("\n", "name: t", "physical: {resonance_frequency_Hz: 1090, quality_factor: 7}",
                "potential: {type: piecewise-harmonic}",
                "protocol: {type: table, file: " + file + ", tau: 20, start: [0, 5], end: [0, 5], target: left}",
                "dynamics: {model: underdamped, dt: 0.05}", "simulation: {trajectories: 300}", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTables")
    void badTableFilesGiveOneLine(String what, String table, String expected) throws IOException {
        Files.writeString(tmp.resolve("p.txt"), table);
        final Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, config("p.txt"));
        final Cli.Result r = Cli.run("simulate", "--config", cfg.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected) && r.err().contains("protocol.file"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void missingTableFileAndAGoodOne() throws IOException {
        final Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, config("nope.txt"));
        Cli.Result r = Cli.run("simulate", "--config", cfg.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such protocol table file"), r.err());
        // a good table next to the configuration (relative path), 1000 rows of c0 c1
        final StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            final double s = i / 1001.0;
            sb.append(s < 0.5 ? 0 : 10).append(' ').append(s < 0.4 ? 5 * (1 - s / 0.4) : s < 0.5 ? 0 : 5).append('\n');
        }
        Files.writeString(tmp.resolve("nope.txt"), sb.toString());
        r = Cli.run("simulate", "--config", cfg.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("underdamped"), r.out());
    }
}
