package org.erasure.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolver;
import org.erasure.model.TargetWell;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.HarmonicTrap;
import org.erasure.protocol.KeyframeProtocol;
import org.junit.jupiter.api.Test;

class ProtocolOptimizerTest {

    @Test
    void findsTheSchmiedlSeifertOptimumOfTheHarmonicTrap() {
        // Move a trap of stiffness k = 4 by 2 x_m in tau = 1: W* = dl^2/(tau + 2/k) = 4/1.5 = 2.667 kT
        // (Schmiedl & Seifert 2007); the optimal protocol jumps at both ends, so the family has
        // keyframes close to 0 and 1 and two in between.
        final double k = 4;
        final double dl = 2;
        final double tau = 1;
        final double exact = dl * dl / (tau + 2 / k);
        final KeyframeFamily family = new KeyframeFamily(HarmonicTrap.of(), tau, new double[] {0.004, 0.35, 0.65, 0.996},
                new double[] {0, k}, new double[] {dl, k}, new double[] {-1, k}, new double[] {3, k});
        final ProtocolOptimizer.Optimum opt = ProtocolOptimizer.minimize(family, 1, TargetWell.RIGHT,
                new ProtocolOptimizer.Settings(400, 1000, 300, 3));
        final double linear = FokkerPlanckSolver.solveSecondOrder(HarmonicTrap.of(), KeyframeProtocol.of(tau,
                new double[] {0, 1}, new double[] {0, dl}, new double[] {k, k}), TargetWell.RIGHT, 400, 1e-3).meanWork();
        assertTrue(linear > 1.1 * exact, "the linear protocol is clearly worse: " + linear);
        assertEquals(exact, opt.result().meanWork(), 0.02 * exact,
                "optimum " + opt.result().meanWork() + " vs W* " + exact + "; " + family.describe(opt.unit()));
        assertTrue(opt.result().meanWork() >= opt.result().finiteTimeBound() - 1e-9);
        assertNull(opt.fault());
    }

    @Test
    void meetsTheErrorTargetAboveTheBounds() {
        // Four-step erasure of a 16 kT bit in tau = 10 at eps <= 1e-6.
        final FourStepFamily family = new FourStepFamily(10, 30, 16, 16, 0.2, 10);
        final ProtocolOptimizer.Optimum opt = ProtocolOptimizer.minimize(family, 1e-6, TargetWell.RIGHT,
                new ProtocolOptimizer.Settings(300, 800, 150, 5));
        final FokkerPlanckResult r = opt.result();
        assertTrue(opt.feasible(), "eps = " + r.error());
        assertTrue(r.meanWork() >= ErasureBounds.generalizedLandauer(r.error()), "above Landauer");
        assertTrue(r.meanWork() < 2, "a decent protocol: " + r.meanWork() + " " + family.describe(opt.unit()));
        assertNull(opt.fault());
    }

    @Test
    void flagsABoundViolationAsAFault() {
        final FokkerPlanckResult fake = new FokkerPlanckResult(0.1, 0.2, -0.1, 0.1, 0, 1e-9, 1e-9, 1e-9, 1e-9, 0.69, -0.59, 1, 0.7, 0,
                10, 10, 0, 0, 0.1, new double[10], new double[10], new double[0], new double[0][]);
        assertTrue(ProtocolOptimizer.fault(fake, true) != null);
    }

    /**
     * Issue 15: with helper threads the optimiser shares each solve's runs and runs its two local searches side by
     * side; the optimum must be the same bit for bit as on one thread (one helper and three).
     */
    @org.junit.jupiter.api.Test
    void helperThreadsChangeNoBitOfTheOptimum() {
        final FourStepFamily family = FourStepFamily.of(5, 30, 8, 12);
        final ProtocolOptimizer.Settings s = new ProtocolOptimizer.Settings(200, 400, 45, 7);
        final ProtocolOptimizer.Optimum alone = ProtocolOptimizer.minimize(family, 1e-4, TargetWell.RIGHT, 0, s, null);
        for (int threads : new int[] {1, 3}) {
            final java.util.concurrent.ExecutorService pool = org.erasure.util.Futures.daemonPool("test", threads);
            try {
                final ProtocolOptimizer.Optimum shared = ProtocolOptimizer.minimize(family, 1e-4, TargetWell.RIGHT, 0,
                        s, null, pool);
                org.junit.jupiter.api.Assertions.assertArrayEquals(alone.unit(), shared.unit(), 0.0);
                org.junit.jupiter.api.Assertions.assertEquals(alone.evaluations(), shared.evaluations());
                org.junit.jupiter.api.Assertions.assertEquals(alone.result().meanWork(), shared.result().meanWork(), 0.0);
                org.junit.jupiter.api.Assertions.assertEquals(alone.result().error(), shared.result().error(), 0.0);
                org.junit.jupiter.api.Assertions.assertEquals(alone.searched().meanWork(), shared.searched().meanWork(),
                        0.0);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The forecast of BOBYQA's first 2n + 1 points, which the optimiser solves side by side before the local
     * searches, is exactly what Commons Math's BOBYQA then asks for: inside the box, near and on its bounds.
     */
    @Test
    void forecastsBobyqasFirstPointsExactly() {
        final double[][] starts = {{0.5, 0.5, 0.5}, {0.1, 0.9, 0.0}, {1.0, 0.86, 0.14}, {0.0, 0.15, 0.85},
                {0.3, 0.999, 1e-4, 0.7, 0.5, 0.5}};
        for (double[] x0 : starts) {
            final int n = x0.length;
            final java.util.List<double[]> asked = new java.util.ArrayList<>();
            try {
                new org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer(2 * n + 1,
                        ProtocolOptimizer.LOCAL_RADIUS, 1e-5).optimize(
                        new org.apache.commons.math3.optim.MaxEval(2 * n + 1),
                        new org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction(x -> {
                            asked.add(x.clone());
                            double v = 0;
                            for (int i = 0; i < x.length; i++) {
                                v += (i + 1) * (x[i] - 0.4) * (x[i] - 0.4);
                            }
                            return v;
                        }), org.apache.commons.math3.optim.nonlinear.scalar.GoalType.MINIMIZE,
                        new org.apache.commons.math3.optim.InitialGuess(x0),
                        new org.apache.commons.math3.optim.SimpleBounds(new double[n], filled(n, 1)));
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
                // the budget covers exactly the initial points
            }
            final java.util.List<double[]> forecast = ProtocolOptimizer.initialPoints(x0, ProtocolOptimizer.LOCAL_RADIUS);
            assertEquals(2 * n + 1, asked.size());
            for (int k = 0; k < asked.size(); k++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(asked.get(k), forecast.get(k), 0.0,
                        "point " + k + " from " + java.util.Arrays.toString(x0));
            }
        }
    }

    private static double[] filled(int n, double v) {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /**
     * Optimisations at two targets sharing their solves (claims' frontier at one duration) find what each finds with
     * solves of its own, bit for bit, and solve fewer points in all (the start, CMA-ES's first generation and BOBYQA's
     * first points from the start are the same for both).
     */
    @Test
    void sharedSolvesChangeNoBitOfTheOptima() {
        final FourStepFamily family = FourStepFamily.of(5, 30, 8, 12);
        final ProtocolOptimizer.Settings s = new ProtocolOptimizer.Settings(200, 400, 45, 7);
        final Solves shared = new Solves(family, TargetWell.RIGHT, 0, s);
        for (double target : new double[] {1e-4, 1e-6}) {
            final ProtocolOptimizer.Optimum own = ProtocolOptimizer.minimize(family, target, TargetWell.RIGHT, 0, s,
                    null, null);
            final ProtocolOptimizer.Optimum withShared = ProtocolOptimizer.minimize(family, target, TargetWell.RIGHT, 0,
                    s, null, null, shared);
            org.junit.jupiter.api.Assertions.assertArrayEquals(own.unit(), withShared.unit(), 0.0);
            assertEquals(own.result().meanWork(), withShared.result().meanWork(), 0.0);
            assertEquals(own.searched().error(), withShared.searched().error(), 0.0);
        }
        assertTrue(shared.size() < 2 * 45, "points solved for both: " + shared.size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ProtocolOptimizer.minimize(
                FourStepFamily.of(5, 30, 8, 12), 1e-4, TargetWell.RIGHT, 0, s, null, null, shared),
                "another family (even an equal one) does not share");
    }

    /**
     * A search started from a given protocol starts exactly there where the protocol lies in the family (its controls
     * at the keyframes' fractions of its own duration, here a protocol of another duration) and clamps it into the
     * bounds elsewhere; the plain family starts from the storing potential.
     */
    @Test
    void aSearchStartsFromTheProtocolItIsGiven() {
        final KeyframeFamily family = KeyframeFamily.forErasure(org.erasure.physics.PiecewiseHarmonicWell.of(), 44,
                3, new double[] {0, 5}, new double[] {0, 5}, 40, true);
        final KeyframeProtocol hand = KeyframeProtocol.of(22, new double[] {0, 0.25, 0.5, 0.75, 1},
                new double[] {0, 2, -4, 30, 0}, new double[] {5, -3, 3, 8, 5});
        final KeyframeProtocol started = family.member(family.startingFrom(hand).start()).protocol();
        for (double s : new double[] {0.25, 0.5}) {
            assertEquals(hand.control0(s * 22), started.control0(s * 44), 1e-12);
            assertEquals(hand.control1(s * 22), started.control1(s * 44), 1e-12);
        }
        assertEquals(15, started.control0(0.75 * 44), 1e-12, "c0 = 30 clamped to the box's +-3 c1");
        assertEquals(8, started.control1(0.75 * 44), 1e-12);
        final KeyframeProtocol plain = family.member(family.start()).protocol();
        assertEquals(0, plain.control0(0.5 * 44), 1e-12);
        assertEquals(5, plain.control1(0.5 * 44), 1e-12);
    }

    /**
     * A candidate the solver cannot solve (a numerical fault: here a potential that throws above a tilt of 20 kT, as the
     * phase-space solver threw on wild cantilever candidates) is scored as missing the target and counted, with the
     * first in words, instead of stopping the search; the optimum is one the solver could solve. Deterministic.
     */
    @Test
    void aCandidateTheSolverCannotSolveIsScoredAsAMissAndCounted() {
        final org.erasure.physics.Potential q = org.erasure.physics.QuarticDoubleWell.of(8);
        final org.erasure.physics.Potential fragile = new org.erasure.physics.Potential() {
            @Override
            public double energy(double x, double c0, double c1) {
                if (c1 > 20) {
                    throw new IllegalStateException("fragile above a tilt of 20 kT");
                }
                return q.energy(x, c0, c1);
            }

            @Override
            public double force(double x, double c0, double c1) {
                return q.force(x, c0, c1);
            }

            @Override
            public double curvature(double x, double c0, double c1) {
                return q.curvature(x, c0, c1);
            }

            @Override
            public double energyLowerBound(double a, double b, double c0, double c1) {
                return q.energyLowerBound(a, b, c0, c1);
            }

            @Override
            public double barrierPosition(double c0, double c1) {
                return q.barrierPosition(c0, c1);
            }

            @Override
            public void validateControls(double c0, double c1) {
                q.validateControls(c0, c1);
            }

            @Override
            public String[] controlNames() {
                return q.controlNames();
            }

            @Override
            public double[] confiningInterval(double c0, double c1) {
                return q.confiningInterval(c0, c1);
            }
        };
        final KeyframeFamily family = new KeyframeFamily(fragile, 10, new double[] {0.5}, new double[] {1, 0},
                new double[] {1, 0}, new double[] {0, -40}, new double[] {1, 40});
        final ProtocolOptimizer.Settings s = new ProtocolOptimizer.Settings(200, 400, 40, 3);
        final Solves solves = new Solves(family, TargetWell.RIGHT, 0, s);
        final ProtocolOptimizer.Optimum o = ProtocolOptimizer.minimize(family, 0.2, TargetWell.RIGHT, 0, s, null, null,
                solves);
        assertTrue(solves.unsolved() > 0, "the search tried tilts above 20 kT");
        assertTrue(solves.firstUnsolved().contains("fragile above a tilt of 20 kT")
                && solves.firstUnsolved().contains("solving the candidate"), solves.firstUnsolved());
        assertTrue(o.member().protocol().control1(5) <= 20, "the optimum is solvable: F = " + o.member().protocol()
                .control1(5));
        assertTrue(Double.isFinite(o.result().meanWork()), "verified " + o.result().meanWork());
    }
}
