package org.erasure;

import java.util.Objects;
import java.util.Optional;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.rare.AmsSettings;

/**
 * One erasure run as asked, resolved and typed: what the configuration layer builds from a YAML file and what the
 * result writers describe. It holds no configuration words and no file: {@code config.ErasureConfig#run()} gives it.
 *
 * @param name         run name; the default output folder is results/&lt;name&gt;/
 * @param units        temperature and, optionally, SI length and time scales
 * @param problem      potential, protocol, hold, target, initial state, dynamics
 * @param monteCarlo   integrator, time step (or auto), trajectories, seed, work histogram, time-step tolerance
 * @param fokkerPlanck cells, time steps, time order, density snapshots
 * @param rareEvent    adaptive multilevel splitting for the error probability, or empty
 */
public record ErasureRun(String name, PhysicalUnits units, ErasureProblem problem, MonteCarloSettings monteCarlo,
                         FokkerPlanckSettings fokkerPlanck, Optional<AmsSettings> rareEvent) {

    public ErasureRun {
        Objects.requireNonNull(name);
        Objects.requireNonNull(units);
        Objects.requireNonNull(problem);
        Objects.requireNonNull(monteCarlo);
        Objects.requireNonNull(fokkerPlanck);
        Objects.requireNonNull(rareEvent);
    }

    public Potential potential() { return problem.potential(); }
    public Protocol protocol() { return problem.protocol(); }

    /** Cells of the Fokker–Planck grid. */
    public int fokkerPlanckCells() { return fokkerPlanck.cells(); }

    /** The phase-space grid's velocity bound in thermal velocities (fokker_planck.velocity_reach). */
    public double velocityReach() { return fokkerPlanck.velocityReach(); }

    /** Trajectories of the Monte Carlo run. */
    public long trajectories() { return monteCarlo.trajectories(); }
}
