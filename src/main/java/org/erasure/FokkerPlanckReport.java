package org.erasure;

import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.optimize.FullControlOptimum;

/**
 * What {@link Erasure#solveFokkerPlanck(ErasureRun, RunOptions)} returns: the solution with its numerical error, and
 * its cost. The result writers of {@code io} turn it into the summary row, the densities file and the terminal report.
 *
 * @param run         the run as asked
 * @param solution    the solution at the configured grid and at half of it
 * @param wallSeconds wall time of the solve (both resolutions)
 * @param fullControl the full-control optimum for the run's potentials, τ and ε at the protocol's end (null: not
 *                    computed, see {@code fullControlNote})
 * @param fullControlNote why it was not computed ("" when it was)
 */
public record FokkerPlanckReport(ErasureRun run, FokkerPlanckSolution solution, double wallSeconds,
                                 FullControlOptimum.Result fullControl, String fullControlNote) {

    /** Cells of the reported grid. */
    public int cells() {
        return solution.result().cells();
    }

    /** The results with their numerical errors (no sampling error), in the shape the Monte Carlo report has too. */
    public ErasureEstimates estimates() {
        final org.erasure.fokkerplanck.FokkerPlanckResult r = solution.result();
        return new ErasureEstimates("fp", new Estimate(r.meanWork(), 0, solution.workError()),
                new Estimate(r.meanWorkPlus(), 0, solution.workPlusError()),
                new Estimate(r.meanWorkMinus(), 0, solution.workMinusError()),
                new Estimate(r.meanHeat(), 0, solution.heatError()),
                new Estimate(r.error(), 0, solution.errorRateError()));
    }
}
