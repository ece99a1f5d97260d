package org.erasure.fokkerplanck;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.InitialState;
import org.erasure.model.TimeGrid;
import org.erasure.model.UnsupportedProblemException;
import org.erasure.util.Futures;

/**
 * The Fokker–Planck engine: an {@link ErasureProblem} at given {@link FokkerPlanckSettings}, solved at
 * that resolution and at half of it for the numerical error ({@link FokkerPlanckSolution}). It honours
 * the whole problem (protocol and hold) or refuses it: the solver is overdamped and starts from the
 * equilibrium density.
 */
public final class FokkerPlanckEngine {

    private FokkerPlanckEngine() {
    }

    /**
     * Throws {@link UnsupportedProblemException} (one line) when the solvers cannot honour the problem: underdamped
     * problems go to the phase-space solver ({@link KramersSolver}), overdamped ones to the 1-D solver.
     */
    public static void requireSupported(ErasureProblem problem) {
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
        requireSolvable(problem, settings);
        if (problem.dynamics().isUnderdamped()) {
            return KramersSolver.solution(problem, settings, tolerance, progress, null);
        }
        final FokkerPlanckResult fine = solveAt(problem, settings, progress);
        final FokkerPlanckResult coarse = solveAt(problem, settings.coarsened(), progress);
        return new FokkerPlanckSolution(fine, coarse, settings, tolerance);
    }

    /**
     * As {@link #solve(ErasureProblem, FokkerPlanckSettings, FokkerPlanckSolution.Tolerance,
     * java.util.function.LongConsumer)}, with its independent runs (at second order: four, at the two resolutions
     * and two time steps each) shared between the calling thread, which runs the largest, and {@code helpers}
     * (null: all in the calling thread). The runs are the same whichever thread runs them: so is the solution, bit
     * for bit. A run no helper has started by the time the caller needs it is run by the caller, so a pool of any size
     * will do, even one whose threads are themselves waiting in such solves.
     */
    public static FokkerPlanckSolution solve(ErasureProblem problem, FokkerPlanckSettings settings,
                                             FokkerPlanckSolution.Tolerance tolerance,
                                             java.util.function.LongConsumer progress, Executor helpers) {
        if (problem.dynamics().isUnderdamped()) {
            requireSolvable(problem, settings);
            return KramersSolver.solution(problem, settings, tolerance, progress, helpers);
        }
        if (!Futures.idle(helpers)) {
            return solve(problem, settings, tolerance, progress);
        }
        requireSolvable(problem, settings);
        final FokkerPlanckSettings half = settings.coarsened();
        if (settings.timeOrder() != 2) {
            final FutureTask<FokkerPlanckResult> coarse = task(problem, half, half.grid(problem), true, progress);
            helpers.execute(coarse);
            final FokkerPlanckResult fine = run(problem, settings, settings.grid(problem), true, progress);
            return new FokkerPlanckSolution(fine, Futures.runOrGet(coarse), settings, tolerance);
        }
        final TimeGrid grid = settings.grid(problem);
        final TimeGrid halfGrid = half.grid(problem);
        // at second order the snapshots are those of the run at half the time step (as in solveSecondOrder)
        final List<FutureTask<FokkerPlanckResult>> tasks = List.of(task(problem, settings, grid, false, progress),
                task(problem, half, halfGrid.refined(), true, progress), task(problem, half, halfGrid, false, progress));
        tasks.forEach(helpers::execute);
        final FokkerPlanckResult fineFine = run(problem, settings, grid.refined(), true, progress);
        final FokkerPlanckResult fine = Richardson.richardson(fineFine, Futures.runOrGet(tasks.get(0)));
        final FokkerPlanckResult coarse = Richardson.richardson(Futures.runOrGet(tasks.get(1)),
                Futures.runOrGet(tasks.get(2)));
        return new FokkerPlanckSolution(fine, coarse, settings, tolerance);
    }

    /**
     * The solution at twice the resolution of {@code previous} (cells and steps), for a problem previous solved: its
     * check at half resolution is previous's own result, computed at exactly those settings, so only the finer solve
     * runs (a fifth of the work fewer at second order), its runs shared with {@code helpers} (null: none). The same
     * solution bit for bit as {@link #solve(ErasureProblem, FokkerPlanckSettings, FokkerPlanckSolution.Tolerance)} at
     * the refined settings.
     */
    public static FokkerPlanckSolution refine(ErasureProblem problem, FokkerPlanckSolution previous,
                                              FokkerPlanckSolution.Tolerance tolerance, Executor helpers) {
        final FokkerPlanckSettings finer = previous.settings().refined();
        requireSolvable(problem, finer);
        // the check at half resolution records no snapshots (FokkerPlanckSettings.coarsened)
        return new FokkerPlanckSolution(solveAt(problem, finer, helpers), previous.result().withoutSnapshots(), finer,
                tolerance);
    }

    /**
     * One solve at one resolution without an error estimate (the objective of a search), its two runs at second
     * order shared with {@code helpers} as in {@link #solve(ErasureProblem, FokkerPlanckSettings,
     * FokkerPlanckSolution.Tolerance, java.util.function.LongConsumer, Executor)}; bit for bit {@link #solveAt}.
     */
    public static FokkerPlanckResult solveAt(ErasureProblem problem, FokkerPlanckSettings s, Executor helpers) {
        return solveAt(problem, s, helpers, FokkerPlanckSolver.Mode.SPLIT);
    }

    /**
     * The objective of a search: {@link #solveAt(ErasureProblem, FokkerPlanckSettings, Executor)} in the solver's
     * {@link FokkerPlanckSolver.Mode#SEARCH} mode, both bit values as one density on the confining interval without
     * the 25 % margin of reported solves: ⟨W⟩ and ε within the discretisation error of solveAt's, the errors per bit
     * value NaN, no snapshots, about a third cheaper in {@code claims}. Never reported: what is reported is re-solved.
     */
    public static FokkerPlanckResult searchAt(ErasureProblem problem, FokkerPlanckSettings s, Executor helpers) {
        return solveAt(problem, s.withoutSnapshots(), helpers, FokkerPlanckSolver.Mode.SEARCH);
    }

    /** One solve at one resolution in a mode of the solver, its two runs at second order shared with helpers. */
    static FokkerPlanckResult solveAt(ErasureProblem problem, FokkerPlanckSettings s, Executor helpers,
                                      FokkerPlanckSolver.Mode mode) {
        return solveAt(problem, s, helpers, mode, null);
    }

    /**
     * The one path of every solve at one resolution: first order, one run; second order, the two runs in lockstep,
     * or split between the caller and an idle helper (the same numbers bit for bit). Progress in cell-steps.
     */
    private static FokkerPlanckResult solveAt(ErasureProblem problem, FokkerPlanckSettings s, Executor helpers,
                                              FokkerPlanckSolver.Mode mode, java.util.function.LongConsumer progress) {
        requireSupported(problem);
        final TimeGrid grid = s.grid(problem);
        if (problem.dynamics().isUnderdamped()) {
            return KramersSolver.solve(problem, s, grid, progress, helpers);
        }
        if (s.timeOrder() != 2) {
            return run(problem, s, grid, true, progress, mode);
        }
        if (!Futures.idle(helpers)) {
            return FokkerPlanckSolver.solveSecondOrder(problem.potential(), problem.protocol(), problem.target(),
                    s.cells(), grid, s.snapshotFractions(), progress, mode);
        }
        final FutureTask<FokkerPlanckResult> coarse = task(problem, s, grid, false, progress, mode);
        helpers.execute(coarse);
        final FokkerPlanckResult fine = run(problem, s, grid.refined(), true, progress, mode);
        return Richardson.richardson(fine, Futures.runOrGet(coarse));
    }

    /** One first-order run of both bit values ({@code SPLIT}), as reported solves run. */
    private static FokkerPlanckResult run(ErasureProblem problem, FokkerPlanckSettings s, TimeGrid grid,
                                          boolean snapshots, java.util.function.LongConsumer progress) {
        return run(problem, s, grid, snapshots, progress, FokkerPlanckSolver.Mode.SPLIT);
    }

    private static FutureTask<FokkerPlanckResult> task(ErasureProblem problem, FokkerPlanckSettings s, TimeGrid grid,
                                                       boolean snapshots, java.util.function.LongConsumer progress) {
        return task(problem, s, grid, snapshots, progress, FokkerPlanckSolver.Mode.SPLIT);
    }

    /** One first-order run on {@code grid}, recording the settings' snapshots when {@code snapshots}. */
    private static FokkerPlanckResult run(ErasureProblem problem, FokkerPlanckSettings s, TimeGrid grid,
                                          boolean snapshots, java.util.function.LongConsumer progress,
                                          FokkerPlanckSolver.Mode mode) {
        return FokkerPlanckSolver.solve(problem.potential(), problem.protocol(), problem.target(), s.cells(), grid,
                snapshots ? s.snapshotFractions() : new double[0], progress, mode);
    }

    private static FutureTask<FokkerPlanckResult> task(ErasureProblem problem, FokkerPlanckSettings s, TimeGrid grid,
                                                       boolean snapshots, java.util.function.LongConsumer progress,
                                                       FokkerPlanckSolver.Mode mode) {
        return new FutureTask<>(() -> run(problem, s, grid, snapshots, progress, mode));
    }

    /** A problem the solver honours, at settings whose half resolution (the error check) is still a grid. */
    private static void requireSolvable(ErasureProblem problem, FokkerPlanckSettings settings) {
        requireSupported(problem);
        if (settings.cells() < 2 * FokkerPlanckSolver.MIN_CELLS) {
            throw new IllegalArgumentException("a solve with its numerical error needs at least "
                    + 2 * FokkerPlanckSolver.MIN_CELLS + " cells (its check runs on half of them), got " + settings.cells());
        }
    }

    /** The cell-steps (cells × steps, one density) a {@link #solve} runs, the solve at half resolution included. */
    public static long cellSteps(ErasureProblem problem, FokkerPlanckSettings settings) {
        if (problem.dynamics().isUnderdamped()) {
            double total = settings.phaseSpaceCellSteps(settings.grid(problem))
                    + settings.coarsened().phaseSpaceCellSteps(settings.coarsened().grid(problem));
            for (FokkerPlanckSettings oneWay : KramersSolver.oneWayChecks(settings)) {
                total += oneWay.phaseSpaceCellSteps(oneWay.grid(problem));
            }
            return Math.round(total);
        }
        return Math.round((settings.cellSteps(settings.grid(problem))
                + settings.coarsened().cellSteps(settings.coarsened().grid(problem))) / 2);
    }

    /** One solve at one resolution, without an error estimate (the objective of a search). */
    public static FokkerPlanckResult solveAt(ErasureProblem problem, FokkerPlanckSettings s) {
        return solveAt(problem, s, (java.util.function.LongConsumer) null);
    }

    private static FokkerPlanckResult solveAt(ErasureProblem problem, FokkerPlanckSettings s,
                                              java.util.function.LongConsumer progress) {
        return solveAt(problem, s, null, FokkerPlanckSolver.Mode.SPLIT, progress);
    }
}
