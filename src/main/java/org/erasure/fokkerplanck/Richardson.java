package org.erasure.fokkerplanck;

/**
 * Second order in time from two backward-Euler runs (dt and dt/2): Richardson extrapolation of every scalar result,
 * linear for energies and on the logarithm for probabilities (see {@link FokkerPlanckSolver#solveSecondOrder}).
 */
final class Richardson {

    private Richardson() {
    }

    /**
     * The second-order result from the runs on grid.refined() ({@code fine}) and on the grid ({@code coarse}) of
     * {@link FokkerPlanckSolver#solveSecondOrder}: what it returns, for callers that run the two solves concurrently.
     */
    static FokkerPlanckResult richardson(FokkerPlanckResult fine, FokkerPlanckResult coarse) {
        return new FokkerPlanckResult(ex(fine.meanWork(), coarse.meanWork()),
                ex(fine.meanWorkPlus(), coarse.meanWorkPlus()), ex(fine.meanWorkMinus(), coarse.meanWorkMinus()),
                ex(fine.meanHeat(), coarse.meanHeat()),
                ex(fine.meanDeltaU(), coarse.meanDeltaU()), ex(fine.meanDeltaK(), coarse.meanDeltaK()),
                exProbability(fine.error(), coarse.error()),
                exProbability(fine.errorFromLeft(), coarse.errorFromLeft()),
                exProbability(fine.errorFromRight(), coarse.errorFromRight()),
                exProbability(fine.errorAtProtocolEnd(), coarse.errorAtProtocolEnd()),
                ex(fine.freeEnergyChange(), coarse.freeEnergyChange()),
                ex(fine.entropyProduction(), coarse.entropyProduction()),
                ex(fine.wasserstein2(), coarse.wasserstein2()), ex(fine.finiteTimeBound(), coarse.finiteTimeBound()),
                fine.quasiStaticWork(), fine.cells(), fine.timeSteps(), fine.holdSteps(), fine.domainLow(),
                fine.cellWidth(), fine.initialDensity(), fine.finalDensity(), fine.snapshotFractions(),
                fine.snapshots(), fine.phaseSpace());
    }

    static double ex(double fine, double coarse) {
        return 2 * fine - coarse;
    }

    /**
     * Richardson on ln ε: ε_f²/ε_c, positive whenever ε_f is; ε_f itself when ε_c vanishes (no rate
     * to extrapolate) or either is NaN (no particles of that bit value). At most 1.
     */
    static double exProbability(double fine, double coarse) {
        if (!(fine > 0) || !(coarse > 0)) {
            return fine;
        }
        return Math.min(1, fine * (fine / coarse));
    }
}
