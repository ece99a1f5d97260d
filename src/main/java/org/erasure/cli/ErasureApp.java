package org.erasure.cli;

import java.io.PrintWriter;
import org.erasure.config.ConfigException;
import org.erasure.model.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable, {@code scripts/erasure}: subcommands for each job (SPEC 4.1). */
@Command(name = "erasure", mixinStandardHelpOptions = true, versionProvider = ErasureApp.Version.class,
        description = "Simulates the thermodynamic cost of erasing a bit: a Brownian particle in a tunable "
                + "double well driven by erasure protocols.",
        subcommands = {ClaimsCommand.class, SimulateCommand.class, FokkerPlanckCommand.class, SweepCommand.class, MergeCommand.class,
                PlotCommand.class, OptimizeCommand.class, RetentionCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ErasureApp implements Runnable {

    /** Exit code for bad input: configuration, options, files. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a run that diverged (NaN, dt too large). */
    public static final int EXIT_DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("erasure: error: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB of Java heap): ask for a smaller grid or fewer replicas, or give Java more memory "
                    + "(ERASURE_JAVA_OPTS=-Xmx...)");
            code = 1;
        }
        System.exit(code);
    }

    /**
     * Refuses up front a computation whose arrays would not fit in half the Java heap, in one line naming what
     * and the limit (bad input, exit 2), instead of running out of memory part way.
     *
     * @param what  the setting that sets the size, as the user gave it
     * @param bytes the memory it needs
     */
    static void requireMemory(String what, double bytes) {
        final double limit = Runtime.getRuntime().maxMemory() / 2.0;
        if (bytes > limit) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s needs about %.3g GB, more than "
                    + "half the Java heap (%.3g GB); ask for less, or give Java more memory (ERASURE_JAVA_OPTS=-Xmx...)",
                    what, bytes / 1e9, 2 * limit / 1e9));
        }
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line: one-line errors, documented exit codes. */
    public static CommandLine commandLine() {
        final CommandLine cl = new CommandLine(new ErasureApp());
        WholeIdentifiers.install(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            final PrintWriter err = cmd.getErr();
            if (ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
                err.println("erasure: error: " + ex.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof DivergenceException) {
                err.println("erasure: error: " + ex.getMessage() + " (dynamics.dt)");
                err.flush();
                return EXIT_DIVERGED;
            }
            if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                err.println("erasure: error: cannot write results: " + ex.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (System.getenv("ERASURE_DEBUG") != null) {
                throw ex;
            }
            err.println("erasure: internal error: " + ex + " (rerun with ERASURE_DEBUG=1 for the stack trace, "
                    + "and please report it)");
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            final PrintWriter err = ex.getCommandLine().getErr();
            err.println("erasure: error: " + ex.getMessage() + " (see --help)");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final Package p = ErasureApp.class.getPackage();
            final String v = p == null || p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion();
            return new String[] {"erasure " + v + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
