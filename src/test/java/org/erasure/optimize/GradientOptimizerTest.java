package org.erasure.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;
import org.erasure.physics.QuarticDoubleWell;
import org.junit.jupiter.api.Test;

/** The gradient optimiser: its bounded quasi-Newton core on a known problem, and the rich family against the others. */
class GradientOptimizerTest {

    /** A bounded quadratic whose minimum sits on a bound in one variable and inside in the other. */
    @Test
    void projectedLbfgsFindsABoundedMinimum() {
        final double[] u = GradientOptimizer.projectedLbfgs(x -> new double[] {
            (x[0] - 2) * (x[0] - 2) + 10 * (x[1] - 0.3) * (x[1] - 0.3) + x[0] * x[1],
            2 * (x[0] - 2) + x[1], 20 * (x[1] - 0.3) + x[0]}, new double[] {0.1, 0.9}, 200);
        // at x0 = 1 (held by the bound, the gradient pushes beyond it) the inner minimum is x1 = 0.3 − 1/20
        assertEquals(1, u[0], 1e-12);
        assertEquals(0.25, u[1], 1e-7);
    }

    /**
     * At τ = 1, ε ≤ 1e-6 (E_b = 8 kT, a coarse search grid of 300 cells and 800 steps), 30 nodes of each control
     * searched by gradient from two starts of 60 evaluations beat the four-step family's derivative-free optimum at
     * the same budget, meet the target, and stay above the full-control optimum: measured 3.12 against 4.96 kT,
     * W_min = 2.33 kT.
     */
    @Test
    void richFamilyBeatsTheFourStepAndRespectsTheBound() {
        final double tau = 1;
        final double eps = 1e-6;
        final ProtocolOptimizer.Settings s = new ProtocolOptimizer.Settings(300, 800, 120, 3);
        final KeyframeFamily rich = KeyframeFamily.forErasure(QuarticDoubleWell.of(8), tau, 30, new double[] {1, 0},
                new double[] {1, 0}, 40);
        final GradientOptimizer.Result r = GradientOptimizer.minimize(rich, eps, TargetWell.RIGHT, s, 2, 60, null);
        final ProtocolOptimizer.Optimum four = ProtocolOptimizer.minimize(FourStepFamily.forOptimize(tau, 40, 8, 8),
                eps, TargetWell.RIGHT, s);
        final double w = r.optimum().result().meanWork();
        assertTrue(r.optimum().feasible(), "eps " + r.optimum().result().error());
        assertTrue(four.feasible());
        assertTrue(w < four.result().meanWork() - 0.5, "rich " + w + " against four-step " + four.result().meanWork());
        final FullControlOptimum.Result full = FullControlOptimum.of(ErasureProblem.of(r.optimum().member().potential(),
                r.optimum().member().protocol()), r.optimum().result().error(), 1000);
        assertTrue(w >= full.work() - full.workError() - r.optimum().verified().workError(),
                "rich " + w + " below W_min " + full.work());
        assertEquals(2, r.startWork().length);
        assertTrue(Double.isFinite(r.spread()), "spread " + r.spread());
    }

    /**
     * Starts stopped by their budget short of their minima come together when each goes on from its best point
     * (issue 26: the optimum must not depend on the seed). τ = 1, ε ≤ 1e-6, 30 nodes, three starts of 60 evaluations
     * on a coarse grid: the polishing runs, raises no start's ⟨W⟩ (each start keeps its best), and narrows the spread
     * below 1 %: measured 3.121, 3.711, 4.202 kT (spread 35 %) before, 3.042, 3.071, 3.045 kT (0.94 %) after one round.
     * Deterministic (fixed seed).
     */
    @Test
    void polishingNarrowsTheSpreadOfBudgetLimitedStarts() {
        final ProtocolOptimizer.Settings s = new ProtocolOptimizer.Settings(300, 800, 60, 5);
        final KeyframeFamily fam = KeyframeFamily.forErasure(QuarticDoubleWell.of(8), 1, 30, new double[] {1, 0},
                new double[] {1, 0}, 40);
        final GradientOptimizer.Result plain = GradientOptimizer.minimize(fam, 1e-6, TargetWell.RIGHT, s, 3, 60, null);
        final GradientOptimizer.Result polished = GradientOptimizer.minimize(fam, 1e-6, TargetWell.RIGHT, s, 3, 60,
                0.01, 2, null);
        assertEquals(0, plain.polishRounds());
        assertTrue(plain.spread() > 0.01, "the case needs polishing: spread " + plain.spread());
        assertTrue(polished.polishRounds() >= 1, "rounds " + polished.polishRounds());
        for (int k = 0; k < 3; k++) {
            assertTrue(polished.startWork()[k] <= plain.startWork()[k], "start " + k + ": "
                    + polished.startWork()[k] + " against " + plain.startWork()[k]);
        }
        assertTrue(polished.spread() <= 0.01, polished.spread() + " against " + plain.spread());
    }

    /**
     * The piecewise-harmonic well with both controls free (barrier position c₀ and well half-distance c₁, issue 26):
     * the search erases to ε ≤ 1e-4 in τ = 10 and stays above the full-control optimum (measured: 4.60 kT at ε =
     * 8.9e-5 on 400 cells and 800 steps, 20 nodes, one start of 100 evaluations).
     */
    @Test
    void piecewiseHarmonicWellWithBothControls() {
        final ProtocolOptimizer.Settings s = new ProtocolOptimizer.Settings(400, 800, 100, 3);
        final KeyframeFamily fam = KeyframeFamily.forErasure(org.erasure.physics.PiecewiseHarmonicWell.of(), 10, 20,
                new double[] {0, 2.5}, new double[] {0, 2.5}, 40, true);
        final GradientOptimizer.Result r = GradientOptimizer.minimize(fam, 1e-4, TargetWell.RIGHT, s, 1, 100, null);
        assertTrue(r.optimum().feasible(), "eps " + r.optimum().result().error());
        final FullControlOptimum.Result full = FullControlOptimum.of(ErasureProblem.of(r.optimum().member().potential(),
                r.optimum().member().protocol()), r.optimum().result().error(), 1000);
        assertTrue(r.optimum().result().meanWork() >= full.work() - full.workError(),
                r.optimum().result().meanWork() + " below W_min " + full.work());
    }

    /**
     * A fast erasure whose start costs far more work than the penalty of not erasing at μ = 1 (τ = 0.01 τ_D, ε ≤ 1e-6,
     * E_b = 38.8 kT, from claims' four-step optimum, ⟨W⟩ ≈ 260 kT against 0.5 · 13.2² = 87): the first inner solve
     * must not leave for the do-nothing protocol (ε = ½, ⟨W⟩ = 0), where ln ε is flat and no gradient leads back.
     * Measured on 20 nodes, 200 cells and 300 steps, one start of 60 evaluations: 154.2 kT, ε = 8.2e-10 verified;
     * with μ₀ = 1 the search ended at ε = ½ and met nothing. Deterministic (one start, no perturbation).
     */
    @Test
    void costlyStartIsNotTradedForTheDoNothingProtocol() {
        final KeyframeFamily fam = fromFourStep(0.01, 38.81, new double[] {0.2343, 0.5645, 0.9434}, 0, 257.2);
        final ProtocolOptimizer.Settings s = grids(200, 300, 400, 800, 60);
        final GradientOptimizer.Result r = GradientOptimizer.minimize(fam, 1e-6, TargetWell.RIGHT, s, 1, 60, null);
        assertTrue(Double.isFinite(r.startWork()[0]), "the start met nothing: eps " + r.optimum().result().error());
        assertTrue(r.optimum().feasible(), "eps " + r.optimum().result().error());
        assertTrue(r.optimum().result().meanWork() > 13.8, "below kT ln(1/eps) at tau = 0.01: "
                + r.optimum().result().meanWork());
    }

    /**
     * Polishing does not stop while a start that met the aim on the search grid verifies above the target: such a start
     * goes on with its aim lowered by the ratio. τ = 1 τ_D, ε ≤ 2e-22 (E_b = 62.3 kT, from claims' four-step
     * optimum), 20 nodes, a search grid of 200 cells and 200 steps against a verification of 600 and 1600, three starts
     * of 40 evaluations, at most 4 rounds: before, the polishing stopped after 3 rounds on the search grid's spread
     * (0.6 %) with none of the three verified at the target; now it runs all 4 and verifies two. Deterministic.
     */
    @Test
    void polishingGoesOnWhileAStartVerifiesAboveTheTarget() {
        final KeyframeFamily fam = fromFourStep(1, 62.262862913461575,
                new double[] {0.21238164108141497, 0.5892960346342309, 0.9246883771598826}, 0.00888136154037129,
                51.10451972897961);
        final ProtocolOptimizer.Settings s = grids(200, 200, 600, 1600, 40);
        final int rounds = 4;
        final GradientOptimizer.Result r = GradientOptimizer.minimize(fam, 2e-22, TargetWell.RIGHT, s, 3, 40, 0.01,
                rounds, null);
        boolean missed = false;
        for (int k = 0; k < 3; k++) {
            missed |= Double.isFinite(r.startWork()[k]) && !Double.isFinite(r.startVerifiedWork()[k]);
        }
        assertTrue(r.polishRounds() == rounds || !missed, "stopped after " + r.polishRounds()
                + " rounds with a start verified above the target");
        assertTrue(Double.isFinite(r.verifiedSpread()), "fewer than two starts verified at the target");
        assertTrue(r.optimum().feasible(), "eps " + r.optimum().result().error());
    }

    /**
     * The spline family (20 nodes, F ≤ 300 kT) at barrier E_b started from a four-step protocol: g lowered to gMin
     * until phaseEnds[0], F raised to fMax until phaseEnds[1], g restored until phaseEnds[2], F released at the end
     * (fractions of τ).
     */
    private static KeyframeFamily fromFourStep(double tau, double barrier, double[] phaseEnds, double gMin,
                                               double fMax) {
        final org.erasure.protocol.KeyframeProtocol fourStep = org.erasure.protocol.KeyframeProtocol.of(tau,
                new double[] {0, phaseEnds[0], phaseEnds[1], phaseEnds[2], 1}, new double[] {1, gMin, gMin, 1, 1},
                new double[] {0, 0, fMax, fMax, 0});
        return KeyframeFamily.forErasure(QuarticDoubleWell.of(barrier), tau, 20, new double[] {1, 0},
                new double[] {1, 0}, 300).startingFrom(fourStep);
    }

    /** Second-order search and verification grids (cells × steps), one refinement, seed 1. */
    private static ProtocolOptimizer.Settings grids(int cells, int steps, int verifyCells, int verifySteps,
                                                    int evaluations) {
        return new ProtocolOptimizer.Settings(
                new org.erasure.fokkerplanck.FokkerPlanckSettings(cells, steps, 2, new double[0]),
                new org.erasure.fokkerplanck.FokkerPlanckSettings(verifyCells, verifySteps, 2, new double[0]), 1,
                evaluations, 1);
    }
}
