package org.erasure.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import org.erasure.physics.QuarticDoubleWell;

public final class OptimizeBench {

    private OptimizeBench() {
    }

    /**
     * The optimiser benchmark of issue 15: the problem of the README's optimize row (quick.yaml, four-step, τ = 10,
     * ε ≤ 1e-9, 300 evaluations, no refinement) on 1 and on all threads (CMA-ES generations, BOBYQA's first points
     * and the two local searches side by side) in back-to-back pairs; the median ratio all/1 is reported, and the
     * optima (unit point and verified ⟨W⟩) are compared bit for bit.
     */
    public static int run(BenchSettings b, int all, PrintWriter out) throws Exception {
        final BenchHarness h = new BenchHarness(b.repeats());
        final ErasureConfig quick = ConfigLoader.preset("quick.yaml", List.of());
        final org.erasure.physics.QuarticDoubleWell well = (org.erasure.physics.QuarticDoubleWell) quick.potential();
        final org.erasure.optimize.FourStepFamily family = org.erasure.optimize.FourStepFamily.forOptimize(10, 40,
                well.barrierKT(), well.barrierKT());
        final org.erasure.fokkerplanck.FokkerPlanckSettings search = org.erasure.fokkerplanck.FokkerPlanckSettings.SEARCH;
        final org.erasure.optimize.ProtocolOptimizer.Settings settings = new org.erasure.optimize.ProtocolOptimizer
                .Settings(search, search.refined(), 0, 300, quick.seed());
        final BenchHarness.Pairs p = h.paired("optimize", all, (threads, i) -> {
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
                return new BenchHarness.Timed((System.nanoTime() - t0) * 1e-9, u);
            } finally {
                org.erasure.util.Futures.shutdown(helpers);
            }
        });
        final double[] optimum = (double[]) p.result();
        final int d = optimum.length - 4;
        final double work = optimum[d];
        if (b.json()) {
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
            p.print(out, all, b.repeats(), "optimum");
        }
        out.flush();
        return p.identical() ? 0 : 1;
    }
}
