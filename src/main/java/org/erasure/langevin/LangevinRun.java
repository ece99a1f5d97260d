package org.erasure.langevin;

import java.util.Objects;
import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.InitialState;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.stats.Histogram;

/**
 * A Monte Carlo run: the problem, and how the engine samples it (integrator, time grid, number of
 * trajectories, seed, optional work histogram). Immutable. The integrator must integrate the problem's
 * dynamics (Euler–Maruyama or Heun overdamped, BAOAB underdamped); the hold is run on the same grid.
 *
 * @param problem       the erasure problem
 * @param integrator    the time-stepping scheme
 * @param grid          the steps actually run (protocol, then hold)
 * @param trajectories  number of trajectories, positive
 * @param seed          base seed of the random streams
 * @param workHistogram template of the work histogram (kT), or null for none
 * @param timeStepError whether every trajectory is run a second time at twice the step on the sums of its own noise
 *                      increments (coupled paths), giving each value's time-step error at about half a run's cost
 *                      ({@link org.erasure.stats.TimeStepTally}); the fine paths' numbers are the same either way
 */
public record LangevinRun(ErasureProblem problem, Integrator integrator, TimeGrid grid, long trajectories, long seed,
                          Histogram workHistogram, boolean timeStepError) {

    /** A run with coupled paths at twice the step (the time-step error estimated). */
    public LangevinRun(ErasureProblem problem, Integrator integrator, TimeGrid grid, long trajectories, long seed,
                       Histogram workHistogram) {
        this(problem, integrator, grid, trajectories, seed, workHistogram, true);
    }

    public LangevinRun {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(grid, "grid");
        if (trajectories <= 0) {
            throw new IllegalArgumentException("trajectories must be positive, got " + trajectories);
        }
        if (integrator.underdamped() != problem.dynamics().isUnderdamped()) {
            throw new IllegalArgumentException(integrator.key() + " does not integrate " + problem.dynamics()
                    + " dynamics (overdamped: euler, heun; underdamped: baoab)");
        }
        if (Math.abs(grid.duration() - problem.duration()) > 1e-9 * problem.duration()) {
            throw new IllegalArgumentException("the time grid covers " + grid.duration() + " tau_D, the protocol "
                    + problem.duration());
        }
    }

    /** The run of a problem at a requested step (the grid is τ/round(τ/dt)), without a work histogram. */
    public static LangevinRun of(ErasureProblem problem, Integrator integrator, double dt, long trajectories,
                                 long seed) {
        return new LangevinRun(problem, integrator, TimeGrid.of(problem, dt), trajectories, seed, null);
    }

    /** An overdamped run from equilibrium, no hold: the common case of tests and experiments. */
    public static LangevinRun of(Potential potential, Protocol protocol, Integrator integrator, double dt,
                                 long trajectories, long seed) {
        return of(ErasureProblem.of(potential, protocol), integrator, dt, trajectories, seed);
    }

    public LangevinRun withTrajectories(long n) {
        return new LangevinRun(problem, integrator, grid, n, seed, workHistogram, timeStepError);
    }

    /** The same run with or without the coupled paths at twice the step. */
    public LangevinRun withTimeStepError(boolean on) {
        return new LangevinRun(problem, integrator, grid, trajectories, seed, workHistogram, on);
    }

    /** The same run on another grid (the same times at another step). */
    public LangevinRun withGrid(TimeGrid g) {
        return new LangevinRun(problem, integrator, g, trajectories, seed, workHistogram, timeStepError);
    }

    /** Reduced mass μ (underdamped), NaN when overdamped. */
    public double mass() {
        return problem.dynamics() instanceof Dynamics.Underdamped u ? u.mass() : Double.NaN;
    }

    /** The fixed start position, NaN for the equilibrium start. */
    public double fixedStart() {
        return problem.initial() instanceof InitialState.FixedPosition f ? f.x() : Double.NaN;
    }

    /** Time steps of the protocol. */
    public long steps() {
        return grid.protocolSteps();
    }

    /** Time steps of the hold after the protocol. */
    public long holdSteps() {
        return grid.holdSteps();
    }

    /** The time step actually used, τ / steps. */
    public double effectiveDt() {
        return grid.dt();
    }

    /** The hold as run (τ_D). */
    public double holdTime() {
        return grid.holdTime();
    }
}
