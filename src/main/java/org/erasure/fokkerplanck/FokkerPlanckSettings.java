package org.erasure.fokkerplanck;

import org.erasure.model.ErasureProblem;
import org.erasure.model.TimeGrid;

/**
 * The resolution of a Fokker–Planck solve: cells, time steps over the protocol (the hold runs at the
 * same step) and the time order (1: backward Euler; 2: Richardson extrapolation of it). The one place
 * that names the solver's default grids.
 *
 * @param cells             requested cells, ≥ {@link FokkerPlanckSolver#MIN_CELLS} (≥ twice that for a solve with
 *                          its error estimate, whose coarse twin has half the cells)
 * @param timeSteps         steps over the protocol [0, τ], ≥ 2
 * @param timeOrder         1 or 2
 * @param snapshotFractions times (fractions of τ in [0, 1]) at which densities are recorded
 * @param velocityCells     velocity cells of a phase-space (underdamped) solve, even; the position cells are
 *                          {@code cells}
 * @param velocityReach     the phase-space grid's velocity bound in thermal velocities 1/√μ, in
 *                          [{@link #MIN_VELOCITY_REACH}, {@link #MAX_VELOCITY_REACH}] (default {@link #DEFAULT_VELOCITY_REACH})
 */
public record FokkerPlanckSettings(int cells, long timeSteps, int timeOrder, double[] snapshotFractions,
                                   int velocityCells, double velocityReach) {

    /**
     * The velocity grid's bound by default, in thermal velocities: the Maxwellian's weight there is e^{−128}, and a
     * particle that falls through the whole 100 kT of the position grid (v = √(200/μ), 14 thermal velocities) stays
     * inside. A slow protocol needs less: at 10 the Maxwellian's weight is e^{−50}, and the cells are 1.6 times finer
     * for the same count (fokker_planck.velocity_reach; the edge probability of every solve is reported and flagged).
     */
    public static final double DEFAULT_VELOCITY_REACH = 16;

    /** The least velocity reach accepted (thermal velocities; the Maxwellian's weight there is e^{−32}). */
    public static final double MIN_VELOCITY_REACH = 8;

    /** The largest velocity reach accepted (thermal velocities). */
    public static final int MAX_VELOCITY_REACH = 64;

    /** Whether {@code reach} (thermal velocities) lies in [{@link #MIN_VELOCITY_REACH}, {@link #MAX_VELOCITY_REACH}]. */
    public static boolean isVelocityReach(double reach) {
        return reach >= MIN_VELOCITY_REACH && reach <= MAX_VELOCITY_REACH;
    }

    /** A resolution with the default velocity reach. */
    public FokkerPlanckSettings(int cells, long timeSteps, int timeOrder, double[] snapshotFractions,
                                int velocityCells) {
        this(cells, timeSteps, timeOrder, snapshotFractions, velocityCells, DEFAULT_VELOCITY_REACH);
    }

    /** Velocity cells of a phase-space solve by default (fokker_planck.velocity_cells). */
    public static final int DEFAULT_VELOCITY_CELLS = 160;

    /** Position cells of a phase-space solve by default (fokker_planck.cells of an underdamped configuration). */
    public static final int DEFAULT_PHASE_SPACE_CELLS = 300;

    /** A resolution with the default velocity cells. */
    public FokkerPlanckSettings(int cells, long timeSteps, int timeOrder, double[] snapshotFractions) {
        this(cells, timeSteps, timeOrder, snapshotFractions, DEFAULT_VELOCITY_CELLS);
    }

    /** Cells of the default grid of a configuration (fokker_planck.cells). */
    public static final int DEFAULT_CELLS = 2000;

    /**
     * The most time steps over the protocol a configuration gets by default (its own Monte Carlo step
     * otherwise): long protocols would cost minutes at the Monte Carlo step without gaining accuracy that
     * the numerical error would not show anyway.
     */
    public static final int DEFAULT_MAX_TIME_STEPS = 20_000;

    /**
     * Control steps of the phase-space solver per Monte Carlo step, where the configuration leaves them to the
     * default: they cost little there (its transport sub-steps are set by the cells, not by the control steps).
     */
    public static final int PHASE_SPACE_STEPS_PER_MONTE_CARLO_STEP = 4;

    /** Cells of {@link #SEARCH}. */
    public static final int SEARCH_CELLS = 600;

    /** Time steps of {@link #SEARCH}. */
    public static final int SEARCH_TIME_STEPS = 1600;

    /** The grid protocol searches run on: 600 cells, 1600 steps, second order (a few hundredths of a second). */
    public static final FokkerPlanckSettings SEARCH = new FokkerPlanckSettings(SEARCH_CELLS, SEARCH_TIME_STEPS, 2,
            new double[0]);


    public FokkerPlanckSettings {
        if (cells < FokkerPlanckSolver.MIN_CELLS || cells > MAX_CELLS) {
            throw new IllegalArgumentException("the Fokker-Planck grid needs " + FokkerPlanckSolver.MIN_CELLS
                    + " to " + MAX_CELLS + " cells, got " + cells);
        }
        if (timeSteps < 2) {
            throw new IllegalArgumentException("the Fokker-Planck solve needs at least 2 time steps, got " + timeSteps);
        }
        if (timeOrder != 1 && timeOrder != 2) {
            throw new IllegalArgumentException("the time order must be 1 or 2, got " + timeOrder);
        }
        for (double f : snapshotFractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("snapshot times must lie in [0, 1] (fractions of tau), got " + f);
            }
        }
        snapshotFractions = snapshotFractions.clone();
        if (velocityCells < PhaseSpaceGrid.MIN_VELOCITY_CELLS || velocityCells % 2 != 0 || velocityCells > 100_000) {
            throw new IllegalArgumentException("the velocity grid needs an even number of cells from "
                    + PhaseSpaceGrid.MIN_VELOCITY_CELLS + " to 100000, got " + velocityCells);
        }
        if (!isVelocityReach(velocityReach)) {
            throw new IllegalArgumentException("the velocity reach must lie in [" + MIN_VELOCITY_REACH
                    + ", " + MAX_VELOCITY_REACH + "] thermal velocities, got " + velocityReach);
        }
    }

    /** Largest grid accepted. */
    public static final int MAX_CELLS = 10_000_000;

    /**
     * The usual way to ask for a resolution: {@code cells} position cells and {@code timeSteps} steps over τ, second
     * order in time (Richardson) for the 1-D solver, the default velocity cells for the phase-space solver, no
     * snapshots; change one with {@link #withTimeOrder}, {@link #withVelocityCells} or {@link #withSnapshots}, e.g.
     * {@code FokkerPlanckSettings.ofGrid(300, 200).withTimeOrder(1).withVelocityCells(96)}.
     */
    public static FokkerPlanckSettings ofGrid(int cells, long timeSteps) {
        return new FokkerPlanckSettings(cells, timeSteps, 2, new double[0], DEFAULT_VELOCITY_CELLS);
    }

    /** The same with the given time order: 1 (backward Euler) or 2 (Richardson; the 1-D solver only). */
    public FokkerPlanckSettings withTimeOrder(int order) {
        return new FokkerPlanckSettings(cells, timeSteps, order, snapshotFractions, velocityCells, velocityReach);
    }

    /** The same with the given velocity cells (even; phase-space solves). */
    public FokkerPlanckSettings withVelocityCells(int v) {
        return new FokkerPlanckSettings(cells, timeSteps, timeOrder, snapshotFractions, v, velocityReach);
    }

    /** The same with the given velocity reach (thermal velocities; phase-space solves). */
    public FokkerPlanckSettings withVelocityReach(double reach) {
        return new FokkerPlanckSettings(cells, timeSteps, timeOrder, snapshotFractions, velocityCells, reach);
    }

    @Override
    public double[] snapshotFractions() {
        return snapshotFractions.clone();
    }

    public FokkerPlanckSettings withSnapshots(double... fractions) {
        return new FokkerPlanckSettings(cells, timeSteps, timeOrder, fractions, velocityCells, velocityReach);
    }

    /** The same resolution without snapshots. */
    public FokkerPlanckSettings withoutSnapshots() {
        return snapshotFractions.length == 0 ? this : new FokkerPlanckSettings(cells, timeSteps, timeOrder, new double[0],
                velocityCells, velocityReach);
    }

    /** Half the cells and half the steps: the coarse twin of the two-resolution error estimate. */
    public FokkerPlanckSettings coarsened() {
        return new FokkerPlanckSettings(cells / 2, Math.max(2, timeSteps / 2), timeOrder, new double[0],
                Math.max(PhaseSpaceGrid.MIN_VELOCITY_CELLS, velocityCells / 4 * 2), velocityReach);
    }

    /**
     * Half the position cells alone (steps and velocity cells kept): one of the phase-space solver's one-way checks,
     * null where fewer than a solve's least would remain.
     */
    public FokkerPlanckSettings halvedInPosition() {
        return cells / 2 < FokkerPlanckSolver.MIN_CELLS ? null
                : new FokkerPlanckSettings(cells / 2, timeSteps, timeOrder, new double[0], velocityCells, velocityReach);
    }

    /**
     * Half the velocity cells alone (kept even; position cells and steps kept): the other one-way check, null where
     * fewer than a solve's least would remain.
     */
    public FokkerPlanckSettings halvedInVelocity() {
        final int v = velocityCells / 4 * 2;
        return v < PhaseSpaceGrid.MIN_VELOCITY_CELLS ? null
                : new FokkerPlanckSettings(cells, timeSteps, timeOrder, new double[0], v, velocityReach);
    }

    /** Twice the cells and twice the steps. */
    public FokkerPlanckSettings refined() {
        return new FokkerPlanckSettings(2 * cells, 2 * timeSteps, timeOrder, snapshotFractions, 2 * velocityCells,
                velocityReach);
    }

    /** The time grid of a problem at these settings (protocol, then hold). */
    public TimeGrid grid(ErasureProblem problem) {
        return TimeGrid.of(problem.duration(), problem.holdTime(), problem.duration() / timeSteps);
    }

    /** Phase-space cell-steps of one solve at these settings, both bit densities counted (for progress). */
    public double phaseSpaceCellSteps(TimeGrid grid) {
        return 2.0 * cells * velocityCells * (grid.protocolSteps() + grid.holdSteps());
    }

    /** Cell-steps of one solve at these settings, both bit densities counted (for throughput). */
    public double cellSteps(TimeGrid grid) {
        return (timeOrder == 2 ? 3.0 : 1.0) * 2.0 * cells
                * (grid.protocolSteps() + FokkerPlanckSolver.holdSteps(grid.dt(), grid.protocolSteps(), grid.holdTime()));
    }

    @Override
    public String toString() {
        return cells + " cells, " + timeSteps + " steps, order " + timeOrder;
    }

    /** The phase-space grid in words: position by velocity cells and the steps (first order in the control steps). */
    public String phaseSpaceDescription() {
        return cells + " x " + velocityCells + " cells (x, v), " + timeSteps + " steps";
    }
}
