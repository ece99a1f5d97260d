package org.erasure.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.PiecewiseHarmonicWell;
import org.erasure.physics.Potential;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.protocol.Protocol;
import org.junit.jupiter.api.Test;

/**
 * The adjoint gradient of the Fokker–Planck solve against central finite differences of the same discrete solve:
 * the discrete adjoint is exact for the discrete scheme, so they agree to the differences' own error (δ² terms and
 * rounding over δ). Deterministic.
 */
class FokkerPlanckGradientTest {

    private static final QuarticDoubleWell WELL = QuarticDoubleWell.of(8);
    private static final int STEPS = 40;

    /** The four-step protocol (τ = 1, g_min = 0.2, F_max = 10) as values at each of the run's nodes, to be perturbed. */
    private static double[][] fourStepNodes(int nodes) {
        final KeyframeProtocol p = KeyframeProtocol.fourStep(1, 0.2, 10);
        final double[][] c = new double[2][nodes + 1];
        for (int j = 0; j <= nodes; j++) {
            c[0][j] = p.control0((double) j / nodes);
            c[1][j] = p.control1((double) j / nodes);
        }
        return c;
    }

    private static Protocol atNodes(double[][] c) {
        final int n = c[0].length - 1;
        final double[] s = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            s[j] = (double) j / n;
        }
        return KeyframeProtocol.of(1, s, c[0], c[1]);
    }

    private static FokkerPlanckGradient.Result solve(Potential pot, double[][] c, int order, TargetWell target) {
        return FokkerPlanckGradient.solve(pot, atNodes(c), target, -2.2, 2.2, 300, TimeGrid.of(1, 0, 1.0 / STEPS),
                order);
    }

    /** The forward values are the solver's, at order 1 and 2. */
    @Test
    void forwardIsTheSolversSolve() {
        final Protocol p = KeyframeProtocol.fourStep(1, 0.2, 10);
        final TimeGrid grid = TimeGrid.of(1, 0, 1.0 / STEPS);
        final FokkerPlanckResult first = FokkerPlanckSolver.solve(WELL, p, TargetWell.RIGHT, 300, grid, new double[0]);
        final FokkerPlanckGradient.Result g1 = FokkerPlanckGradient.solve(WELL, p, TargetWell.RIGHT, 300, grid, 1);
        assertEquals(first.meanWork(), g1.work(), 1e-12 * Math.abs(first.meanWork()));
        assertEquals(first.error(), g1.error(), 1e-10 * first.error());
        final FokkerPlanckResult second = FokkerPlanckSolver.solveSecondOrder(WELL, p, TargetWell.RIGHT, 300, grid,
                new double[0]);
        final FokkerPlanckGradient.Result g2 = FokkerPlanckGradient.solve(WELL, p, TargetWell.RIGHT, 300, grid, 2);
        assertEquals(second.meanWork(), g2.work(), 1e-12 * Math.abs(second.meanWork()));
        assertEquals(second.error(), g2.error(), 1e-10 * second.error());
    }

    /**
     * Each node's derivative against a central difference (δ = 1e-5), to the differences' own error (see
     * {@code assertClose}). Both controls, first, middle and last
     * nodes (the last one's tilt would move the final barrier and so the grid; its g does not).
     */
    @Test
    void eachNodeMatchesFiniteDifferences() {
        for (int order : new int[] {1, 2}) {
            final double[][] c = fourStepNodes(STEPS * order);
            final FokkerPlanckGradient.Result g = solve(WELL, c, order, TargetWell.RIGHT);
            final int last = STEPS * order;
            final int[][] probes = {{0, 0}, {0, 7}, {0, last / 2}, {0, last}, {1, 1}, {1, last / 2 + 1}, {1, last - 1}};
            for (int[] probe : probes) {
                checkNode(WELL, c, order, TargetWell.RIGHT, g, probe[0], probe[1]);
            }
        }
    }

    /** The same for the piecewise-harmonic well, erased to the left: other potential, other target. */
    @Test
    void anotherPotentialAndTarget() {
        final PiecewiseHarmonicWell well = PiecewiseHarmonicWell.of();
        final double[][] c = new double[2][STEPS + 1];
        for (int j = 0; j <= STEPS; j++) {
            final double s = (double) j / STEPS;
            c[0][j] = -1.5 * Math.sin(Math.PI * s);        // the barrier moves left and back
            c[1][j] = 2 - 1.5 * Math.sin(Math.PI * s);      // the wells approach and part
        }
        final FokkerPlanckGradient.Result g = FokkerPlanckGradient.solve(well, atNodes(c), TargetWell.LEFT, -9, 9, 300,
                TimeGrid.of(1, 0, 1.0 / STEPS), 1);
        for (int[] probe : new int[][] {{0, 3}, {0, 20}, {1, 0}, {1, 20}, {1, 39}}) {
            final double[][] plus = copy(c);
            final double[][] minus = copy(c);
            final double d = 1e-5;
            plus[probe[0]][probe[1]] += d;
            minus[probe[0]][probe[1]] -= d;
            final FokkerPlanckGradient.Result a = FokkerPlanckGradient.solve(well, atNodes(plus), TargetWell.LEFT, -9,
                    9, 300, TimeGrid.of(1, 0, 1.0 / STEPS), 1);
            final FokkerPlanckGradient.Result b = FokkerPlanckGradient.solve(well, atNodes(minus), TargetWell.LEFT, -9,
                    9, 300, TimeGrid.of(1, 0, 1.0 / STEPS), 1);
            assertClose((a.work() - b.work()) / (2 * d), g.workGradient()[probe[0]][probe[1]], "W", probe);
            assertClose((Math.log(a.error()) - Math.log(b.error())) / (2 * d),
                    g.logErrorGradient()[probe[0]][probe[1]], "ln eps", probe);
        }
    }

    /** The gradient of a sum is the sum of the gradients: along a random direction of all nodes at once. */
    @Test
    void directionalDerivativeIsTheSumOverNodes() {
        final double[][] c = fourStepNodes(2 * STEPS);
        final FokkerPlanckGradient.Result g = solve(WELL, c, 2, TargetWell.RIGHT);
        final SplittableRandom rng = new SplittableRandom(9);
        final double[][] v = new double[2][c[0].length];
        double dW = 0;
        double dE = 0;
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < c[0].length - 1; j++) {     // not the last node (its tilt moves the grid)
                v[k][j] = rng.nextDouble() - 0.5;
                dW += v[k][j] * g.workGradient()[k][j];
                dE += v[k][j] * g.logErrorGradient()[k][j];
            }
        }
        final double d = 1e-5;
        final double[][] plus = copy(c);
        final double[][] minus = copy(c);
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < c[0].length; j++) {
                plus[k][j] += d * v[k][j];
                minus[k][j] -= d * v[k][j];
            }
        }
        final FokkerPlanckGradient.Result a = solve(WELL, plus, 2, TargetWell.RIGHT);
        final FokkerPlanckGradient.Result b = solve(WELL, minus, 2, TargetWell.RIGHT);
        assertClose((a.work() - b.work()) / (2 * d), dW, "W along v", new int[0]);
        assertClose((Math.log(a.error()) - Math.log(b.error())) / (2 * d), dE, "ln eps along v", new int[0]);
    }

    @Test
    void bernoulliSlopeIsContinuousAndExact() {
        for (double z : new double[] {-800, -30, -2, -0.5000001, -0.4999999, -1e-3, 0, 1e-3, 0.4999999, 0.5000001, 2,
                30, 800}) {
            final double h = 1e-6 * Math.max(1, Math.abs(z));
            final double fd = (bernoulli(z + h) - bernoulli(z - h)) / (2 * h);
            assertEquals(fd, FokkerPlanckGradient.bernoulliSlope(z), 1e-8 + 1e-6 * Math.abs(fd), "z = " + z);
        }
    }

    @Test
    void refusesAHold() {
        assertThrows(IllegalArgumentException.class, () -> FokkerPlanckGradient.solve(WELL,
                KeyframeProtocol.fourStep(1, 0.2, 10), TargetWell.RIGHT, 300, TimeGrid.of(1, 1, 0.05), 1));
    }

    private static double bernoulli(double z) {
        return z == 0 ? 1 : z / Math.expm1(z);
    }

    private static void checkNode(Potential pot, double[][] c, int order, TargetWell target,
                                  FokkerPlanckGradient.Result g, int control, int node) {
        final double d = 1e-5;
        final double[][] plus = copy(c);
        final double[][] minus = copy(c);
        plus[control][node] += d;
        minus[control][node] -= d;
        final FokkerPlanckGradient.Result a = solve(pot, plus, order, target);
        final FokkerPlanckGradient.Result b = solve(pot, minus, order, target);
        final int[] probe = {control, node, order};
        assertClose((a.work() - b.work()) / (2 * d), g.workGradient()[control][node], "W", probe);
        assertClose((Math.log(a.error()) - Math.log(b.error())) / (2 * d), g.logErrorGradient()[control][node],
                "ln eps", probe);
    }

    /**
     * Within 1e-6 of the value, or 2e-8 absolute: ⟨W⟩ is summed over the steps from terms up to ~100 kT at the
     * grid's ends, so its rounding (~1e-13 kT) over 2δ is ~5e-9 (measured: 7e-9 on a node whose derivative is 9e-4).
     */
    private static void assertClose(double fd, double adjoint, String what, int[] probe) {
        assertEquals(fd, adjoint, 1e-6 * Math.abs(fd) + 2e-8,
                what + " at " + java.util.Arrays.toString(probe) + ": adjoint " + adjoint + ", differences " + fd);
    }

    private static double[][] copy(double[][] c) {
        return new double[][] {c[0].clone(), c[1].clone()};
    }
}
