package org.erasure.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.Erasure;
import org.erasure.RunOptions;
import org.erasure.SimulationReport;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.MultilevelWork;
import org.erasure.langevin.TimeStepError;

/**
 * Time to a trustworthy answer (issue 28): the wall time a user waits for a value within a stated total error, not
 * the throughput of an engine. Each measurement adapts as a careful user would, and every run it needed counts.
 * <ul>
 *   <li>⟨W⟩ of quick.yaml within ±1e-3 kT in total, √(s.e.² + time-step error²): from 20 000 trajectories at
 *       {@code dt: auto}'s step, the step is halved while its error alone exceeds 1e-3/√2 kT, else the trajectories
 *       are raised to what the standard error needs (10 % margin), until the total meets the target; and the same
 *       by multilevel Monte Carlo ({@link MultilevelWork}), every level's trajectories counted;</li>
 *   <li>ε of the 60 kT case of the time-step issue (quick.yaml with E_b = 60 kT, F_max = 40 kT, τ = 100 τ_D; ε =
 *       2.894e-25) by the Fokker–Planck solver to 1 % numerical error: the configuration's grid, doubled (cells and
 *       steps) until it is met.</li>
 * </ul>
 * The third figure of the issue, the same ε by splitting to ±10 %, is not measured here: one splitting run of that case
 * at five repetitions per bit took 2.5 min on two cores and gave ln ε to ±0.67 (time step and sampling), so ±10 % needs
 * about 90 times as many repetitions, hours (see the README).
 */
public final class AccuracyBench {

    /** The total error ⟨W⟩ must reach (kT). */
    static final double WORK_TARGET_KT = 1e-3;

    /** The relative numerical error ε must reach. */
    static final double FP_RELATIVE_TARGET = 0.01;

    /** The particle-steps the multilevel estimate may take (about 20 times what it needs on quick.yaml). */
    static final double MAX_MULTILEVEL_STEPS = 2e11;

    /** Runs at most, per measurement. */
    static final int MAX_RUNS = 8;

    private AccuracyBench() {
    }

    /**
     * The next run of the ⟨W⟩ measurement after one with standard error {@code se} and time-step error {@code ts}
     * (kT) at {@code n} trajectories and step {@code dt}: {n, dt} to run next, or null when the total meets the target.
     * The step is halved while its error alone takes more than half the target's square; otherwise the trajectories
     * grow to what the standard error needs, with a 10 % margin.
     */
    static double[] nextWorkRun(long n, double dt, double se, double ts, double target) {
        if (Math.hypot(se, ts) <= target) {
            return null;
        }
        if (!(ts <= target / Math.sqrt(2))) {
            return new double[] {n, dt / 2};
        }
        final double seNeeded = Math.sqrt(target * target - ts * ts);
        return new double[] {Math.ceil(n * 1.1 * (se / seNeeded) * (se / seNeeded)), dt};
    }

    public static int run(BenchSettings b, int threads, PrintWriter out) throws Exception {
        final BenchHarness h = new BenchHarness(1);
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "time to accuracy");
        r.put("threads", threads);
        // <W> of quick.yaml within 1e-3 kT in total
        final List<String> workRuns = new ArrayList<>();
        long n = 20_000;
        double dt = Double.NaN;                       // dt: auto for the first run
        double workWall = 0;
        double work = Double.NaN;
        double total = Double.NaN;
        boolean met = false;
        for (int i = 0; i < MAX_RUNS && !met; i++) {
            final List<String> set = new ArrayList<>(List.of("simulation.trajectories=" + n,
                    "simulation.work_histogram=null"));
            if (!Double.isNaN(dt)) {
                set.add("dynamics.dt=" + dt);
            }
            final ErasureConfig c = ConfigLoader.preset("quick.yaml", set);
            h.status(String.format(Locale.ROOT, "<W> of quick.yaml, run %d: %d trajectories, dt %s", i + 1, n,
                    Double.isNaN(dt) ? "auto" : String.format(Locale.ROOT, "%.3g", dt)));
            final long t0 = System.nanoTime();
            final SimulationReport s = Erasure.simulate(c.run(), RunOptions.threads(threads));
            workWall += (System.nanoTime() - t0) * 1e-9;
            final double se = s.monteCarlo().tally().work().standardError();
            final TimeStepError e = s.monteCarlo().error();
            final double ts = e == null ? Double.NaN : e.work().error();
            work = s.monteCarlo().tally().work().mean();
            total = Math.hypot(se, ts);
            workRuns.add(String.format(Locale.ROOT, "%d trajectories at dt = %.3g: <W> = %.5f +- %.2g (s.e.) +- %.2g "
                    + "(time step) kT, total %.2g", n, s.dtUsed(), work, se, ts, total));
            final double[] next = nextWorkRun(n, s.dtUsed(), se, ts, WORK_TARGET_KT);
            met = next == null;
            if (!met) {
                n = (long) next[0];
                dt = next[1];
            }
        }
        r.put("work_quick_target_kT", WORK_TARGET_KT);
        r.put("work_quick_kT", work);
        r.put("work_quick_total_error_kT", total);
        r.put("work_quick_met", met);
        r.put("work_quick_wall_s", workWall);
        r.put("work_quick_runs", workRuns);
        // the same by multilevel Monte Carlo: the coarse level's trajectories corrected by coupled finer levels
        final ErasureConfig quick = ConfigLoader.preset("quick.yaml", List.of());
        h.status("<W> of quick.yaml by multilevel Monte Carlo");
        final long m0 = System.nanoTime();
        final MultilevelWork.Result ml = MultilevelWork.run(quick.problem(), quick.monteCarlo().integrator(),
                WORK_TARGET_KT, quick.monteCarlo().seed(), MAX_MULTILEVEL_STEPS,
                run -> LangevinMonteCarlo.run(run, threads, null));
        final double mlWall = (System.nanoTime() - m0) * 1e-9;
        final List<String> mlLevels = new ArrayList<>();
        for (MultilevelWork.Level l : ml.levels()) {
            mlLevels.add(String.format(Locale.ROOT, "dt = %.3g: %d trajectories, mean %.6g +- %.2g kT", l.dt(),
                    l.trajectories(), l.mean(), l.standardError()));
        }
        r.put("work_quick_multilevel_kT", ml.work().value());
        r.put("work_quick_multilevel_sampling_error_kT", ml.work().samplingError());
        r.put("work_quick_multilevel_time_step_error_kT", ml.work().timeStepError());
        r.put("work_quick_multilevel_total_error_kT", ml.work().totalError());
        r.put("work_quick_multilevel_met", ml.met());
        r.put("work_quick_multilevel_wall_s", mlWall);
        r.put("work_quick_multilevel_particle_steps", ml.particleSteps());
        r.put("work_quick_multilevel_levels", mlLevels);
        // eps of the 60 kT case by the Fokker-Planck solver to 1 %
        final ErasureConfig c60 = ConfigLoader.preset("quick.yaml", List.of("potential.barrier_kT=60",
                "protocol.F_max_kT=40", "protocol.tau=100"));
        FokkerPlanckSettings grid = c60.fokkerPlanck().withoutSnapshots();
        final List<String> fpRuns = new ArrayList<>();
        double fpWall = 0;
        FokkerPlanckSolution fp = null;
        for (int i = 0; i < MAX_RUNS; i++) {
            h.status("eps of the 60 kT case by FP, grid " + grid);
            final long t0 = System.nanoTime();
            fp = Erasure.solve(c60.problem(), grid);
            fpWall += (System.nanoTime() - t0) * 1e-9;
            fpRuns.add(String.format(Locale.ROOT, "%s: eps = %.5g, relative numerical error %.2g", grid,
                    fp.result().error(), fp.errorRateRelativeError()));
            if (fp.errorRateRelativeError() <= FP_RELATIVE_TARGET) {
                break;
            }
            grid = grid.refined();
        }
        r.put("eps60_fp_target_relative", FP_RELATIVE_TARGET);
        r.put("eps60_fp", fp.result().error());
        r.put("eps60_fp_relative_error", fp.errorRateRelativeError());
        r.put("eps60_fp_met", fp.errorRateRelativeError() <= FP_RELATIVE_TARGET);
        r.put("eps60_fp_wall_s", fpWall);
        r.put("eps60_fp_runs", fpRuns);
        r.put("eps60_splitting", "not measured: estimated at hours on two cores (five repetitions per bit took "
                + "2.5 min and gave ln eps to +- 0.67; +- 10 % needs about 90 times as many; see the README)");
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        if (b.json()) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "time to accuracy on %d thread%s%n", threads, threads == 1 ? "" : "s");
            out.printf(Locale.ROOT, "  <W> of quick.yaml within %.0e kT in total: %s in %.1f s (%d runs): <W> = %.5f "
                    + "+- %.2g kT%n", WORK_TARGET_KT, met ? "met" : "NOT met", workWall, workRuns.size(), work, total);
            workRuns.forEach(x -> out.println("    " + x));
            out.printf(Locale.ROOT, "  the same by multilevel Monte Carlo: %s in %.1f s (%.3g particle-steps): "
                    + "<W> = %.5f +- %.2g (s.e.) +- %.2g (time step) kT%n", ml.met() ? "met" : "NOT met", mlWall,
                    ml.particleSteps(), ml.work().value(), ml.work().samplingError(), ml.work().timeStepError());
            mlLevels.forEach(x -> out.println("    " + x));
            out.printf(Locale.ROOT, "  eps of the 60 kT case by FP to %.0f %%: %s in %.1f s: eps = %.5g (%.2g relative)%n",
                    100 * FP_RELATIVE_TARGET, fp.errorRateRelativeError() <= FP_RELATIVE_TARGET ? "met" : "NOT met",
                    fpWall, fp.result().error(), fp.errorRateRelativeError());
            fpRuns.forEach(x -> out.println("    " + x));
            out.println("  eps of the 60 kT case by splitting to 10 %: not measured here; estimated at hours on two "
                    + "cores (five "
                    + "repetitions per bit took 2.5 min for ln eps +- 0.67; +- 10 % needs about 90 times as many)");
        }
        out.flush();
        return 0;
    }
}
