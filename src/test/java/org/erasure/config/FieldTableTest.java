package org.erasure.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.physics.TabulatedField;
import org.erasure.protocol.FieldSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field file (protocol.type: field): written, read back exactly, and refused in one line where it is wrong. */
class FieldTableTest {

    @TempDir
    Path tmp;

    private static FieldTable quarticField() {
        final QuarticDoubleWell w = QuarticDoubleWell.of(8);
        final double[][] u = new double[4][41];
        final double[] g = {1, 1, 0.3, 1};
        final double[] f = {0, 0, 5, 0};
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 41; i++) {
                u[k][i] = w.energy(-2 + 0.1 * i, g[k], f[k]);
            }
        }
        return new FieldTable(TabulatedField.of(-2, 0.1, u), new double[] {0, 0, 0.5, 1});
    }

    @Test
    void readsBackWhatItWrites() {
        final FieldTable t = quarticField();
        final FieldTable back = FieldTable.parse("f.csv", t.csv("a comment\nover two lines").lines().toList());
        assertArrayEquals(t.fractions(), back.fractions());
        assertEquals(t.field().frames(), back.field().frames());
        assertEquals(t.field().gridPoints(), back.field().gridPoints());
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 41; i++) {
                assertEquals(t.field().value(k, i), back.field().value(k, i), 0.0, "frame " + k + " point " + i);
            }
        }
        assertEquals(t.field().gridStart(), back.field().gridStart(), 1e-15);
        assertEquals(t.field().gridStep(), back.field().gridStep(), 1e-15);
    }

    @Test
    void refusesInOneLineNamingTheLine() {
        final String good = quarticField().csv("c");
        final List<String> lines = good.lines().toList();
        refused(List.of("frame,t,x,U"), "expected the header");
        refused(List.of(FieldTable.HEADER), "no frames");
        refused(replace(lines, 3, "0,0,-1.9,abc"), "line 4", "'abc' is not a number");
        refused(replace(lines, 3, "0,0.5,-1.9,1"), "line 4", "changes its time");
        refused(replace(lines, 3, "0,0,-1.85,1"), "off the uniform increasing grid");
        refused(replace(lines, 3, "0,0,-1.9"), "line 4", "expected 4 columns");
        refused(replace(lines, 2 + 41, "2,0,-2.0,300"), "frame 2 follows frame 0");
        // frame 1 at t/tau = 0.7, after it frame 2 at 0.5
        final List<String> late = new java.util.ArrayList<>(lines);
        for (int i = 0; i < late.size(); i++) {
            if (late.get(i).startsWith("1,0.0,")) {
                late.set(i, late.get(i).replace("1,0.0,", "1,0.7,"));
            }
        }
        refused(late, "must not decrease");
    }

    private static List<String> replace(List<String> lines, int index, String line) {
        final List<String> out = new java.util.ArrayList<>(lines);
        out.set(index, line);
        return out;
    }

    private static void refused(List<String> lines, String... words) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldTable.parse("f.csv", lines));
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /** A configuration with potential.type and protocol.type field runs the file's frames on its schedule. */
    @Test
    void aConfigurationRunsTheFile() throws Exception {
        Files.writeString(tmp.resolve("f.csv"), quarticField().csv("c"));
        final Path yaml = tmp.resolve("c.yaml");
        Files.writeString(yaml, "name: f\ndynamics:\n  dt: 1e-4\npotential:\n  type: field\n  file: f.csv\nprotocol:\n  type: field\n  tau: 2\n");
        final ErasureProblem p = ConfigLoader.load(yaml, List.of()).run().problem();
        assertTrue(p.potential() instanceof TabulatedField);
        assertTrue(p.protocol() instanceof FieldSchedule);
        assertEquals(2, p.duration());
        assertEquals(2, p.protocol().control0(1), 1e-15, "t = tau/2 is frame 2");
        assertEquals(QuarticDoubleWell.of(8).energy(0.3, 0.3, 5), p.potential().energy(0.3, 2, 0), 1e-3);
        Files.writeString(yaml, "name: f\ndynamics:\n  dt: 1e-4\npotential:\n  barrier_kT: 8\nprotocol:\n  type: field\n  tau: 2\n");
        final RuntimeException e = assertThrows(RuntimeException.class, () -> ConfigLoader.load(yaml, List.of()));
        assertTrue(e.getMessage().contains("potential.type: field"), e.getMessage());
        Files.writeString(yaml, "name: f\ndynamics:\n  dt: 1e-4\npotential:\n  type: field\n  file: none.csv\nprotocol:\n  type: field\n"
                + "  tau: 2\n");
        final RuntimeException missing = assertThrows(RuntimeException.class, () -> ConfigLoader.load(yaml, List.of()));
        assertTrue(missing.getMessage().contains("none.csv"), missing.getMessage());
    }
}
