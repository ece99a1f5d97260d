package org.erasure.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.erasure.io.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure is also written as its data and as a matplotlib script that draws it again. */
class FigureExportTest {

    @TempDir
    Path tmp;

    /** A figure over 25 decades (its y drawn as log10, labelled as powers) and one on a linear axis. */
    private List<Path> figures() throws Exception {
        final double[] w = {0.7, 1.0, 2.0, 5.0};
        final double[] eps = {1e-2, 1e-9, 1e-17, 1e-25};
        final List<Path> a = ChartKit.lines("Frontier \"quoted\"", "<W> (kT)", "eps", true, true, List.of(
                new ChartKit.Series("minimal <W>, tau = 10", w, eps, true, false),
                new ChartKit.Series("bound", w, new double[] {1e-3, 1e-10, 1e-18, 1e-26}, false, true)),
                tmp.resolve("frontier"));
        final List<Path> b = ChartKit.lines("Work", "tau (tau_D)", "<W> (kT)", false, false, List.of(
                new ChartKit.Series("four-step", new double[] {1, 2, 3}, new double[] {3.5, 2.1, 1.6}, true, false)),
                tmp.resolve("work"));
        return List.of(a.get(2), a.get(3), b.get(2), b.get(3));
    }

    @Test
    void theDataHoldTheValuesDrawnNotTheirLogarithms() throws Exception {
        final List<Path> files = figures();
        assertEquals(tmp.resolve("frontier_plot.csv"), files.get(0));
        final Table t = Table.readCsv(files.get(0));
        assertEquals(List.of("series", "x", "y"), t.columns());
        assertEquals(8, t.size(), "two series of four points, the tick helper left out");
        for (int i = 0; i < 4; i++) {
            assertEquals("minimal <W>, tau = 10", t.text("series", i));
            assertEquals(new double[] {1e-2, 1e-9, 1e-17, 1e-25}[i], t.number("y", i),
                    1e-12 * new double[] {1e-2, 1e-9, 1e-17, 1e-25}[i]);
        }
        final String py = Files.readString(files.get(1));
        assertTrue(py.contains("ax.set_yscale(\"log\")") && py.contains("ax.set_xscale(\"log\")"), py);
        assertTrue(py.contains("\"Frontier \\\"quoted\\\"\""), "titles are Python string literals: " + py);
        assertTrue(py.contains("linestyle=\"--\""), "the dashed series stays dashed");
        final Table lin = Table.readCsv(files.get(2));
        assertEquals(2.1, lin.number("y", 1), 0);
        assertTrue(!Files.readString(files.get(3)).contains("set_yscale"), "a linear axis stays linear");
    }

    /**
     * Where python3 with matplotlib is installed, each script runs and draws its PNG (skipped where it is not: the
     * product never needs Python).
     */
    @Test
    void theScriptsDrawTheFiguresWhereMatplotlibIsInstalled() throws Exception {
        final List<Path> files = figures();
        Assumptions.assumeTrue(hasMatplotlib(), "python3 with matplotlib is not installed here");
        for (Path script : List.of(files.get(1), files.get(3))) {
            final Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
            assertEquals(0, p.exitValue(), out);
        }
        assertTrue(Files.size(tmp.resolve("frontier_matplotlib.png")) > 10_000);
        assertTrue(Files.size(tmp.resolve("work_matplotlib.png")) > 10_000);
    }

    private static boolean hasMatplotlib() {
        try {
            final Process p = new ProcessBuilder("python3", "-c", "import matplotlib").redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
