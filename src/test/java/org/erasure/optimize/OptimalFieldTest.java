package org.erasure.optimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.junit.jupiter.api.Test;

/**
 * The full-control optimum realised as a protocol: the Fokker–Planck engine runs the tabulated optimal potential and
 * does the optimum's work, which checks the bound, the construction and the engine at once (issue 26). Deterministic.
 */
class OptimalFieldTest {

    private static final double EPS = 1e-6;

    /**
     * At τ = 0.1, 1 and 10 τ_D (E_b = 8 kT, ε = 1e-6) the engine's ⟨W⟩ on the field of 801 frames meets W_min within
     * the sum of the three numerical errors: the engine's (half the cells and steps), the field's (401 frames) and the
     * optimum's. Measured (4000 cells, 8000 steps): 9.6517 against 9.6444 (errors 7.8e-3, 8.9e-3), 2.33011 against
     * 2.32997 (2.4e-4, 1.1e-4), 0.862806 against 0.862716 (1.2e-4, 2.7e-5). And the realised protocol, which leaks
     * past the density cliff the optimum parks against the barrier (ε reached 7e-3, 5e-5, 1.3e-5: the cliff is
     * smeared over √(dt), and ε falls as √dt, measured from 2000 to 64000 steps at τ = 1), does not beat the optimum
     * at the ε it reached.
     */
    @Test
    void theEngineDoesTheOptimumsWorkOnItsField() {
        for (double tau : new double[] {0.1, 1, 10}) {
            final ErasureProblem problem = ErasureProblem.of(QuarticDoubleWell.of(8),
                    KeyframeProtocol.fourStep(tau, 0.2, 10));
            final FullControlOptimum.Result opt = FullControlOptimum.of(problem, EPS, 2000);
            final FokkerPlanckSettings fp = FokkerPlanckSettings.ofGrid(4000, 8000);
            final FokkerPlanckSolution fine = FokkerPlanckEngine.solve(OptimalField.of(problem, EPS, 2000, 801, 2001), fp);
            final FokkerPlanckSolution coarse = FokkerPlanckEngine.solve(OptimalField.of(problem, EPS, 2000, 401, 2001),
                    fp);
            final double work = fine.result().meanWork();
            final double budget = fine.workError() + Math.abs(work - coarse.result().meanWork()) + opt.workError();
            final String what = "tau " + tau + ": field W " + work + ", W_min " + opt.work() + ", errors " + budget;
            assertTrue(Math.abs(work - opt.work()) <= budget, what);
            final double reached = fine.result().error();
            final FullControlOptimum.Result atReached = FullControlOptimum.of(problem, reached, 2000);
            assertTrue(work >= atReached.work() - budget - atReached.workError(),
                    what + ": below W_min " + atReached.work() + " at the eps it reached, " + reached);
        }
    }
}
