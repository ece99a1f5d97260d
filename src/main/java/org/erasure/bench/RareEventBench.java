package org.erasure.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.erasure.Erasure;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsTimeStep;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;

public final class RareEventBench {

    private RareEventBench() {
    }

    /**
     * The rare-event benchmark of issue 12: adaptive multilevel splitting (100 replicas, committor score) on a
     * four-step erasure with ε ≈ 2.5e-20; a pilot of 10 repetitions per bit value sets the repetitions for a 10 %
     * relative standard error, which are then timed on 1 and on all threads (the same bits: the result does not
     * depend on the thread count). Direct sampling to the same precision needs (1 − ε)/(0.01 ε) b.trajectories(),
     * costed at this problem's measured direct throughput.
     */
    public static int run(BenchSettings b, int all, PrintWriter out) throws Exception {
        final BenchHarness h = new BenchHarness(b.repeats());
        final ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(50), KeyframeProtocol.fourStep(1, 0, 40));
        final MonteCarloSettings mc = new MonteCarloSettings(Integrator.HEUN, 2.5e-4, 4096, 1, null);
        if (!b.json()) {
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
        if (b.json()) {
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
}
