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
 * The search objective evolves both bit values as one density (the Fokker–Planck equation is linear, so their sum
 * obeys it): every result of the whole ensemble must equal the split solve's to rounding, down to an error
 * probability of 1e-20, with and without a hold, on one thread and with helpers; only the errors per bit value are
 * unknown (NaN).
 */
class MixedSearchSolveTest {

    @ParameterizedTest
    @CsvSource({"10, 3, 0, 12, 0", "10, 3, 0, 12, 1e4", "40, 1, 0, 40, 0", "8, 0.5, 0.3, 8, 0"})
    void oneDensityGivesTheEnsembleToRounding(double barrier, double tau, double gMin, double tilt, double hold) {
        final ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(barrier),
                KeyframeProtocol.fourStep(tau, gMin, tilt)).withHold(hold);
        final FokkerPlanckSettings s = new FokkerPlanckSettings(300, 800, 2, new double[] {0.5});
        final FokkerPlanckResult split = FokkerPlanckEngine.solveAt(p, s);
        final ExecutorService pool = Futures.daemonPool("test", 1);
        try {
            for (FokkerPlanckResult mixed : new FokkerPlanckResult[] {FokkerPlanckEngine.searchAt(p, s, null),
                    FokkerPlanckEngine.searchAt(p, s, pool)}) {
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
        } finally {
            pool.shutdownNow();
        }
        if (barrier == 40) {
            assertTrue(split.error() < 1e-15, "a deep tail is compared: eps = " + split.error());
        }
    }
}
