package org.erasure.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.erasure.fixtures.Problems;
import java.util.concurrent.atomic.AtomicLong;
import org.erasure.model.ErasureProblem;
import org.junit.jupiter.api.Test;

/** Issue 13: a long fokker-planck run reports its progress; the reports add up to the announced total. */
class ProgressReportTest {

    @Test
    void reportedCellStepsAddUpToTheTotal() {
        for (double hold : new double[] {0, 1e4}) {
            final ErasureProblem p = Problems.fourStep(8, 5, 8)
                    .withHold(hold);
            final FokkerPlanckSettings s = FokkerPlanckSettings.ofGrid(400, 1000);
            final AtomicLong done = new AtomicLong();
            final FokkerPlanckSolution quiet = FokkerPlanckEngine.solve(p, s);
            final FokkerPlanckSolution told = FokkerPlanckEngine.solve(p, s, FokkerPlanckSolution.Tolerance.DEFAULT,
                    done::addAndGet);
            assertEquals(quiet.result().meanWork(), told.result().meanWork(), 0.0, "reporting changes nothing");
            // the grid may carry a cell more than asked, and the hold's step count is estimated: 2 %
            final long total = FokkerPlanckEngine.cellSteps(p, s);
            assertEquals(total, done.get(), 0.02 * total, "hold " + hold);
        }
    }
}
