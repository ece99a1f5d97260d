package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import org.erasure.ErasureRun;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.rare.AmsSettings;

/**
 * A validated erasure configuration (SPEC 4.2): the run it describes ({@link ErasureRun}: the problem, how each engine
 * is to solve it, the physical units) and the configuration tree it was read from. Built only by
 * {@link ConfigLoader}; {@link #tree()} is the exact configuration after command-line overrides, as recorded in
 * run.json. Runs no engine: the commands hand {@link #run()} to {@link org.erasure.Erasure}.
 *
 * @param run  the run, typed and resolved
 * @param tree the configuration as read, overrides applied
 */
public record ErasureConfig(ErasureRun run, JsonNode tree) {

    public ErasureConfig {
        Objects.requireNonNull(run);
        Objects.requireNonNull(tree);
    }

    /** Run name; the default output folder is results/&lt;name&gt;/. */
    public String name() { return run.name(); }
    public PhysicalUnits units() { return run.units(); }
    public ErasureProblem problem() { return run.problem(); }
    public MonteCarloSettings monteCarlo() { return run.monteCarlo(); }
    public FokkerPlanckSettings fokkerPlanck() { return run.fokkerPlanck(); }
    public Optional<AmsSettings> rareEvent() { return run.rareEvent(); }
    public Potential potential() { return run.potential(); }
    public Protocol protocol() { return run.protocol(); }
    public TargetWell target() { return run.problem().target(); }
    public long seed() { return run.monteCarlo().seed(); }
}
