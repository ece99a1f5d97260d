package org.erasure.langevin;

import java.util.Objects;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TimeGrid;
import org.erasure.stats.Histogram;

/**
 * How the Langevin engine samples a problem: integrator, requested time step, trajectories, seed and
 * an optional work histogram. The step run is τ/round(τ/dt) ({@link #grid}).
 *
 * @param integrator    Euler–Maruyama or Heun (overdamped), BAOAB (underdamped)
 * @param dt            requested time step (τ_D), positive
 * @param trajectories  number of trajectories, positive
 * @param seed          base seed of the random streams
 * @param workHistogram template of the work histogram (kT), or null for none
 * @param autoDt        whether the step was chosen by {@code dt: auto}: dt is then the first step tried
 *                      ({@link StabilityCheck#autoStartStep}), halved while the time-step error exceeds the tolerance
 *                      ({@link TimeStepRefinement})
 * @param tolerance     the time-step error every run is judged against
 */
public record MonteCarloSettings(Integrator integrator, double dt, long trajectories, long seed,
                                 Histogram workHistogram, boolean autoDt, TimeStepTolerance tolerance) {

    /** A given step (not auto), the default tolerance. */
    public MonteCarloSettings(Integrator integrator, double dt, long trajectories, long seed, Histogram workHistogram) {
        this(integrator, dt, trajectories, seed, workHistogram, false, TimeStepTolerance.defaults());
    }

    public MonteCarloSettings {
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(tolerance, "tolerance");
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be positive and finite, got " + dt);
        }
        if (trajectories <= 0) {
            throw new IllegalArgumentException("trajectories must be positive, got " + trajectories);
        }
    }

    /** The default integrator of a problem's dynamics (Heun overdamped, BAOAB underdamped), no histogram. */
    public static MonteCarloSettings of(ErasureProblem problem, double dt, long trajectories, long seed) {
        return new MonteCarloSettings(problem.dynamics().isUnderdamped() ? Integrator.BAOAB : Integrator.HEUN, dt,
                trajectories, seed, null);
    }

    /** The grid run on a problem: τ/round(τ/dt), the hold on the same step. */
    public TimeGrid grid(ErasureProblem problem) {
        return TimeGrid.of(problem, dt);
    }

    /**
     * The run of a problem, after checking that the integrator fits its dynamics and that the step run
     * is stable ({@link StabilityCheck}).
     */
    public LangevinRun run(ErasureProblem problem) {
        final TimeGrid grid = grid(problem);
        final double largestStable = StabilityCheck.requireStable(problem, grid, "the time step");
        // the coupled twin runs at twice the step; where that is unstable the time-step error cannot be estimated
        // this way, and the run says so (TimeStepError.of gives null)
        return new LangevinRun(problem, integrator, grid, trajectories, seed, workHistogram,
                2 * grid.dt() < largestStable);
    }

    /** The same settings with the step chosen by {@code dt: auto} for this problem. */
    public MonteCarloSettings withAutoDt(ErasureProblem problem) {
        return new MonteCarloSettings(integrator, StabilityCheck.autoStartStep(problem), trajectories, seed,
                workHistogram, true, tolerance);
    }

    /** The same settings with a given step (not auto). */
    public MonteCarloSettings withDt(double step) {
        return new MonteCarloSettings(integrator, step, trajectories, seed, workHistogram, false, tolerance);
    }

}
