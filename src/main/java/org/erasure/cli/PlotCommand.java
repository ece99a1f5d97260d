package org.erasure.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.erasure.plot.Figures;
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

    /** Every figure the folder's files support, and those of its engine folders mc/ and fp/ (results/&lt;name&gt;/). */
    static List<Path> figures(Path dir) throws java.io.IOException {
        final List<Path> out = new ArrayList<>();
        for (String engine : new String[] {"mc", "fp"}) {
            if (Files.isDirectory(dir.resolve(engine))) {
                out.addAll(figures(dir.resolve(engine)));
            }
        }
        if (Files.exists(dir.resolve("sweep.csv"))) {
            out.addAll(Figures.sweepFigures(dir));
        }
        if (Files.exists(dir.resolve("work_histogram.csv"))) {
            out.addAll(Figures.workHistogram(dir.resolve("work_histogram.csv"), dir.resolve("work_histogram")));
        }
        if (Files.exists(dir.resolve("densities.csv"))) {
            out.addAll(Figures.densities(dir.resolve("densities.csv"), dir.resolve("densities")));
        }
        if (Files.exists(dir.resolve("paths.csv"))) {
            out.addAll(Figures.samplePaths(dir.resolve("paths.csv"), dir.resolve("paths")));
        }
        if (Files.exists(dir.resolve("error_vs_time.csv"))) {
            out.addAll(Figures.errorVersusTime(dir.resolve("error_vs_time.csv"), dir.resolve("error_vs_time")));
        }
        return out;
    }
}
