package org.erasure.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.optimize.ProtocolOptimizer;
import org.junit.jupiter.api.Test;

/** Which optimum a frontier point tabulates: the cheapest at its duration that meets its target. */
class FrontierSelectionTest {

    private static ProtocolOptimizer.Optimum optimum(double work, double eps, double target) {
        final FokkerPlanckResult r = new FokkerPlanckResult(work, work, 0, 0, 0, eps, eps, eps, eps, 0, work, 1, 0, 0,
                10, 10, 0, 0, 0.1, new double[10], new double[10], new double[0], new double[0][]);
        return new ProtocolOptimizer.Optimum(new double[0], null, new FokkerPlanckSolution(r, r,
                FokkerPlanckSettings.SEARCH, FokkerPlanckSolution.Tolerance.DEFAULT), r, eps <= target, 120, null);
    }

    @Test
    void aMissedTargetIsNeverTheBarToBeat() {
        // at tau = 0.01 the search for eps <= 1e-6 found nothing that erases (eps = 0.5 for ~0 kT), the one for
        // 1e-9 found 252.6 kT at 2.1e-10: the 1e-6 point is that protocol, not the failure
        final List<double[]> keys = List.of(new double[] {0.01, 1e-6}, new double[] {0.01, 1e-9},
                new double[] {0.1, 1e-6});
        final List<ProtocolOptimizer.Optimum> found = List.of(optimum(2.2e-4, 0.5, 1e-6), optimum(252.6, 2.1e-10, 1e-9),
                optimum(30, 1e-12, 1e-6));
        assertEquals(1, FrontierExperiment.cheapestMeeting(keys, found, 0));
        assertEquals(1, FrontierExperiment.cheapestMeeting(keys, found, 1));
        assertEquals(2, FrontierExperiment.cheapestMeeting(keys, found, 2), "another duration never counts");
    }

    @Test
    void theCheapestProtocolMeetingTheTargetWins() {
        final List<double[]> keys = List.of(new double[] {1, 1e-6}, new double[] {1, 1e-9}, new double[] {1, 1e-15});
        final List<ProtocolOptimizer.Optimum> found = List.of(optimum(5.57, 1e-19, 1e-6), optimum(5.36, 2e-13, 1e-9),
                optimum(5.40, 1e-16, 1e-15));
        assertEquals(1, FrontierExperiment.cheapestMeeting(keys, found, 0));
        assertEquals(1, FrontierExperiment.cheapestMeeting(keys, found, 1));
        assertEquals(2, FrontierExperiment.cheapestMeeting(keys, found, 2), "2e-13 misses 1e-15");
        // none meets: the point keeps its own (infeasible) optimum
        final List<ProtocolOptimizer.Optimum> none = List.of(optimum(0.1, 0.5, 1e-6), optimum(0.2, 0.4, 1e-9),
                optimum(0.3, 0.3, 1e-15));
        assertEquals(2, FrontierExperiment.cheapestMeeting(keys, none, 2));
    }
}
