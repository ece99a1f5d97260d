package org.erasure.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolver;
import org.erasure.fokkerplanck.KramersSolver;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.LangevinRun;

/** B1 (SPEC 6), U1, the Fokker–Planck solver and its phase-space solver: particle-steps and cell-steps per second. */
public final class ThroughputBench {

    private ThroughputBench() {
    }

    /**
     * B1's run: bench-b1.yaml at the integrator and trajectories asked, without the coupled paths at 2dt that every
     * simulate run adds for its time-step error (about a third more time per particle-step; see the README): the
     * throughput of the engine itself.
     */
    static LangevinRun b1Run(BenchSettings b) {
        final ErasureConfig config = ConfigLoader.preset("bench-b1.yaml", List.of("dynamics.integrator=" + b.integrator(),
                "simulation.trajectories=" + b.trajectories()));
        return config.monteCarlo().run(config.problem()).withTimeStepError(false);
    }

    /** B1, U1 and the FP solver on 1 and on all threads (see the command's description). */
    public static int run(BenchSettings b, int all, PrintWriter out) throws Exception {
        final BenchHarness h = new BenchHarness(b.repeats());
        final LangevinRun run = b1Run(b);
        if (!b.json()) {
            out.printf(Locale.ROOT, "B1: quartic E_b = 8, four-step tau = 10, dt = 1e-4 (%d steps), %s, %d trajectories%n",
                    run.steps(), b.integrator(), b.trajectories());
            out.flush();
        }
        LangevinMonteCarlo.run(run.withTrajectories(Math.min(b.trajectories(), 1024)), all, null); // JIT warm-up
        final double[] b1 = h.bestInterleaved("B1", run, all);
        final double single = b1[0];
        final double parallel = b1[1];
        // U1: underdamped piecewise-harmonic well (cantilever preset), BAOAB, 1e5 steps
        final ErasureConfig udc = ConfigLoader.preset("cantilever.yaml", List.of("protocol.tau_s=null", "protocol.tau=2200",
                "dynamics.dt=0.022",
                "simulation.trajectories=" + b.trajectories(), "simulation.work_histogram=null"));
        final LangevinRun ud = udc.monteCarlo().run(udc.problem()).withTimeStepError(false);
        LangevinMonteCarlo.run(ud.withTrajectories(Math.min(b.trajectories(), 512)), all, null);
        final double[] u1 = h.bestInterleaved("U1", ud, all);
        final double udSingle = u1[0];
        final double udParallel = u1[1];
        // FP: the quick configuration, 2000 cells, 1e4 steps, backward Euler (cell-steps count both densities)
        final ErasureConfig fpc = ConfigLoader.preset("quick.yaml", List.of());
        FokkerPlanckSolver.solve(fpc.potential(), fpc.protocol(), fpc.target(), 2000, 1e-2);
        double fpRate = 0;
        for (int i = 0; i < b.repeats(); i++) {
            h.status("FP, run " + (i + 1) + " of " + b.repeats());
            final long t0 = System.nanoTime();
            final FokkerPlanckResult r = FokkerPlanckSolver.solve(fpc.potential(), fpc.protocol(), fpc.target(), 2000,
                    1e-3);
            fpRate = Math.max(fpRate, 2.0 * r.cells() * r.timeSteps() / ((System.nanoTime() - t0) * 1e-9));
        }
        final double[] ps = phaseSpace(b, all, h);
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "B1");
        r.put("integrator", b.integrator());
        r.put("trajectories", b.trajectories());
        r.put("time_steps", run.steps());
        r.put("particle_steps_per_s_1_thread", single);
        r.put("threads", all);
        r.put("particle_steps_per_s_all_threads", parallel);
        r.put("scaling", b1[2]);
        r.put("scaling_from", "median ratio of " + b.repeats() + " back-to-back pairs (1 thread, all threads)");
        r.put("underdamped_particle_steps_per_s_1_thread", udSingle);
        r.put("underdamped_particle_steps_per_s_all_threads", udParallel);
        r.put("underdamped_scaling", u1[2]);
        r.put("fp_cell_steps_per_s", fpRate);
        r.put("phase_space_cell_steps_per_s_1_thread", ps[0]);
        r.put("phase_space_cell_steps_per_s_all_threads", ps[1]);
        r.put("phase_space_transport_cell_substeps_per_s_1_thread", ps[2]);
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        if (b.json()) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "  1 thread : %.3e particle-steps/s%n", single);
            out.printf(Locale.ROOT, "  %d threads: %.3e particle-steps/s  (scaling %.2fx, median of %d back-to-back pairs)%n",
                    all, parallel, b1[2], b.repeats());
            out.printf(Locale.ROOT, "U1: underdamped piecewise-harmonic (cantilever), BAOAB, %d steps%n", ud.steps());
            out.printf(Locale.ROOT, "  1 thread : %.3e particle-steps/s%n", udSingle);
            out.printf(Locale.ROOT, "  %d threads: %.3e particle-steps/s  (scaling %.2fx)%n", all, udParallel, u1[2]);
            out.printf(Locale.ROOT, "FP: quick.yaml, 2000 cells, 1e4 steps: %.3e cell-steps/s (1 thread)%n", fpRate);
            out.printf(Locale.ROOT, "FP phase space (Klein-Kramers): cantilever.yaml, half a period, %d x %d cells, %d "
                    + "steps: %.3e cell-steps/s on 1 thread, %.3e on %d (the two bit values' densities on two "
                    + "threads); %.3e cell-transport-sub-steps/s on 1 thread%n", PS_X, PS_V, PS_STEPS, ps[0], ps[1],
                    Math.min(all, 2), ps[2]);
        }
        out.flush();
        return 0;
    }

    /** The phase-space benchmark's grid: position cells, velocity cells, steps. */
    static final int PS_X = 300;
    static final int PS_V = 160;
    static final int PS_STEPS = 200;

    /**
     * The phase-space (Klein–Kramers) solver on the cantilever preset at half a period, one solve without its error
     * checks: {cell-steps/s on 1 thread, on min(all, 2) threads, transport cell-sub-steps/s on 1 thread}, the best of
     * the repeats. Cell-steps count both bit values' densities at every control step; the transport runs as many
     * sub-steps as keep every cell positive, so its rate is given too.
     */
    static double[] phaseSpace(BenchSettings b, int all, BenchHarness h) {
        final ErasureConfig c = ConfigLoader.preset("cantilever.yaml", List.of("protocol.tau_s=458.7e-6"));
        final org.erasure.model.ErasureProblem p = c.problem();
        final org.erasure.model.TimeGrid time = org.erasure.model.TimeGrid.of(p, p.duration() / PS_STEPS);
        final double cellSteps = 2.0 * PS_X * PS_V * time.totalSteps();
        KramersSolver.solve(p, PS_X / 2, PS_V / 2, time, new double[0], null, null);      // JIT warm-up
        double one = 0;
        double many = 0;
        double sub = 0;
        final java.util.concurrent.ExecutorService helpers = org.erasure.util.Futures.helpers("bench-phase-space",
                Math.min(all, 2));
        try {
            for (int i = 0; i < b.repeats(); i++) {
                h.status("FP phase space, run " + (i + 1) + " of " + b.repeats());
                long t0 = System.nanoTime();
                final FokkerPlanckResult r = KramersSolver.solve(p, PS_X, PS_V, time, new double[0], null, null);
                final double seconds = (System.nanoTime() - t0) * 1e-9;
                one = Math.max(one, cellSteps / seconds);
                sub = Math.max(sub, 2.0 * PS_X * PS_V * r.phaseSpace().transportSteps() / seconds);
                t0 = System.nanoTime();
                KramersSolver.solve(p, PS_X, PS_V, time, new double[0], null, all > 1 ? helpers : null);
                many = Math.max(many, cellSteps / ((System.nanoTime() - t0) * 1e-9));
            }
        } finally {
            org.erasure.util.Futures.shutdown(helpers);
        }
        return new double[] {one, many, sub};
    }

    /** B1 at each of the thread counts: best rate and the median ratio of back-to-back pairs. */
    public static int scaling(BenchSettings b, List<Integer> scaling, PrintWriter out) throws Exception {
        final BenchHarness h = new BenchHarness(b.repeats());
        final LangevinRun run = b1Run(b);
        final int most = scaling.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (!b.json()) {
            out.printf(Locale.ROOT, "B1 scaling: %s, %d trajectories (%d blocks of 256), %d steps, %d cores%n", b.integrator(),
                    run.trajectories(), (run.trajectories() + 255) / 256, run.steps(),
                    Runtime.getRuntime().availableProcessors());
            out.flush();
        }
        LangevinMonteCarlo.run(run.withTrajectories(Math.min(run.trajectories(), 256L * most)), most, null); // JIT warm-up
        final List<Map<String, Object>> points = new java.util.ArrayList<>();
        for (int t : scaling) {
            final double[] best = h.bestInterleaved("B1 at " + t + " threads", run, t);
            final Map<String, Object> point = new LinkedHashMap<>();
            point.put("threads", t);
            point.put("particle_steps_per_s", best[1]);
            point.put("particle_steps_per_s_1_thread", best[0]);
            point.put("scaling", best[2]);
            points.add(point);
            if (!b.json()) {
                out.printf(Locale.ROOT, "  %3d threads: %.3e particle-steps/s  scaling %.2fx (1 thread %.3e)%n", t, best[1], best[2],
                        best[0]);
                out.flush();
            }
        }
        if (b.json()) {
            final Map<String, Object> r = new LinkedHashMap<>();
            r.put("benchmark", "B1-scaling");
            r.put("integrator", b.integrator());
            r.put("trajectories", run.trajectories());
            r.put("time_steps", run.steps());
            r.put("scaling_from", "median ratio of " + b.repeats() + " back-to-back pairs (1 thread, T threads)");
            r.put("points", points);
            r.put("cores", Runtime.getRuntime().availableProcessors());
            r.put("java", System.getProperty("java.version"));
            out.println(new ObjectMapper().writeValueAsString(r));
        }
        out.flush();
        return 0;
    }
}
