package org.erasure.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.util.Futures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The search objective (FokkerPlanckSolver.Mode.SEARCH) evolves both bit values as one density, on the confining
 * interval without the reported solves' 25 % margin. One density (Mode.MIXED, same cells): the equation is linear,
 * so every result of the whole ensemble must equal the split solve's to rounding, down to an error probability of
 * 1e-15 and below, with and without a hold, on one thread and with helpers; only the errors per bit value are unknown
 * (NaN). Without the margin (Mode.SEARCH): a different discretisation of the same problem, so ⟨W⟩ and ε must agree
 * with the split solve within twice its numerical error (two resolutions).
 */
class MixedSearchSolveTest {

    @ParameterizedTest
    @CsvSource({"10, 3, 0, 12, 0", "10, 3, 0, 12, 1e4", "40, 1, 0, 40, 0", "8, 0.5, 0.3, 8, 0"})
    void oneDensityGivesTheEnsembleAndTheSearchItsValues(double barrier, double tau, double gMin, double tilt,
                                                         double hold) {
        final ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(barrier),
                KeyframeProtocol.fourStep(tau, gMin, tilt)).withHold(hold);
        final FokkerPlanckSettings s = new FokkerPlanckSettings(300, 800, 2, new double[] {0.5});
        final FokkerPlanckResult split = FokkerPlanckEngine.solveAt(p, s);
        final ExecutorService pool = Futures.daemonPool("test", 1);
        try {
            for (FokkerPlanckResult mixed : new FokkerPlanckResult[] {
                    FokkerPlanckEngine.solveAt(p, s, null, FokkerPlanckSolver.Mode.MIXED),
                    FokkerPlanckEngine.solveAt(p, s, pool, FokkerPlanckSolver.Mode.MIXED)}) {
                final double[][] pairs = {{split.meanWork(), mixed.meanWork()},
                        {split.meanWorkPlus(), mixed.meanWorkPlus()}, {split.meanHeat(), mixed.meanHeat()},
                        {split.freeEnergyChange(), mixed.freeEnergyChange()},
                        {split.wasserstein2(), mixed.wasserstein2()}, {split.error(), mixed.error()},
                        {split.errorAtProtocolEnd(), mixed.errorAtProtocolEnd()}};
                for (double[] ab : pairs) {
                    assertEquals(ab[0], ab[1], 1e-11 * Math.abs(ab[0]) + 1e-13, java.util.Arrays.toString(ab));
                }
                assertTrue(Double.isNaN(mixed.errorFromLeft()) && Double.isNaN(mixed.errorFromRight()));
                assertEquals(split.holdSteps(), mixed.holdSteps());
            }
            final FokkerPlanckSolution reported = FokkerPlanckEngine.solve(p, s);
            for (FokkerPlanckResult search : new FokkerPlanckResult[] {FokkerPlanckEngine.searchAt(p, s, null),
                    FokkerPlanckEngine.searchAt(p, s, pool)}) {
                assertEquals(reported.result().meanWork(), search.meanWork(), 2 * reported.workError() + 1e-9,
                        "search <W> within the numerical error");
                assertEquals(reported.result().error(), search.error(), 2 * reported.errorRateError(),
                        "search eps within the numerical error");
                assertTrue(Double.isNaN(search.errorFromLeft()));
            }
        } finally {
            pool.shutdownNow();
        }
        if (barrier == 40) {
            assertTrue(split.error() < 1e-15, "a deep tail is compared: eps = " + split.error());
        }
    }
}
