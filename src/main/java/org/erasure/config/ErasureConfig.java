package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.Potential;
import org.erasure.rare.AmsSettings;
import org.erasure.protocol.Protocol;

/**
 * A validated erasure configuration (SPEC 4.2): the problem, how each engine is to solve it, and the
 * physical units it maps to. Built only by {@link ConfigLoader}; {@link #tree()} is the exact configuration
 * after command-line overrides, as recorded in run.json. Runs no engine: the commands hand
 * {@link #problem()} and the settings to {@link org.erasure.Erasure}.
 *
 * @param name         run name; the default output folder is results/&lt;name&gt;/
 * @param units        temperature and, optionally, SI length and time scales
 * @param problem      potential, protocol, hold, target, initial state, dynamics
 * @param monteCarlo   integrator, time step, trajectories, seed, work histogram
 * @param fokkerPlanck cells, time steps, time order, density snapshots
 * @param rareEvent    adaptive multilevel splitting for the error probability (rare_event.method = ams), or empty
 * @param tree         the configuration as read, overrides applied
 */
public record ErasureConfig(String name, PhysicalUnits units, ErasureProblem problem, MonteCarloSettings monteCarlo,
                            FokkerPlanckSettings fokkerPlanck, Optional<AmsSettings> rareEvent, JsonNode tree) {

    public ErasureConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(units);
        Objects.requireNonNull(problem);
        Objects.requireNonNull(monteCarlo);
        Objects.requireNonNull(fokkerPlanck);
        Objects.requireNonNull(rareEvent);
        Objects.requireNonNull(tree);
    }

    public Potential potential() { return problem.potential(); }
    public Protocol protocol() { return problem.protocol(); }
    public TargetWell target() { return problem.target(); }
    public long seed() { return monteCarlo.seed(); }

    /** The run without its configuration tree: what the result writers of {@code io} describe. */
    public org.erasure.ErasureRun run() {
        return new org.erasure.ErasureRun(name, units, problem, monteCarlo, fokkerPlanck, rareEvent);
    }
}
