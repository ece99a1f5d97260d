package org.erasure.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.erasure.fixtures.Problems;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.erasure.model.ErasureProblem;
import org.erasure.util.Futures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15: a Fokker–Planck solve shares its independent runs (two resolutions, and at second order two time steps
 * each) with helper threads. The runs are the same whichever thread does them, so the solution must be the same
 * bit for bit as the one-thread solve, snapshots and progress included, for any pool size.
 */
class ParallelSolveTest {

    @ParameterizedTest
    @CsvSource({"2, 0, 1", "2, 1e4, 1", "2, 0, 3", "1, 0, 1", "1, 1e4, 2"})
    void helpersChangeNoBit(int timeOrder, double hold, int helperThreads) {
        final ErasureProblem p = Problems.fourStep(10, 3, 12)
                .withHold(hold);
        final FokkerPlanckSettings s = new FokkerPlanckSettings(300, 800, timeOrder, new double[] {0.5, 1});
        final ExecutorService pool = Futures.daemonPool("test-helpers", helperThreads);
        try {
            final FokkerPlanckSolution alone = FokkerPlanckEngine.solve(p, s);
            final AtomicLong done = new AtomicLong();
            final FokkerPlanckSolution shared = FokkerPlanckEngine.solve(p, s, FokkerPlanckSolution.Tolerance.DEFAULT,
                    done::addAndGet, pool);
            assertSame(alone.result(), shared.result());
            assertSame(alone.coarse(), shared.coarse());
            final long total = FokkerPlanckEngine.cellSteps(p, s);
            assertEquals(total, done.get(), 0.02 * total, "progress adds up with helpers too");
            assertSame(FokkerPlanckEngine.solveAt(p, s), FokkerPlanckEngine.solveAt(p, s, pool));
            // a refinement reuses the solve it refines as its check: the same solution as solving afresh
            final FokkerPlanckSolution afresh = FokkerPlanckEngine.solve(p, s.refined());
            for (java.util.concurrent.Executor e : new java.util.concurrent.Executor[] {null, pool}) {
                final FokkerPlanckSolution refined = FokkerPlanckEngine.refine(p, alone,
                        FokkerPlanckSolution.Tolerance.DEFAULT, e);
                assertSame(afresh.result(), refined.result());
                assertSame(afresh.coarse(), refined.coarse());
                assertEquals(afresh.workError(), refined.workError(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSame(FokkerPlanckResult a, FokkerPlanckResult b) {
        final double[] x = {a.meanWork(), a.meanWorkPlus(), a.meanWorkMinus(), a.meanHeat(), a.meanDeltaU(), a.error(),
                a.errorFromLeft(), a.errorFromRight(), a.errorAtProtocolEnd(), a.freeEnergyChange(),
                a.entropyProduction(), a.wasserstein2(), a.finiteTimeBound(), a.quasiStaticWork(), a.timeSteps(),
                a.holdSteps()};
        final double[] y = {b.meanWork(), b.meanWorkPlus(), b.meanWorkMinus(), b.meanHeat(), b.meanDeltaU(), b.error(),
                b.errorFromLeft(), b.errorFromRight(), b.errorAtProtocolEnd(), b.freeEnergyChange(),
                b.entropyProduction(), b.wasserstein2(), b.finiteTimeBound(), b.quasiStaticWork(), b.timeSteps(),
                b.holdSteps()};
        assertArrayEquals(x, y, 0.0);
        assertArrayEquals(a.finalDensity(), b.finalDensity(), 0.0);
        assertEquals(a.snapshots().length, b.snapshots().length);
        for (int i = 0; i < a.snapshots().length; i++) {
            assertArrayEquals(a.snapshots()[i], b.snapshots()[i], 0.0, "snapshot " + i);
        }
    }
}
