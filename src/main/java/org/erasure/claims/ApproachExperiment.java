package org.erasure.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.erasure.config.ClaimsSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.model.ErasureProblem;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.InverseTauFit;

/** Experiment 1 of SPEC 5: ⟨W⟩ of the four-step protocol versus τ, and the W∞ + B/τ fit. */
final class ApproachExperiment {

    private ApproachExperiment() {
    }

    static List<Rows.Approach> approach(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                                int threads, List<String> faults) {
        final QuarticDoubleWell w = QuarticDoubleWell.of(s.approachBarrier());
        final List<Future<FokkerPlanckSolution>> fs = new ArrayList<>();
        for (double tau : s.approachTaus()) {
            fs.add(pool.submit(() -> ClaimsEngines.verified(w, KeyframeProtocol.fourStep(tau, s.approachGMin(), s.approachTilt()), s,
                    pool)));
        }
        final List<Rows.Approach> rows = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            final double tau = s.approachTaus().get(i);
            final FokkerPlanckSolution v = ClaimsEngines.get(fs.get(i));
            tick.accept(1);
            ClaimsEngines.addFault(faults, "approach tau=" + tau, ProtocolOptimizer.fault(v.result(), true));
            final Rows.Verified fp = Rows.Verified.of(v);
            Rows.MonteCarloCheck mc = null;
            if (s.mcTaus().contains(tau)) {
                mc = Rows.MonteCarloCheck.of(ClaimsEngines.monteCarlo(ErasureProblem.of(w,
                        KeyframeProtocol.fourStep(tau, s.approachGMin(), s.approachTilt())), s.mcTrajectories(),
                        s.seed() + i, threads), fp);
                tick.accept(1);
            }
            rows.add(new Rows.Approach(tau, fp, mc));
        }
        return rows;
    }

    /** W_inf + B/tau fitted to the durations of at least ClaimsRunner.FIT_TAU_MIN (all when fewer than 3 remain). */
    static Rows.ApproachFit approachFit(List<Rows.Approach> rows) {
        List<Rows.Approach> use = rows.stream().filter(r -> r.tau() >= ClaimsRunner.FIT_TAU_MIN).toList();
        if (use.size() < 3) {
            use = rows;
        }
        final double[] tau = use.stream().mapToDouble(Rows.Approach::tau).toArray();
        final double[] w = use.stream().mapToDouble(r -> r.fp().meanWork()).toArray();
        final Rows.Approach last = rows.get(rows.size() - 1);
        return new Rows.ApproachFit(tau[0], tau.length, InverseTauFit.fit(tau, w, null), last.fp().errorRate(),
                last.fp().landauerBound());
    }
}
