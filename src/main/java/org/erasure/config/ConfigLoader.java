package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.langevin.StabilityCheck;
import org.erasure.langevin.TimeStepTolerance;
import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.InitialState;
import org.erasure.model.TargetWell;
import org.erasure.rare.AmsSettings;
import org.erasure.physics.PhysicalUnits;
import org.erasure.protocol.Protocol;
import org.erasure.physics.Potential;

/**
 * Reads YAML configurations (SPEC 4.2), applies {@code key=value} overrides, and validates every
 * value, failing with a one-line {@link ConfigException} that names the file and the key.
 *
 * <p>Keys carry their unit: {@code tau} and {@code dt} are in τ_D, {@code tau_s} and {@code dt_s} in
 * seconds (only with a {@code physical} section giving the time scale), energies end in {@code _kT}.
 */
public final class ConfigLoader {

    /** Name of the embedded default configuration (a copy of configs/quick.yaml). */
    public static final String DEFAULT_RESOURCE = "/org/erasure/configs/quick.yaml";

    /** The largest configuration file read (bytes): a configuration is a few kB; a larger one is refused. */
    public static final long MAX_CONFIG_BYTES = 1L << 20;

    /** The largest protocol table read (bytes): 1e6 rows of two numbers. */
    public static final long MAX_TABLE_BYTES = 64L << 20;

    private ConfigLoader() {
    }

    /** Loads a configuration file and applies the overrides. */
    public static ErasureConfig load(Path file, List<String> overrides) {
        final String source = file.toString();
        final String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        final JsonNode tree = ConfigSources.fromRunRecord(source, readTree(file));
        for (String o : overrides) {
            ConfigSources.applyOverride(source, (ObjectNode) tree, o);
        }
        final Path dir = file.toAbsolutePath().getParent();
        return build(source, stem, tree, dir == null ? Path.of(".") : dir);
    }

    /** Loads the embedded default configuration and applies the overrides. */
    public static ErasureConfig loadDefault(List<String> overrides) {
        return parse("embedded default (configs/quick.yaml)", "quick", ConfigSources.resource(DEFAULT_RESOURCE),
                overrides);
    }

    /** Parses YAML text; {@code stem} names the run when the file has no {@code name}. */
    public static ErasureConfig parse(String source, String stem, String yaml, List<String> overrides) {
        final JsonNode tree = ConfigSources.readTree(source, yaml);
        for (String o : overrides) {
            ConfigSources.applyOverride(source, (ObjectNode) tree, o);
        }
        return build(source, stem, tree, Path.of("."));
    }

    /** Validates a configuration tree (a mapping) and builds the configuration; the tree is copied. */
    public static ErasureConfig fromTree(String source, String stem, JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(source + ": the configuration must be a mapping of keys to values");
        }
        return build(source, stem, tree.deepCopy(), Path.of("."));
    }

    /** A configuration embedded in the jar (configs/FILE, e.g. "cantilever.yaml"), with overrides. */
    public static ErasureConfig preset(String file, List<String> overrides) {
        return parse("embedded configs/" + file, file.replace(".yaml", ""),
                ConfigSources.resource("/org/erasure/configs/" + file), overrides);
    }

    /** Reads a YAML file into a tree (for sweep files and bases). */
    public static JsonNode readTree(Path file) {
        return ConfigSources.readTree(file.toString(), ConfigSources.readConfigFile(file));
    }

    /** The embedded default configuration as a tree. */
    public static JsonNode defaultTree() {
        return ConfigSources.readTree("embedded default (configs/quick.yaml)", ConfigSources.resource(DEFAULT_RESOURCE));
    }

    /** Sets a dotted key in a configuration tree to a YAML value ("key=value"). */
    public static void set(String source, ObjectNode tree, String assignment) {
        ConfigSources.applyOverride(source, tree, assignment);
    }

    /** Parses YAML text into a tree (a mapping), failing with one line that names the source. */
    static JsonNode parseTree(String source, String yaml) {
        return ConfigSources.readTree(source, yaml);
    }

    /** Sets a dotted key (creating sections) to a value; {@code what} names the origin in errors. */
    public static void setNode(ObjectNode root, String dottedKey, JsonNode value, String what) {
        ConfigSources.setNode(root, dottedKey, value, what);
    }

    /** @param baseDir folder against which relative file names (protocol tables) are resolved */
    private static ErasureConfig build(String source, String stem, JsonNode tree, Path baseDir) {
        final ConfigNode root = new ConfigNode(source, "", tree);
        final String name = root.text("name", stem);
        if (!name.matches("[A-Za-z0-9._-]+") || name.matches("\\.+")) {
            throw root.error("'name' may hold only letters, digits, '.', '_' and '-' (and is not '.' or '..': it "
                    + "names a folder under results/), got '" + name + "'");
        }
        final double temperature = root.number("temperature_K", 300);
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw root.error("'temperature_K' must be positive, got " + temperature);
        }
        final PhysicalUnits units = ProblemSections.readUnits(root.child("physical"), temperature);

        final ConfigNode potNode = root.child("potential");
        final FieldTable field = ProblemSections.readField(potNode, baseDir);
        final Potential potential = field != null ? field.field() : ProblemSections.readPotential(potNode);

        final ConfigNode proto = root.child("protocol");
        final double tau = ProblemSections.readTime(proto, "tau", units, true);
        final Protocol protocol = ProblemSections.readProtocol(proto, potential, tau, baseDir, field);
        final TargetWell target = ProblemSections.enumValue(proto, "target", "right", ConfigWords::target);
        double hold = ProblemSections.readTime(proto, "hold", units, false);
        hold = Double.isNaN(hold) ? 0 : hold;
        proto.finish();

        final ConfigNode dyn = root.child("dynamics");
        final String model = dyn.text("model", "overdamped");
        if (!model.equals("overdamped") && !model.equals("underdamped")) {
            throw dyn.error("'" + dyn.key("model") + "' must be overdamped or underdamped, got '" + model + "'");
        }
        final boolean underdamped = model.equals("underdamped");
        final Integrator integrator = ProblemSections.enumValue(dyn, "integrator", underdamped ? "baoab" : "heun", ConfigWords::integrator);
        if (integrator.underdamped() != underdamped) {
            throw dyn.error("'" + dyn.key("integrator") + "' = " + integrator.key() + " does not integrate " + model
                    + " dynamics (overdamped: euler, heun; underdamped: baoab)");
        }
        double mass = Double.NaN;
        if (underdamped) {
            if (dyn.has("mass") && units.reducedMass() > 0) {
                throw dyn.error("give either '" + dyn.key("mass") + "' or a physical mass (physical.mass_kg or "
                        + "physical.resonance_frequency_Hz and quality_factor), not both");
            }
            mass = dyn.has("mass") ? dyn.number("mass") : units.reducedMass();
            if (!(mass > 0) || Double.isInfinite(mass)) {
                throw dyn.error("underdamped dynamics needs '" + dyn.key("mass") + "' (reduced mass m kT/(gamma^2 x_m^2)) "
                        + "> 0, or physical.resonance_frequency_Hz and quality_factor");
            }
        } else if (dyn.has("mass")) {
            throw dyn.error("'" + dyn.key("mass") + "' applies to underdamped dynamics only");
        }
        // dt: auto picks the step from the problem (StabilityCheck.autoStartStep) and halves it while the time-step
        // error exceeds the tolerance (TimeStepRefinement); a number is honoured as given and judged
        final boolean autoDt = dyn.has("dt") && "auto".equals(dyn.text("dt", ""));
        if (autoDt && dyn.has("dt_s")) {
            throw dyn.error("give either '" + dyn.key("dt") + "' (auto or tau_D) or '" + dyn.key("dt_s")
                    + "' (seconds), not both");
        }
        final double dt = autoDt ? Double.NaN : ProblemSections.readTime(dyn, "dt", units, true);
        if (dt > tau) {
            throw dyn.error("'" + dyn.key("dt") + "' = " + dt + " tau_D is longer than the protocol (tau = " + tau + ")");
        }
        final TimeStepTolerance tolerance = EngineSections.readTolerance(dyn);
        dyn.finish();

        final InitialState initial = ProblemSections.readInitial(root.child("initial"));

        final EngineSections.Simulation sim = EngineSections.readSimulation(root.child("simulation"));
        final long seed = sim.seed();

        final ConfigNode fp = root.child("fokker_planck");
        final EngineSections.FokkerPlanck fpRead = EngineSections.readFokkerPlanck(fp, units, tau, autoDt, dt,
                underdamped);
        double fpDt = fpRead.dt();
        final ErasureProblem problem = new ErasureProblem(potential, protocol, hold, target, initial,
                underdamped ? Dynamics.underdamped(mass) : Dynamics.overdamped());
        final MonteCarloSettings given = new MonteCarloSettings(integrator, autoDt ? tau : dt, sim.trajectories(), seed, sim.workHistogram(),
                false, tolerance);
        final MonteCarloSettings mc = autoDt ? given.withAutoDt(problem) : given;
        if (!autoDt) {
            try {
                StabilityCheck.requireStable(problem, mc.grid(problem), source + ": '" + dyn.key("dt") + "'");
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        if (Double.isNaN(fpDt)) {
            // the phase-space solver takes a quarter of the Monte Carlo step: its control steps cost almost nothing
            // (the transport's sub-steps follow the cells), and its tails carry a first-order error in them
            // (the cantilever protocol in a 7.2 sqrt(kT/k) well, four periods, 300 x 160 cells at a velocity reach of
            // 10: eps 9.14e-13 at 400 steps, 7.65e-13 at 1600, with 15 638 and 16 171 sub-steps)
            fpDt = Math.max(underdamped ? mc.dt() / FokkerPlanckSettings.PHASE_SPACE_STEPS_PER_MONTE_CARLO_STEP
                    : mc.dt(), tau / FokkerPlanckSettings.DEFAULT_MAX_TIME_STEPS);
        }
        final long fpSteps = Math.max(2, Math.round(tau / fpDt));
        if (fpSteps > 100_000_000) {
            throw fp.error("the Fokker-Planck time step gives " + fpSteps + " steps over tau; at most 1e8");
        }
        final Optional<AmsSettings> rare = EngineSections.readRareEvent(root.child("rare_event"), seed);
        root.finish();
        return new ErasureConfig(new org.erasure.ErasureRun(name, units, problem, mc,
                new FokkerPlanckSettings(fpRead.cells(), fpSteps, fpRead.timeOrder(), fpRead.snapshots(),
                        fpRead.velocityCells(), fpRead.velocityReach()), rare),
                tree.deepCopy());
    }

}
