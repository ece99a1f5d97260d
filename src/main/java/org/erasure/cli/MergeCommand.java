package org.erasure.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.erasure.plot.SweepFigures;
import org.erasure.sweep.SweepAssembly;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code erasure merge}: combines sweep shards into the full CSV. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combines the folders of sweep shards into one sweep.csv, refusing folders of different "
                + "sweeps, points present twice, and missing points."})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Shard folders.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the merged sweep.")
    Path out;

    @Option(names = "--no-plots", description = "Do not draw figures.")
    boolean noPlots;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepAssembly.merge(dirs, out);
        spec.commandLine().getOut().println("wrote " + out.resolve("sweep.csv"));
        if (!noPlots) {
            for (Path f : SweepFigures.sweepFigures(out)) {
                spec.commandLine().getOut().println("wrote " + f);
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
