package org.erasure.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.erasure.plot.RunFigures;
import org.erasure.plot.SweepFigures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code erasure plot}: figures from the result files in a folder. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws figures (PNG and SVG) from the result files in DIR: error versus work and work "
                + "versus tau with the W-inf + B/tau fit (sweep.csv), the work histogram (work_histogram.csv), "
                + "densities before and after (densities.csv), sample paths (paths.csv), eps(t) (error_vs_time.csv)."})
public final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A results folder.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
        final List<Path> written = new ArrayList<>(figures(dir));
        if (written.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no result files to plot (sweep.csv, "
                    + "work_histogram.csv, densities.csv)");
        }
        for (Path f : written) {
            spec.commandLine().getOut().println("wrote " + f);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Every figure the folder's files support, and those of its engine folders mc/ and fp/ (results/&lt;name&gt;/).
     * Every file is checked before any figure is drawn: a file that is not what its name says (wrong columns, counts
     * that are not counts) is refused in one line, and no figure of the folder is rewritten.
     */
    static List<Path> figures(Path dir) throws java.io.IOException {
        requireDrawable(dir);
        return draw(dir);
    }

    /**
     * The columns each file must have to be drawn; a name ending in "_" is a prefix that at least one column has, one
     * starting with "~" a pattern (positions are in x_m, or in sqrt(kT/k) for the piecewise-harmonic well).
     */
    private static final String[][] REQUIRED = {
        {"work_histogram.csv", "work_low_kT", "work_high_kT", "count"},
        {"densities.csv", "~x_(xm|sigma)", "rho_"},
        {"paths.csv", "time_tauD", "~x_(xm|sigma)_trajectory_\\d+"},
        {"error_vs_time.csv", "time_tauD", "error_rate"},
    };

    /** Refuses, before anything is drawn, a file of the folder (or of mc/, fp/) that cannot be what its name says. */
    static void requireDrawable(Path dir) throws java.io.IOException {
        for (String engine : new String[] {"mc", "fp"}) {
            if (Files.isDirectory(dir.resolve(engine))) {
                requireDrawable(dir.resolve(engine));
            }
        }
        for (String[] r : REQUIRED) {
            final Path f = dir.resolve(r[0]);
            if (!Files.exists(f)) {
                continue;
            }
            final org.erasure.io.Table t = org.erasure.io.Table.readCsv(f);
            for (int i = 1; i < r.length; i++) {
                if (column(t, r[i]) == null) {
                    final String c = r[i];
                    throw new IllegalArgumentException(f + ": not a " + r[0].replace(".csv", "").replace('_', ' ')
                            + " file (no column " + (c.startsWith("~") ? said(c.substring(1))
                            : c.endsWith("_") ? c + "..." : c) + "); nothing was drawn");
                }
            }
            if (t.size() == 0) {
                throw new IllegalArgumentException(f + ": no rows; nothing was drawn");
            }
            final String numeric = r[0].equals("work_histogram.csv") ? "count" : column(t, r[1]);
            for (int i = 0; i < t.size(); i++) {
                final double v = t.number(numeric, i);
                if (!Double.isFinite(v) || (numeric.equals("count") && (v < 0 || v != Math.rint(v)))) {
                    throw new IllegalArgumentException(String.format("%s: %s in row %d is %s, not %s; nothing was drawn",
                            f, numeric, i + 1, t.text(numeric, i).isEmpty() ? "empty" : t.text(numeric, i),
                            numeric.equals("count") ? "a count" : "a finite number"));
                }
            }
        }
    }

    /** A position pattern as a reader says it: "x_xm (or x_sigma)", "x_xm_trajectory_... (or x_sigma_...)". */
    private static String said(String pattern) {
        final String xm = pattern.replace("(xm|sigma)", "xm").replace("\\d+", "...");
        return xm + " (or " + xm.replace("x_xm", "x_sigma") + ")";
    }

    /** The first column of t that a REQUIRED entry names (exactly, by prefix or by pattern), or null. */
    private static String column(org.erasure.io.Table t, String required) {
        if (required.startsWith("~")) {
            final String regex = required.substring(1);
            return t.columns().stream().filter(c -> c.matches(regex)).findFirst().orElse(null);
        }
        if (required.endsWith("_")) {
            return t.columns().stream().filter(c -> c.startsWith(required)).findFirst().orElse(null);
        }
        return t.has(required) ? required : null;
    }

    private static List<Path> draw(Path dir) throws java.io.IOException {
        final List<Path> out = new ArrayList<>();
        for (String engine : new String[] {"mc", "fp"}) {
            if (Files.isDirectory(dir.resolve(engine))) {
                out.addAll(draw(dir.resolve(engine)));
            }
        }
        if (Files.exists(dir.resolve("sweep.csv"))) {
            out.addAll(SweepFigures.sweepFigures(dir));
        }
        if (Files.exists(dir.resolve("work_histogram.csv"))) {
            out.addAll(RunFigures.workHistogram(dir.resolve("work_histogram.csv"), dir.resolve("work_histogram")));
        }
        if (Files.exists(dir.resolve("densities.csv"))) {
            out.addAll(RunFigures.densities(dir.resolve("densities.csv"), dir.resolve("densities")));
        }
        if (Files.exists(dir.resolve("paths.csv"))) {
            out.addAll(RunFigures.samplePaths(dir.resolve("paths.csv"), dir.resolve("paths")));
        }
        if (Files.exists(dir.resolve("error_vs_time.csv"))) {
            out.addAll(RunFigures.errorVersusTime(dir.resolve("error_vs_time.csv"), dir.resolve("error_vs_time")));
        }
        return out;
    }
}
