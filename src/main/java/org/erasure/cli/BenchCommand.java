package org.erasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.config.ConfigLoader;
import org.erasure.Erasure;
import org.erasure.config.ErasureConfig;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsTimeStep;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolver;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.LangevinRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code erasure bench}: benchmark B1 (SPEC 6) through the full engine (protocol, work, heat,
 * statistics included), on one thread and on all threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput benchmarks through the full engines: B1 (SPEC 6, overdamped), U1 (underdamped "
                + "piecewise-harmonic, BAOAB) and the Fokker-Planck solver.",
                "Prints particle-steps per second on 1 thread and on all threads with the scaling ratio, and FP "
                        + "cell-steps per second; --json for machines."})
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
        final ErasureConfig config = ConfigLoader.preset("bench-b1.yaml", List.of("dynamics.integrator=" + integrator,
                "simulation.trajectories=" + trajectories));
        // throughput of the engine itself: without the coupled paths at 2dt that every simulate run adds for its
        // time-step error (about a third more time per particle-step; see the README)
        final LangevinRun run = config.monteCarlo().run(config.problem()).withTimeStepError(false);
        final PrintWriter out = spec.commandLine().getOut();
        if ((rareEvent ? 1 : 0) + (sweep ? 1 : 0) + (optimize ? 1 : 0) + (scaling != null ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--rare-event, --sweep, --optimize and --scaling conflict: give one of them");
        }
        if (optimize) {
            return optimizeBench(all, out);
        }
        if (rareEvent) {
            return rareEvent(all, out);
        }
        if (sweep) {
            return sweepBench(all, out);
        }
        if (scaling != null) {
            if (threads != null) {
                throw new IllegalArgumentException("--scaling and --threads conflict: give the thread counts in --scaling");
            }
            return scaling(run, out);
        }
        if (!json) {
            out.printf(Locale.ROOT, "B1: quartic E_b = 8, four-step tau = 10, dt = 1e-4 (%d steps), %s, %d trajectories%n",
                    run.steps(), integrator, trajectories);
            out.flush();
        }
        LangevinMonteCarlo.run(run.withTrajectories(Math.min(trajectories, 1024)), all, null); // JIT warm-up
        final double[] b1 = bestInterleaved("B1", run, all);
        final double single = b1[0];
        final double parallel = b1[1];
        // U1: underdamped piecewise-harmonic well (cantilever preset), BAOAB, 1e5 steps
        final ErasureConfig udc = ConfigLoader.preset("cantilever.yaml", List.of("protocol.tau_s=null", "protocol.tau=2200",
                "simulation.trajectories=" + trajectories, "simulation.work_histogram=null"));
        final LangevinRun ud = udc.monteCarlo().run(udc.problem()).withTimeStepError(false);
        LangevinMonteCarlo.run(ud.withTrajectories(Math.min(trajectories, 512)), all, null);
        final double[] u1 = bestInterleaved("U1", ud, all);
        final double udSingle = u1[0];
        final double udParallel = u1[1];
        // FP: the quick configuration, 2000 cells, 1e4 steps, backward Euler (cell-steps count both densities)
        final ErasureConfig fpc = ConfigLoader.preset("quick.yaml", List.of());
        FokkerPlanckSolver.solve(fpc.potential(), fpc.protocol(), fpc.target(), 2000, 1e-2);
        double fpRate = 0;
        for (int i = 0; i < repeats; i++) {
            status("FP, run " + (i + 1) + " of " + repeats);
            final long t0 = System.nanoTime();
            final FokkerPlanckResult r = FokkerPlanckSolver.solve(fpc.potential(), fpc.protocol(), fpc.target(), 2000,
                    1e-3);
            fpRate = Math.max(fpRate, 2.0 * r.cells() * r.timeSteps() / ((System.nanoTime() - t0) * 1e-9));
        }
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "B1");
        r.put("integrator", integrator);
        r.put("trajectories", trajectories);
        r.put("time_steps", run.steps());
        r.put("particle_steps_per_s_1_thread", single);
        r.put("threads", all);
        r.put("particle_steps_per_s_all_threads", parallel);
        r.put("scaling", b1[2]);
        r.put("scaling_from", "median ratio of " + repeats + " back-to-back pairs (1 thread, all threads)");
        r.put("underdamped_particle_steps_per_s_1_thread", udSingle);
        r.put("underdamped_particle_steps_per_s_all_threads", udParallel);
        r.put("underdamped_scaling", u1[2]);
        r.put("fp_cell_steps_per_s", fpRate);
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "  1 thread : %.3e particle-steps/s%n", single);
            out.printf(Locale.ROOT, "  %d threads: %.3e particle-steps/s  (scaling %.2fx, median of %d back-to-back pairs)%n",
                    all, parallel, b1[2], repeats);
            out.printf(Locale.ROOT, "U1: underdamped piecewise-harmonic (cantilever), BAOAB, %d steps%n", ud.steps());
            out.printf(Locale.ROOT, "  1 thread : %.3e particle-steps/s%n", udSingle);
            out.printf(Locale.ROOT, "  %d threads: %.3e particle-steps/s  (scaling %.2fx)%n", all, udParallel, u1[2]);
            out.printf(Locale.ROOT, "FP: quick.yaml, 2000 cells, 1e4 steps: %.3e cell-steps/s (1 thread)%n", fpRate);
        }
        out.flush();
        return 0;
    }

    /**
     * The rare-event benchmark of issue 12: adaptive multilevel splitting (100 replicas, committor score) on a
     * four-step erasure with ε ≈ 2.5e-20; a pilot of 10 repetitions per bit value sets the repetitions for a 10 %
     * relative standard error, which are then timed on 1 and on all threads (the same bits: the result does not
     * depend on the thread count). Direct sampling to the same precision needs (1 − ε)/(0.01 ε) trajectories,
     * costed at this problem's measured direct throughput.
     */
    private int rareEvent(int all, PrintWriter out) throws Exception {
        final ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(50), KeyframeProtocol.fourStep(1, 0, 40));
        final MonteCarloSettings mc = new MonteCarloSettings(Integrator.HEUN, 2.5e-4, 4096, 1, null);
        if (!json) {
            out.println("AMS: quartic E_b = 50 kT, four-step tau = 1 tau_D, F_max = 40 kT, Heun dt = 2.5e-4, 100 replicas,"
                    + " committor score; target relative standard error 10 %");
            out.flush();
        }
        // the step's own error: the same splitting at 2dt (independent runs; its cost is reported apart)
        final AmsTimeStep.Outcome step = AmsTimeStep.estimate(mc.run(p), new AmsSettings(100, 0.05, 10, 3,
                Score.committor(), AmsSettings.DEFAULT_MAX_ITERATIONS), all, mc.tolerance(), false);
        final AmsResult pilot = Erasure.rareEvent(p, mc, new AmsSettings(100, 0.05, 10, 1, Score.committor(),
                AmsSettings.DEFAULT_MAX_ITERATIONS), all);
        final int reps = (int) Math.max(10, Math.ceil(10 * Math.pow(pilot.relativeError() / 0.1, 2)));
        final AmsSettings s = new AmsSettings(100, 0.05, reps, 2, Score.committor(), AmsSettings.DEFAULT_MAX_ITERATIONS);
        long t0 = System.nanoTime();
        final AmsResult many = Erasure.rareEvent(p, mc, s, all);
        final double wallAll = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        Erasure.rareEvent(p, mc, s, 1);
        final double wallOne = (System.nanoTime() - t0) * 1e-9;
        final Erasure.MonteCarloResult direct = Erasure.simulate(p, mc, all, null);      // warm-up and rate
        t0 = System.nanoTime();
        Erasure.simulate(p, mc, all, null);
        final double rate = (double) direct.tally().trajectories() * direct.run().steps()
                / ((System.nanoTime() - t0) * 1e-9);
        final double eps = many.errorRate();
        final double directSteps = (1 - eps) / (0.01 * eps) * direct.run().steps();
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "AMS");
        r.put("error_rate", eps);
        r.put("error_rate_stderr", many.standardError());
        r.put("relative_error", many.relativeError());
        r.put("repetitions_per_bit", reps);
        r.put("iterations", many.iterations());
        r.put("particle_steps", many.particleSteps());
        r.put("wall_s_1_thread", wallOne);
        r.put("threads", all);
        r.put("wall_s_all_threads", wallAll);
        r.put("direct_particle_steps_same_precision", directSteps);
        r.put("direct_particle_steps_per_s_all_threads", rate);
        r.put("direct_years_same_precision", directSteps / rate / 3.156e7);
        r.put("log_error_rate_timestep_error", step.logError());
        r.put("error_rate_at_2dt", step.second() == null ? Double.NaN : step.second().errorRate());
        r.put("within_timestep_tolerance", step.withinTolerance());
        final long stepCost = step.estimate().particleSteps() + (step.second() == null ? 0 : step.second().particleSteps());
        r.put("timestep_error_particle_steps", stepCost);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "  eps = %.4g +- %.2g (%.1f %% relative) with %d repetitions per bit value, %d "
                            + "iterations, %.3g particle-steps%n", eps, many.standardError(), 100 * many.relativeError(),
                    reps, many.iterations(), (double) many.particleSteps());
            out.printf(Locale.ROOT, "  wall: %.1f s on 1 thread, %.1f s on %d threads%n", wallOne, wallAll, all);
            out.printf(Locale.ROOT, "  time-step error (10 repetitions per bit at dt and at 2dt, %.3g particle-steps): "
                            + "ln eps changes by %.3g (+- %.2g), eps %.4g at dt against %.4g at 2dt - %s%n",
                    (double) stepCost, step.logDifference(), step.logStderr(),
                    step.estimate().errorRate(), step.second() == null ? Double.NaN : step.second().errorRate(),
                    step.withinTolerance() ? "within the tolerance" : "WARNING: beyond the tolerance of "
                            + String.format(Locale.ROOT, "%.3g", mc.tolerance().logErrorRate()));
            out.printf(Locale.ROOT, "  direct sampling to the same precision: %.3g particle-steps, %.3g years at %.3g "
                    + "particle-steps/s on %d threads%n", directSteps, directSteps / rate / 3.156e7, rate, all);
        }
        out.flush();
        return 0;
    }

    /** One timed run of a job: its wall time in seconds and what it produced. */
    private record Timed(double seconds, Object result) {
    }

    /** A job run at a thread count, its run index naming its output (−1: the warm-up). */
    @FunctionalInterface
    private interface Job {
        Timed run(int threads, int index) throws Exception;
    }

    /**
     * A job on 1 and on all threads in back-to-back pairs after one warm-up on all: the best wall times, the median
     * ratio all/1, and whether every pair's results are equal (the result must not depend on the thread count).
     */
    private record Pairs(double best1, double bestAll, double medianRatio, boolean identical, Object result) {

        /** The JSON fields every paired benchmark writes. */
        void put(Map<String, Object> r, int all, String identicalKey) {
            r.put("wall_s_1_thread", best1);
            r.put("threads", all);
            r.put("wall_s_all_threads", bestAll);
            r.put("wall_ratio_median", medianRatio);
            r.put(identicalKey, identical);
        }

        /** The text lines every paired benchmark prints after its title. */
        void print(PrintWriter out, int all, int repeats, String identicalWhat) {
            out.printf(Locale.ROOT, "  1 thread : %.2f s (best of %d)%n", best1, repeats);
            out.printf(Locale.ROOT, "  %d threads: %.2f s (best of %d); wall ratio %.2f (median of %d back-to-back pairs)"
                    + "%n", all, bestAll, repeats, medianRatio, repeats);
            out.printf(Locale.ROOT, "  %s identical on 1 and %d threads: %s%n", identicalWhat, all,
                    identical ? "yes" : "NO");
        }
    }

    private Pairs paired(String name, int all, Job job) throws Exception {
        final double[] one = new double[repeats];
        final double[] many = new double[repeats];
        final double[] ratio = new double[repeats];
        boolean identical = true;
        Object result = null;
        status(name + ", JIT warm-up");
        job.run(all, -1);
        for (int i = 0; i < repeats; i++) {
            status(name + ", pair " + (i + 1) + " of " + repeats + " (1 thread, " + all + " threads)");
            final Timed a = job.run(1, 2 * i);
            final Timed b = job.run(all, 2 * i + 1);
            one[i] = a.seconds();
            many[i] = b.seconds();
            ratio[i] = many[i] / one[i];
            identical &= java.util.Objects.deepEquals(a.result(), b.result());
            result = a.result();
        }
        java.util.Arrays.sort(ratio);
        final double median = repeats % 2 == 1 ? ratio[repeats / 2] : 0.5 * (ratio[repeats / 2 - 1] + ratio[repeats / 2]);
        return new Pairs(java.util.Arrays.stream(one).min().orElseThrow(),
                java.util.Arrays.stream(many).min().orElseThrow(), median, identical, result);
    }

    /**
     * The sweep benchmark of issue 15: configs/sweep-tau.yaml with engine fp (points run side by side on the
     * threads), wall time on 1 and on all threads in back-to-back pairs; the median ratio all/1 is reported, and the
     * two sweep.csv files are compared byte for byte (the result must not depend on the thread count).
     */
    private int sweepBench(int all, PrintWriter out) throws Exception {
        final java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("erasure-bench-sweep");
        try {
            for (String f : new String[] {"sweep-tau.yaml", "quick.yaml"}) {
                try (java.io.InputStream in = BenchCommand.class.getResourceAsStream("/org/erasure/configs/" + f)) {
                    java.nio.file.Files.copy(in, tmp.resolve(f));
                }
            }
            final org.erasure.sweep.SweepSpec spec = org.erasure.sweep.SweepSpec.load(tmp.resolve("sweep-tau.yaml"),
                    "fp", List.of());
            final Pairs p = paired("sweep", all, (threads, i) -> {
                final java.nio.file.Path dir = tmp.resolve("run" + i);
                final long t0 = System.nanoTime();
                org.erasure.sweep.SweepRunner.run(spec, dir, 1, 1, threads, null);
                return new Timed((System.nanoTime() - t0) * 1e-9,
                        java.nio.file.Files.readAllBytes(dir.resolve("sweep.csv")));
            });
            if (json) {
                final Map<String, Object> r = new LinkedHashMap<>();
                r.put("benchmark", "sweep-tau fp");
                r.put("points", spec.points().size());
                p.put(r, all, "identical_csv");
                out.println(new ObjectMapper().writeValueAsString(r));
            } else {
                out.printf(Locale.ROOT, "sweep: configs/sweep-tau.yaml, engine fp, %d points (no figures)%n",
                        spec.points().size());
                p.print(out, all, repeats, "sweep.csv");
            }
            out.flush();
            return p.identical() ? 0 : 1;
        } finally {
            try (var walk = java.nio.file.Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * The optimiser benchmark of issue 15: the problem of the README's optimize row (quick.yaml, four-step, τ = 10,
     * ε ≤ 1e-9, 300 evaluations, no refinement) on 1 and on all threads (CMA-ES generations, BOBYQA's first points
     * and the two local searches side by side) in back-to-back pairs; the median ratio all/1 is reported, and the
     * optima (unit point and verified ⟨W⟩) are compared bit for bit.
     */
    private int optimizeBench(int all, PrintWriter out) throws Exception {
        final ErasureConfig quick = ConfigLoader.preset("quick.yaml", List.of());
        final org.erasure.physics.QuarticDoubleWell well = (org.erasure.physics.QuarticDoubleWell) quick.potential();
        final org.erasure.optimize.FourStepFamily family = org.erasure.optimize.FourStepFamily.forOptimize(10, 40,
                well.barrierKT(), well.barrierKT());
        final org.erasure.fokkerplanck.FokkerPlanckSettings search = org.erasure.fokkerplanck.FokkerPlanckSettings.SEARCH;
        final org.erasure.optimize.ProtocolOptimizer.Settings settings = new org.erasure.optimize.ProtocolOptimizer
                .Settings(search, search.refined(), 0, 300, quick.seed());
        final Pairs p = paired("optimize", all, (threads, i) -> {
            final java.util.concurrent.ExecutorService helpers = org.erasure.util.Futures.helpers("bench-optimize",
                    threads);
            try {
                final long t0 = System.nanoTime();
                final org.erasure.optimize.ProtocolOptimizer.Optimum o = org.erasure.optimize.ProtocolOptimizer
                        .minimize(family, 1e-9, org.erasure.model.TargetWell.RIGHT, 0, settings, null, helpers);
                // the unit point, then <W>, eps and their numerical errors: all must be the same on any thread count
                final int d = o.unit().length;
                final double[] u = java.util.Arrays.copyOf(o.unit(), d + 4);
                u[d] = o.result().meanWork();
                u[d + 1] = o.verified().workError();
                u[d + 2] = o.result().error();
                u[d + 3] = o.verified().errorRateError();
                return new Timed((System.nanoTime() - t0) * 1e-9, u);
            } finally {
                org.erasure.util.Futures.shutdown(helpers);
            }
        });
        final double[] optimum = (double[]) p.result();
        final int d = optimum.length - 4;
        final double work = optimum[d];
        if (json) {
            final Map<String, Object> r = new LinkedHashMap<>();
            r.put("benchmark", "optimize quick tau=10 eps<=1e-9");
            r.put("evaluations", settings.evaluations());
            r.put("mean_work_kT", work);
            r.put("mean_work_numerical_error_kT", optimum[d + 1]);
            r.put("error_rate", optimum[d + 2]);
            r.put("error_rate_numerical_error", optimum[d + 3]);
            p.put(r, all, "identical_optimum");
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "optimize: quick.yaml, four-step, tau = 10, eps <= 1e-9, %d evaluations, no "
                    + "refinement: <W> = %.6f +- %.1g kT, eps = %.4g +- %.1g (numerical)%n", settings.evaluations(), work,
                    optimum[d + 1], optimum[d + 2], optimum[d + 3]);
            p.print(out, all, repeats, "optimum");
        }
        out.flush();
        return p.identical() ? 0 : 1;
    }

    /** B1 at each thread count of --scaling: best rate and the median ratio of back-to-back pairs. */
    private int scaling(LangevinRun run, PrintWriter out) throws Exception {
        for (int t : scaling) {
            if (t <= 0) {
                throw new IllegalArgumentException("--scaling thread counts must be positive, got " + t);
            }
        }
        final int most = scaling.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (!json) {
            out.printf(Locale.ROOT, "B1 scaling: %s, %d trajectories (%d blocks of 256), %d steps, %d cores%n", integrator,
                    run.trajectories(), (run.trajectories() + 255) / 256, run.steps(),
                    Runtime.getRuntime().availableProcessors());
            out.flush();
        }
        LangevinMonteCarlo.run(run.withTrajectories(Math.min(run.trajectories(), 256L * most)), most, null); // JIT warm-up
        final List<Map<String, Object>> points = new java.util.ArrayList<>();
        for (int t : scaling) {
            final double[] b = bestInterleaved("B1 at " + t + " threads", run, t);
            final Map<String, Object> point = new LinkedHashMap<>();
            point.put("threads", t);
            point.put("particle_steps_per_s", b[1]);
            point.put("particle_steps_per_s_1_thread", b[0]);
            point.put("scaling", b[2]);
            points.add(point);
            if (!json) {
                out.printf(Locale.ROOT, "  %3d threads: %.3e particle-steps/s  scaling %.2fx (1 thread %.3e)%n", t, b[1], b[2],
                        b[0]);
                out.flush();
            }
        }
        if (json) {
            final Map<String, Object> r = new LinkedHashMap<>();
            r.put("benchmark", "B1-scaling");
            r.put("integrator", integrator);
            r.put("trajectories", run.trajectories());
            r.put("time_steps", run.steps());
            r.put("scaling_from", "median ratio of " + repeats + " back-to-back pairs (1 thread, T threads)");
            r.put("points", points);
            r.put("cores", Runtime.getRuntime().availableProcessors());
            r.put("java", System.getProperty("java.version"));
            out.println(new ObjectMapper().writeValueAsString(r));
        }
        out.flush();
        return 0;
    }

    /**
     * The best rate on 1 thread and on the given count, and the scaling ratio, measured in back-to-back
     * pairs (1, T, 1, T, ...): the ratio reported is the median of the pairs' ratios, so that a slow
     * period of a shared machine does not fall on one side of it only. (On the 2-core development
     * machine the ratio of the two best rates moved between 1.4x and 2.2x; the pairs' median is
     * steadier but still moved between 1.6x and 2.1x from run to run.)
     */
    private double[] bestInterleaved(String label, LangevinRun run, int threads) {
        double best1 = 0;
        double bestT = 0;
        final double[] ratios = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            status(label + ", pair " + (i + 1) + " of " + repeats + " (1 thread, " + threads + " threads)");
            final double r1 = rate(run, 1);
            final double rT = threads == 1 ? r1 : rate(run, threads);
            best1 = Math.max(best1, r1);
            bestT = Math.max(bestT, rT);
            ratios[i] = rT / r1;
        }
        java.util.Arrays.sort(ratios);
        final double median = repeats % 2 == 1 ? ratios[repeats / 2]
                : 0.5 * (ratios[repeats / 2 - 1] + ratios[repeats / 2]);
        return new double[] {best1, bestT, median};
    }

    /** Progress on stderr, a line per measurement (stdout keeps the results, or the JSON). */
    private final long started = System.nanoTime();

    private void status(String what) {
        System.err.printf(Locale.ROOT, "bench: %s, %.0f s%n", what, (System.nanoTime() - started) * 1e-9);
        System.err.flush();
    }

    private static double rate(LangevinRun run, int threads) {
        final long t0 = System.nanoTime();
        LangevinMonteCarlo.run(run, threads, null);
        final double s = (System.nanoTime() - t0) * 1e-9;
        return (double) run.trajectories() * run.steps() / s;
    }
}
