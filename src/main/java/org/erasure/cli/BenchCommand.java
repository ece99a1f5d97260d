package org.erasure.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.erasure.bench.AccuracyBench;
import org.erasure.bench.BenchSettings;
import org.erasure.bench.OptimizeBench;
import org.erasure.bench.RareEventBench;
import org.erasure.bench.SweepBench;
import org.erasure.bench.ThroughputBench;
import org.erasure.langevin.Integrator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code erasure bench}: benchmark B1 (SPEC 6) through the full engine (protocol, work, heat,
 * statistics included), on one thread and on all threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput benchmarks through the full engines: B1 (SPEC 6, overdamped), U1 (underdamped "
                + "piecewise-harmonic, BAOAB), the Fokker-Planck solver and its phase-space (Klein-Kramers) solver.",
                "Prints particle-steps per second on 1 thread and on all threads with the scaling ratio, and FP "
                        + "cell-steps per second (the phase-space solver on 1 and 2 threads); --json for machines."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--trajectories", paramLabel = "N", defaultValue = "4096",
            description = "Trajectories per measurement (default ${DEFAULT-VALUE}; B1 has 1e5 steps each).")
    long trajectories;

    @Option(names = "--threads", paramLabel = "T",
            description = "Thread count of the parallel measurement (default: all cores).")
    Integer threads;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "Back-to-back pairs of measurements (1 thread, all threads); the best rates and the "
                    + "median ratio are reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--integrator", paramLabel = "NAME", defaultValue = "euler",
            description = "Integrator: euler (as the B1 peers) or heun (default ${DEFAULT-VALUE}).")
    String integrator;

    @Option(names = "--scaling", paramLabel = "T1,T2,...", split = ",",
            description = "Measure only B1, at each of these thread counts against 1 thread (e.g. 1,2,4,8,16); "
                    + "give enough --trajectories for several blocks of 256 per thread.")
    List<Integer> scaling;

    @Option(names = "--rare-event",
            description = "Time adaptive multilevel splitting instead: eps ~ 2.5e-20 (quartic E_b = 50 kT, four-step "
                    + "tau = 1 tau_D, g_min = 0, F_max = 40 kT, Heun dt = 2.5e-4) to a 10 %% relative standard error, "
                    + "on 1 and all threads, beside the cost of direct sampling to the same precision.")
    boolean rareEvent;

    @Option(names = "--sweep", description = "Time a Fokker-Planck sweep instead: configs/sweep-tau.yaml (engine fp, 7 "
            + "points) on 1 and on all threads, in back-to-back pairs (--repeats), with the median wall-time ratio; the two "
            + "sweep.csv files must be identical.")
    boolean sweep;

    @Option(names = "--optimize", description = "Time the protocol optimiser instead: configs/quick.yaml, four-step "
            + "family, tau = 10 tau_D, eps <= 1e-9, 300 evaluations, no refinement, on 1 and on all threads in back-to-back "
            + "pairs (--repeats), with the median wall-time ratio; the optima must be identical.")
    boolean optimize;

    @Option(names = "--accuracy", description = "Time to a trustworthy answer instead: the wall time to <W> of "
            + "quick.yaml within 1e-3 kT in total (sampling and time step) and to eps of the 60 kT case by the "
            + "Fokker-Planck solver to 1 %% numerical error, every run needed counted (on --threads).")
    boolean accuracy;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (trajectories <= 0 || repeats <= 0) {
            throw new IllegalArgumentException("--trajectories and --repeats must be positive");
        }
        final int all = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (all <= 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + all);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if ((rareEvent ? 1 : 0) + (sweep ? 1 : 0) + (optimize ? 1 : 0) + (scaling != null ? 1 : 0)
                + (accuracy ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--rare-event, --sweep, --optimize, --scaling and --accuracy conflict: "
                    + "give one of them");
        }
        final BenchSettings b = new BenchSettings(trajectories, repeats, integrator, json);
        if (optimize) {
            return OptimizeBench.run(b, all, out);
        }
        if (accuracy) {
            return AccuracyBench.run(b, all, out);
        }
        if (rareEvent) {
            return RareEventBench.run(b, all, out);
        }
        if (sweep) {
            return SweepBench.run(b, all, out);
        }
        if (scaling != null) {
            if (threads != null) {
                throw new IllegalArgumentException("--scaling and --threads conflict: give the thread counts in --scaling");
            }
            for (int t : scaling) {
                if (t <= 0) {
                    throw new IllegalArgumentException("--scaling thread counts must be positive, got " + t);
                }
            }
            return ThroughputBench.scaling(b, scaling, out);
        }
        return ThroughputBench.run(b, all, out);
    }

}
