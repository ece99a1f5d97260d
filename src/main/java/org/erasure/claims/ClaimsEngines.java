package org.erasure.claims;

import java.util.List;
import java.util.concurrent.Future;
import org.erasure.Erasure;
import org.erasure.config.ClaimsSettings;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.erasure.util.Futures;

/**
 * How the claims experiments run the engines: the search and verification grids of the Fokker–Planck solver, the
 * optimiser's settings, the Monte Carlo step and run; and the futures and faults of the scheduler.
 */
final class ClaimsEngines {

    private ClaimsEngines() {
    }

    /** The search grid of the optimiser (and of root finding): claims' fokker_planck settings. */
    static FokkerPlanckSettings searchGrid(ClaimsSettings s) {
        return new FokkerPlanckSettings(s.cells(), s.timeSteps(), 2, new double[0]);
    }

    /** One solve at the search grid (inside searches and root finding only; never tabulated). */
    static FokkerPlanckResult search(QuarticDoubleWell w, KeyframeProtocol p, ClaimsSettings s) {
        return FokkerPlanckEngine.searchAt(ErasureProblem.of(w, p), searchGrid(s), null);
    }

    /**
     * What is tabulated: the solution at the verification grid ({@link #verifyGrid}, finer than the search grid,
     * refined further while outside the numerical tolerance) with its numerical error.
     */
    static FokkerPlanckSolution verified(QuarticDoubleWell w, KeyframeProtocol p, ClaimsSettings s,
                                         java.util.concurrent.Executor helpers) {
        return ProtocolOptimizer.verify(ErasureProblem.of(w, p), optimizerSettings(s), helpers);
    }

    /**
     * The grid every tabulated value is solved on (claims' fokker_planck.verify_cells and verify_time_steps), before
     * any refinement.
     */
    static FokkerPlanckSettings verifyGrid(ClaimsSettings s) {
        return new FokkerPlanckSettings(s.verifyCells(), s.verifyTimeSteps(), 2, new double[0]);
    }

    /** The optimiser's grids and budget: search at claims' search grid, verify at its verification grid, refined. */
    static ProtocolOptimizer.Settings optimizerSettings(ClaimsSettings s) {
        return new ProtocolOptimizer.Settings(searchGrid(s), verifyGrid(s),
                s.refinements(), s.evaluations(), s.seed());
    }

    /** A stable, accurate Heun step for the quartic well of barrier E_b: κ·dt ≤ 0.1 with κ = 8 E_b. */
    static double mcDt(double barrier) {
        return Math.min(1e-3, 0.1 / (8 * barrier));
    }

    /** The Monte Carlo confirmation of a problem: Heun at {@link #mcDt}, stability-checked on the step run. */
    static ErasureTally monteCarlo(ErasureProblem p, long trajectories, long seed, int threads) {
        final double barrier = ((QuarticDoubleWell) p.potential()).barrierKT();
        return Erasure.simulate(p, new MonteCarloSettings(Integrator.HEUN, mcDt(barrier), trajectories, seed, null),
                threads, null).tally();
    }

    static void addFault(List<String> faults, String where, String fault) {
        if (fault != null) {
            synchronized (faults) {
                faults.add(where + ": " + fault);
            }
        }
    }

    static <T> T get(Future<T> f) {
        return Futures.get(f);
    }
}
