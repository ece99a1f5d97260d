package org.erasure.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.erasure.config.ClaimsSettings;
import org.erasure.fokkerplanck.HoppingSpectrum;
import org.erasure.fokkerplanck.Retention;
import org.erasure.model.TargetWell;
import org.erasure.optimize.FixedBarrierFamily;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;

/** Experiment 5 of SPEC 5: protocol classes (fixed barrier, tilt only, full control) against each other. */
final class ClassesExperiment {

    private ClassesExperiment() {
    }

    /**
     * Experiment 5's optimisations: for each target, the barrier that keeps a bit {@code classHoldTime} at ε/2
     * (so the erasure has the other half of the budget), then at each duration the cheapest barrier-lowering
     * (four-step, E_b fixed at that barrier) and fixed-barrier (g ≡ 1) protocols whose ε after the hold meets the
     * target.
     */
    static List<Future<Rows.ClassPoint>> classes(ClaimsSettings s, ExecutorService pool) {
        final List<Future<Rows.ClassPoint>> out = new ArrayList<>();
        final double hold = s.classHoldTime();
        for (double eps : s.classErrors()) {
            final double eb = Retention.barrierNeeded(QuarticDoubleWell::of, 1, 0, hold, eps / 2,
                    HoppingSpectrum.DEFAULT_CELLS);
            for (double tau : s.classTaus()) {
                for (String cls : List.of(ClaimsRunner.BARRIER_LOWERING, ClaimsRunner.FIXED_BARRIER)) {
                    out.add(pool.submit(() -> {
                        final ProtocolFamily family = cls.equals(ClaimsRunner.FIXED_BARRIER)
                                ? new FixedBarrierFamily(tau, s.maxTilt(), eb) : FourStepFamily.of(tau, s.maxTilt(), eb, eb);
                        final ProtocolOptimizer.Optimum o = ProtocolOptimizer.minimize(family, eps, TargetWell.RIGHT, hold,
                                ClaimsEngines.optimizerSettings(s), null, pool);
                        final KeyframeProtocol p = o.member().protocol();
                        final double[] t = p.times();
                        return new Rows.ClassPoint(cls, tau, eps, eb, hold, o.feasible(), Rows.Verified.of(o.verified()),
                                p.values0()[1], p.values1()[2], Rows.phaseFractions(p),
                                String.join("; ", family.parametersOnBounds(o.unit())), o.fault() == null ? "" : o.fault());
                    }));
                }
            }
        }
        return out;
    }
}
