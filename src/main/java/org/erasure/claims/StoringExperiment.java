package org.erasure.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.erasure.config.ClaimsSettings;
import org.erasure.fokkerplanck.HoppingSpectrum;
import org.erasure.fokkerplanck.Retention;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;

/** Experiment 3 of SPEC 5: the cost of storing a bit for a time against erasing it. */
final class StoringExperiment {

    private StoringExperiment() {
    }

    static List<Rows.Storing> storing(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                              List<String> faults) {
        final double longest = s.holdTimes().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        record Needed(double hold, double eps, Retention.Barrier barrier) {
        }
        final List<Needed> needed = new ArrayList<>();
        final List<Future<ProtocolOptimizer.Optimum>> erasures = new ArrayList<>();
        for (double eps : s.storeErrors()) {
            for (double hold : s.holdTimes()) {
                final Retention.Barrier b = Retention.barrierNeededWithError(QuarticDoubleWell::of, 1, 0, hold, eps,
                        HoppingSpectrum.DEFAULT_CELLS);
                final double eb = b.kT();
                tick.accept(1);
                needed.add(new Needed(hold, eps, b));
                if (hold == longest) {
                    erasures.add(pool.submit(FrontierExperiment.optimise(s, s.storeEraseTau(), eps, eb, eb, pool)));
                }
            }
        }
        final List<Rows.Storing> rows = new ArrayList<>();
        int k = 0;
        for (Needed n : needed) {
            Rows.Erasing erase = null;
            if (n.hold() == longest) {
                final ProtocolOptimizer.Optimum o = ClaimsEngines.get(erasures.get(k++));
                tick.accept(1);
                ClaimsEngines.addFault(faults, "storing eps=" + n.eps(), o.fault());
                erase = new Rows.Erasing(s.storeEraseTau(), Rows.Verified.of(o.verified()), o.feasible());
            }
            rows.add(new Rows.Storing(n.hold(), n.eps(), n.barrier().kT(), n.barrier().numericalErrorKT(), erase));
        }
        return rows;
    }
}
