package org.erasure.fokkerplanck;

import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.InitialState;
import org.erasure.model.TimeGrid;
import org.erasure.model.UnsupportedProblemException;

/**
 * The Fokker–Planck engine: an {@link ErasureProblem} at given {@link FokkerPlanckSettings}, solved at
 * that resolution and at half of it for the numerical error ({@link FokkerPlanckSolution}). It honours
 * the whole problem (protocol and hold) or refuses it: the solver is overdamped and starts from the
 * equilibrium density.
 */
public final class FokkerPlanckEngine {

    private FokkerPlanckEngine() {
    }

    /** Throws {@link UnsupportedProblemException} (one line) when the solver cannot honour the problem. */
    public static void requireSupported(ErasureProblem problem) {
        if (problem.dynamics() instanceof Dynamics.Underdamped) {
            throw new UnsupportedProblemException("the Fokker-Planck solver solves overdamped dynamics; this problem "
                    + "is underdamped - use the Monte Carlo engine (simulate), or overdamped dynamics");
        }
        if (problem.initial() instanceof InitialState.FixedPosition f) {
            throw new UnsupportedProblemException("the Fokker-Planck solver starts from equilibrium; this problem starts "
                    + "at the fixed position x = " + f.x() + " x_m - use the Monte Carlo engine (simulate)");
        }
    }

    /** Solves at the settings and at half their resolution; the default tolerance judges the result. */
    public static FokkerPlanckSolution solve(ErasureProblem problem, FokkerPlanckSettings settings) {
        return solve(problem, settings, FokkerPlanckSolution.Tolerance.DEFAULT);
    }

    public static FokkerPlanckSolution solve(ErasureProblem problem, FokkerPlanckSettings settings,
                                             FokkerPlanckSolution.Tolerance tolerance) {
        return solve(problem, settings, tolerance, null);
    }

    /**
     * As {@link #solve(ErasureProblem, FokkerPlanckSettings, FokkerPlanckSolution.Tolerance)}, reporting progress in
     * cell-steps to {@code progress} (null: none); {@link #cellSteps} is the total it reaches.
     */
    public static FokkerPlanckSolution solve(ErasureProblem problem, FokkerPlanckSettings settings,
                                             FokkerPlanckSolution.Tolerance tolerance,
                                             java.util.function.LongConsumer progress) {
        requireSupported(problem);
        if (settings.cells() < 2 * FokkerPlanckSolver.MIN_CELLS) {
            throw new IllegalArgumentException("a solve with its numerical error needs at least "
                    + 2 * FokkerPlanckSolver.MIN_CELLS + " cells (its check runs on half of them), got " + settings.cells());
        }
        final FokkerPlanckResult fine = solveAt(problem, settings, progress);
        final FokkerPlanckResult coarse = solveAt(problem, settings.coarsened(), progress);
        return new FokkerPlanckSolution(fine, coarse, settings, tolerance);
    }

    /** The cell-steps (cells × steps, one density) a {@link #solve} runs, the solve at half resolution included. */
    public static long cellSteps(ErasureProblem problem, FokkerPlanckSettings settings) {
        return Math.round((settings.cellSteps(settings.grid(problem))
                + settings.coarsened().cellSteps(settings.coarsened().grid(problem))) / 2);
    }

    /** One solve at one resolution, without an error estimate (the objective of a search). */
    public static FokkerPlanckResult solveAt(ErasureProblem problem, FokkerPlanckSettings s) {
        return solveAt(problem, s, null);
    }

    private static FokkerPlanckResult solveAt(ErasureProblem problem, FokkerPlanckSettings s,
                                              java.util.function.LongConsumer progress) {
        requireSupported(problem);
        final TimeGrid grid = s.grid(problem);
        return s.timeOrder() == 2
                ? FokkerPlanckSolver.solveSecondOrder(problem.potential(), problem.protocol(), problem.target(),
                s.cells(), grid, s.snapshotFractions(), progress)
                : FokkerPlanckSolver.solve(problem.potential(), problem.protocol(), problem.target(), s.cells(), grid,
                s.snapshotFractions(), progress);
    }
}
