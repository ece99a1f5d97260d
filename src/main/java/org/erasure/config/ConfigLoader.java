package org.erasure.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import org.erasure.physics.HarmonicTrap;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.PiecewiseHarmonicWell;
import org.erasure.protocol.Protocol;
import org.erasure.protocol.TableProtocol;
import org.erasure.physics.Potential;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.Histogram;

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

    /** YAML's spellings of NaN and infinity, which the parser reports as malformed numbers. */
    private static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("(?i)'([-+]?\\.(?:nan|inf|infinity))'");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigLoader() {
    }

    /** Loads a configuration file and applies the overrides. */
    public static ErasureConfig load(Path file, List<String> overrides) {
        final String source = file.toString();
        final String text = readConfigFile(file);
        final String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        final JsonNode tree = fromRunRecord(source, readTree(source, text));
        for (String o : overrides) {
            applyOverride(source, (ObjectNode) tree, o);
        }
        final Path dir = file.toAbsolutePath().getParent();
        return build(source, stem, tree, dir == null ? Path.of(".") : dir);
    }

    /**
     * A run record (the run.json of simulate or fokker-planck) given as a configuration: its {@code configuration},
     * the exact configuration of that run after overrides, seed included, so that --config DIR/run.json reruns it (a
     * relative protocol.file is then read from the record's folder). Any other tree is returned as it is.
     */
    private static JsonNode fromRunRecord(String source, JsonNode tree) {
        if (tree == null || !tree.isObject() || !tree.has("command") || !tree.has("versions")) {
            return tree;
        }
        final JsonNode c = tree.get("configuration");
        if (c == null || !c.isObject()) {
            throw new ConfigException(source + ": a run record of '" + tree.get("command").asText() + "' holds no "
                    + "erasure configuration (the run.json of simulate and fokker-planck do)");
        }
        return c.deepCopy();
    }

    /** Loads the embedded default configuration and applies the overrides. */
    public static ErasureConfig loadDefault(List<String> overrides) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded default configuration missing from the jar");
            }
            return parse("embedded default (configs/quick.yaml)", "quick",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), overrides);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses YAML text; {@code stem} names the run when the file has no {@code name}. */
    public static ErasureConfig parse(String source, String stem, String yaml, List<String> overrides) {
        final JsonNode tree = readTree(source, yaml);
        for (String o : overrides) {
            applyOverride(source, (ObjectNode) tree, o);
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

    /** Reads a YAML file into a tree (for sweep files and bases). */
    /** A configuration embedded in the jar (configs/FILE, e.g. "cantilever.yaml"), with overrides. */
    public static ErasureConfig preset(String file, List<String> overrides) {
        try (java.io.InputStream in = ConfigLoader.class.getResourceAsStream("/org/erasure/configs/" + file)) {
            if (in == null) {
                throw new IllegalStateException("configs/" + file + " missing from the jar");
            }
            return parse("embedded configs/" + file, file.replace(".yaml", ""),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), overrides);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static JsonNode readTree(Path file) {
        return readTree(file.toString(), readConfigFile(file));
    }

    /** The largest configuration file read (bytes): a configuration is a few kB; a larger one is refused. */
    public static final long MAX_CONFIG_BYTES = 1L << 20;

    /** The largest protocol table read (bytes): 1e6 rows of two numbers. */
    public static final long MAX_TABLE_BYTES = 64L << 20;

    /** A configuration file's text, or a one-line ConfigException. */
    private static String readConfigFile(Path file) {
        try {
            return readInput(file, MAX_CONFIG_BYTES, "a configuration");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The text of an input file, refused in one line before it is read when it is not a regular file (a FIFO would
     * block for ever, /dev/zero fill the memory) or is larger than {@code maxBytes}.
     */
    private static String readInput(Path file, long maxBytes, String what) {
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": cannot read file: not a regular file (a folder, FIFO or "
                        + "device); give " + what + " file");
            }
            final long size = Files.size(file);
            if (size > maxBytes) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s: %.3g MB, more than the %.3g "
                        + "MB %s file may have", file, size / 1e6, maxBytes / 1e6, what));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + (what.equals("a protocol table") ? ": no such protocol table file"
                    : ": no such file"));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read file (" + e.getMessage() + ")");
        }
    }

    /** The embedded default configuration as a tree. */
    public static JsonNode defaultTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return readTree("embedded default (configs/quick.yaml)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a dotted key in a configuration tree to a YAML value ("key=value"). */
    public static void set(String source, ObjectNode tree, String assignment) {
        applyOverride(source, tree, assignment);
    }

    /** Parses YAML text into a tree (a mapping), failing with one line that names the source. */
    static JsonNode parseTree(String source, String yaml) {
        return readTree(source, yaml);
    }

    private static JsonNode readTree(String source, String yaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            final String loc = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            final java.util.regex.Matcher nonFinite = NON_FINITE.matcher(e.getOriginalMessage());
            if (nonFinite.find()) {
                throw new ConfigException(source + loc + ": '" + nonFinite.group(1) + "' is not a finite number; every "
                        + "value must be one");
            }
            throw new ConfigException(source + ": malformed YAML" + loc + ": " + e.getOriginalMessage().split("\n")[0]);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(source + ": the configuration is empty");
        }
        if (!tree.isObject()) {
            throw new ConfigException(source + ": the configuration must be a mapping of keys to values");
        }
        return tree;
    }

    private static void applyOverride(String source, ObjectNode root, String assignment) {
        final int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + assignment + ": expected key=value");
        }
        final String valueText = assignment.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = YAML.readTree(valueText.isEmpty() ? "\"\"" : valueText);
        } catch (JsonProcessingException e) {
            if (valueText.matches("(?i)[-+]?\\.(nan|inf|infinity)")) {
                throw new ConfigException("--set " + assignment + ": '" + valueText + "' is not a finite number; every "
                        + "value must be one");
            }
            throw new ConfigException("--set " + assignment + ": value is not valid YAML");
        }
        setNode(root, assignment.substring(0, eq).trim(), value, "--set " + assignment);
    }

    /** Sets a dotted key (creating sections) to a value; {@code what} names the origin in errors. */
    public static void setNode(ObjectNode root, String dottedKey, JsonNode value, String what) {
        if (!dottedKey.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
            throw new ConfigException(what + ": '" + dottedKey + "' is not a configuration key (names of letters, "
                    + "digits and '_' joined by '.', e.g. protocol.tau)");
        }
        final String[] path = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = node.get(path[i]);
            if (next == null || next.isNull()) {
                next = node.putObject(path[i]);
            } else if (!next.isObject()) {
                throw new ConfigException(what + ": '" + path[i] + "' is not a section");
            }
            node = (ObjectNode) next;
        }
        node.set(path[path.length - 1], value);
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
        final PhysicalUnits units = readUnits(root.child("physical"), temperature);

        final Potential potential = readPotential(root.child("potential"));

        final ConfigNode proto = root.child("protocol");
        final double tau = readTime(proto, "tau", units, true);
        final Protocol protocol = readProtocol(proto, potential, tau, baseDir);
        final TargetWell target = enumValue(proto, "target", "right", ConfigWords::target);
        double hold = readTime(proto, "hold", units, false);
        hold = Double.isNaN(hold) ? 0 : hold;
        proto.finish();

        final ConfigNode dyn = root.child("dynamics");
        final String model = dyn.text("model", "overdamped");
        if (!model.equals("overdamped") && !model.equals("underdamped")) {
            throw dyn.error("'" + dyn.key("model") + "' must be overdamped or underdamped, got '" + model + "'");
        }
        final boolean underdamped = model.equals("underdamped");
        final Integrator integrator = enumValue(dyn, "integrator", underdamped ? "baoab" : "heun", ConfigWords::integrator);
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
        final double dt = autoDt ? Double.NaN : readTime(dyn, "dt", units, true);
        if (dt > tau) {
            throw dyn.error("'" + dyn.key("dt") + "' = " + dt + " tau_D is longer than the protocol (tau = " + tau + ")");
        }
        final TimeStepTolerance tolerance = readTolerance(dyn);
        dyn.finish();

        final ConfigNode init = root.child("initial");
        InitialState initial = InitialState.equilibrium();
        if (init.has("position")) {
            final String p = init.text("position");
            if (!p.equals("equilibrium")) {
                final double x0 = init.number("position");
                if (!Double.isFinite(x0)) {
                    throw init.error("'" + init.key("position") + "' must be 'equilibrium' or a finite number (x_m)");
                }
                initial = InitialState.at(x0);
            }
        }
        init.finish();

        final ConfigNode sim = root.child("simulation");
        final long trajectories = sim.integer("trajectories", 10_000);
        if (trajectories <= 0) {
            throw sim.error("'" + sim.key("trajectories") + "' must be positive, got " + trajectories);
        }
        final long seed = sim.integer("seed", 1);
        Histogram hist = null;
        if (sim.has("work_histogram")) {
            final ConfigNode h = sim.child("work_histogram");
            final double min = h.number("min_kT");
            final double max = h.number("max_kT");
            final long bins = h.integer("bins", 100);
            if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min) || bins <= 0 || bins > 1_000_000) {
                throw h.error("'simulation.work_histogram' needs finite min_kT < max_kT and 0 < bins <= 1e6, got "
                        + "min_kT = " + min + ", max_kT = " + max + ", bins = " + bins);
            }
            h.finish();
            hist = new Histogram(min, max, (int) bins);
        }
        sim.finish();

        final ConfigNode fp = root.child("fokker_planck");
        final long cells = fp.integer("cells", 2000);
        if (cells < 40 || cells > FokkerPlanckSettings.MAX_CELLS) {
            throw fp.error("'" + fp.key("cells") + "' must lie in [40, 1e7], got " + cells);
        }
        double fpDt = readTime(fp, "dt", units, false);
        if (fp.has("time_steps")) {
            if (!Double.isNaN(fpDt)) {
                throw fp.error("give either '" + fp.key("dt") + "' or '" + fp.key("time_steps") + "', not both");
            }
            final long steps = fp.integer("time_steps", 0);
            if (steps < 1 || steps > 100_000_000) {
                throw fp.error("'" + fp.key("time_steps") + "' must lie in [1, 1e8], got " + steps);
            }
            fpDt = tau / steps;
        }
        if (Double.isNaN(fpDt)) {
            // the Monte Carlo step, but no finer than tau / DEFAULT_MAX_TIME_STEPS: the implicit scheme needs no
            // stability margin, and the numerical error reported beside every value says whether it suffices
            // (with dt: auto, the step auto starts from; set below, once the problem is known)
            fpDt = autoDt ? Double.NaN : Math.max(dt, tau / FokkerPlanckSettings.DEFAULT_MAX_TIME_STEPS);
        }
        double[] snapshots = {0, 0.25, 0.5, 0.75, 1};
        if (fp.has("snapshots")) {
            final JsonNode sn = fp.raw("snapshots");
            if (!sn.isArray() || sn.isEmpty() || sn.size() > 100) {
                throw fp.error("'" + fp.key("snapshots") + "' must be a list of 1 to 100 fractions of tau in [0, 1]");
            }
            snapshots = new double[sn.size()];
            for (int i = 0; i < sn.size(); i++) {
                snapshots[i] = sn.get(i).asDouble(Double.NaN);
                if (!sn.get(i).isNumber() || !(snapshots[i] >= 0 && snapshots[i] <= 1)) {
                    throw fp.error("'" + fp.key("snapshots") + "' must hold fractions of tau in [0, 1], got '"
                            + sn.get(i).asText() + "'");
                }
            }
        }
        final long order = fp.integer("time_order", 2);
        if (order != 1 && order != 2) {
            throw fp.error("'" + fp.key("time_order") + "' must be 1 (backward Euler) or 2 (Richardson), got " + order);
        }
        fp.finish();
        final ErasureProblem problem = new ErasureProblem(potential, protocol, hold, target, initial,
                underdamped ? Dynamics.underdamped(mass) : Dynamics.overdamped());
        final MonteCarloSettings given = new MonteCarloSettings(integrator, autoDt ? tau : dt, trajectories, seed, hist,
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
            fpDt = Math.max(mc.dt(), tau / FokkerPlanckSettings.DEFAULT_MAX_TIME_STEPS);
        }
        final long fpSteps = Math.max(2, Math.round(tau / fpDt));
        if (fpSteps > 100_000_000) {
            throw fp.error("the Fokker-Planck time step gives " + fpSteps + " steps over tau; at most 1e8");
        }
        final Optional<AmsSettings> rare = readRareEvent(root.child("rare_event"), seed);
        root.finish();
        return new ErasureConfig(name, units, problem, mc,
                new FokkerPlanckSettings((int) cells, fpSteps, (int) order, snapshots), rare, tree.deepCopy());
    }

    /**
     * rare_event: {method: none | ams, replicas, kill_fraction, repetitions, score: auto | committor | distance,
     * score_power}; 'auto' is the committor.
     */
    private static Optional<AmsSettings> readRareEvent(ConfigNode re, long seed) {
        final String method = re.text("method", "none");
        if (method.equals("none")) {
            re.finish();
            return Optional.empty();
        }
        if (!method.equals("ams")) {
            throw re.error("'" + re.key("method") + "' must be none or ams (adaptive multilevel splitting), got '"
                    + method + "'");
        }
        final long replicas = re.integer("replicas", AmsSettings.DEFAULT_REPLICAS);
        final double kill = re.number("kill_fraction", AmsSettings.DEFAULT_KILL_FRACTION);
        final long repetitions = re.integer("repetitions", AmsSettings.DEFAULT_REPETITIONS);
        final String scoreName = re.text("score", "auto");
        final double power = re.number("score_power", Score.DEFAULT_POWER);
        re.finish();
        final Score score;
        switch (scoreName) {
            case "auto":
                score = Score.auto();
                break;
            case "committor":
                score = Score.committor();
                break;
            case "distance":
                score = Score.timeWeightedDistance(power);
                break;
            case "phase-space":
                score = Score.phaseSpaceCommittor();
                break;
            default:
                throw re.error("'" + re.key("score") + "' must be auto, committor, phase-space or distance, got '"
                        + scoreName + "'");
        }
        if (replicas > 1_000_000 || repetitions > 1_000_000) {
            throw re.error("'" + re.key("replicas") + "' and '" + re.key("repetitions") + "' must be at most 1e6");
        }
        try {
            return Optional.of(new AmsSettings((int) replicas, kill, (int) repetitions, seed, score,
                    AmsSettings.DEFAULT_MAX_ITERATIONS));
        } catch (IllegalArgumentException e) {
            throw re.error("'rare_event': " + e.getMessage());
        }
    }

    private static PhysicalUnits readUnits(ConfigNode phys, double temperature) {
        final boolean massive = phys.has("mass_kg") || phys.has("friction_kg_per_s");
        final boolean bead = phys.has("viscosity_Pa_s") || phys.has("bead_radius_um")
                || (phys.has("well_half_distance_um") && !massive);
        final boolean oscillator = phys.has("resonance_frequency_Hz") || phys.has("quality_factor");
        if ((bead ? 1 : 0) + (oscillator ? 1 : 0) + (massive ? 1 : 0) > 1) {
            throw phys.error("'physical' describes one of: a bead (viscosity_Pa_s, bead_radius_um, well_half_distance_um), "
                    + "an oscillator (resonance_frequency_Hz, quality_factor), or a mass and a friction (mass_kg, "
                    + "friction_kg_per_s, well_half_distance_um)");
        }
        if (massive) {
            final double m = positive(phys, "mass_kg");
            final double g = positive(phys, "friction_kg_per_s");
            final double xm = positive(phys, "well_half_distance_um");
            phys.finish();
            return PhysicalUnits.massAndFriction(temperature, m, g, xm * 1e-6);
        }
        if (oscillator) {
            final double f0 = positive(phys, "resonance_frequency_Hz");
            final double q = positive(phys, "quality_factor");
            phys.finish();
            return PhysicalUnits.oscillator(temperature, f0, q);
        }
        if (!bead) {
            phys.finish();
            return PhysicalUnits.thermal(temperature);
        }
        final double eta = positive(phys, "viscosity_Pa_s");
        final double radius = positive(phys, "bead_radius_um");
        final double xm = positive(phys, "well_half_distance_um");
        phys.finish();
        return PhysicalUnits.stokesBead(temperature, eta, radius * 1e-6, xm * 1e-6);
    }

    private static double positive(ConfigNode n, String key) {
        final double v = n.number(key);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw n.error("'" + n.key(key) + "' must be positive, got " + v);
        }
        return v;
    }

    private static Potential readPotential(ConfigNode pot) {
        final String type = pot.text("type", "quartic");
        switch (type) {
            case "quartic": {
                final double barrier = pot.number("barrier_kT");
                if (!(barrier > 0) || Double.isInfinite(barrier)) {
                    throw pot.error("'" + pot.key("barrier_kT") + "' must be positive, got " + barrier);
                }
                pot.finish();
                return QuarticDoubleWell.of(barrier);
            }
            case "harmonic":
                pot.finish();
                return HarmonicTrap.of();
            case "piecewise-harmonic":
                pot.finish();
                return PiecewiseHarmonicWell.of();
            default:
                throw pot.error("'" + pot.key("type") + "' = '" + type
                        + "' is not a known potential (known: quartic, piecewise-harmonic, harmonic)");
        }
    }

    private static Protocol readProtocol(ConfigNode proto, Potential potential, double tau, Path baseDir) {
        final String type = proto.text("type", "four-step");
        final Protocol protocol;
        switch (type) {
            case "four-step": {
                if (!(potential instanceof QuarticDoubleWell)) {
                    throw proto.error("the four-step protocol drives the quartic double well; use keyframes for "
                            + potential);
                }
                final double gMin = proto.number("g_min", 0);
                if (!(gMin >= 0 && gMin <= 1)) {
                    throw proto.error("'" + proto.key("g_min") + "' must lie in [0, 1], got " + gMin);
                }
                final double fMax = proto.number("F_max_kT");
                if (!Double.isFinite(fMax)) {
                    throw proto.error("'" + proto.key("F_max_kT") + "' must be finite");
                }
                protocol = KeyframeProtocol.fourStep(tau, gMin, fMax);
                break;
            }
            case "keyframes": {
                final List<double[]> rows = proto.rows("keyframes");
                final int n = rows.size();
                final double[] s = new double[n];
                final double[] c0 = new double[n];
                final double[] c1 = new double[n];
                final String[] names = potential.controlNames();
                for (int i = 0; i < n; i++) {
                    final double[] r = rows.get(i);
                    if (r.length != 3) {
                        throw proto.error("'" + proto.key("keyframes") + "' row " + (i + 1)
                                + " must have 3 values [t/tau, " + names[0] + ", " + names[1] + "], got " + r.length);
                    }
                    s[i] = r[0];
                    c0[i] = r[1];
                    c1[i] = r[2];
                    if (!(s[i] >= 0 && s[i] <= 1)) {
                        throw proto.error("'" + proto.key("keyframes") + "' row " + (i + 1) + ": t/tau = " + s[i]
                                + " is outside [0, 1]");
                    }
                    if (i > 0 && !(s[i] > s[i - 1])) {
                        throw proto.error("'" + proto.key("keyframes") + "' times must increase: row " + (i + 1)
                                + " has t/tau = " + s[i] + " after " + s[i - 1]);
                    }
                    try {
                        potential.validateControls(c0[i], c1[i]);
                    } catch (IllegalArgumentException e) {
                        throw proto.error("'" + proto.key("keyframes") + "' row " + (i + 1) + ": " + e.getMessage());
                    }
                }
                protocol = KeyframeProtocol.of(tau, s, c0, c1);
                break;
            }
            case "table": {
                final String file = proto.text("file");
                final Path path = baseDir.resolve(file);
                final String timing = proto.text("timing", "samples");
                if (!timing.equals("samples") && !timing.equals("intervals")) {
                    throw proto.error("'" + proto.key("timing") + "' must be samples or intervals, got '" + timing + "'");
                }
                final boolean intervals = timing.equals("intervals");
                final String interp = proto.text("interpolation", intervals ? "constant" : "linear");
                if (!interp.equals("linear") && !interp.equals("constant")) {
                    throw proto.error("'" + proto.key("interpolation") + "' must be linear or constant, got '" + interp + "'");
                }
                if (intervals && !interp.equals("constant")) {
                    throw proto.error("'" + proto.key("timing") + "' = intervals holds each row over its interval; "
                            + "'" + proto.key("interpolation") + "' must be constant");
                }
                final double[] start = pair(proto, "start", potential);
                final double[] end = pair(proto, "end", potential);
                final List<double[]> rows;
                try {
                    rows = ProtocolTableReader.parse(path.toString(), readTable(path));
                    for (double[] r : rows) {
                        potential.validateControls(r[0], r[1]);
                    }
                } catch (IllegalArgumentException e) {
                    throw proto.error("'" + proto.key("file") + "': " + e.getMessage());
                }
                protocol = intervals ? TableProtocol.intervals(tau, rows, start, end)
                        : TableProtocol.of(tau, rows, start, end, interp.equals("linear"));
                break;
            }
            default:
                throw proto.error("'" + proto.key("type") + "' = '" + type
                        + "' is not a known protocol (known: four-step, keyframes, table)");
        }
        return protocol;
    }

    private static List<String> readTable(Path file) {
        return readInput(file, MAX_TABLE_BYTES, "a protocol table").lines().toList();
    }

    /** A pair [c0, c1] of admissible control values. */
    private static double[] pair(ConfigNode node, String key, Potential potential) {
        final List<double[]> rows;
        final com.fasterxml.jackson.databind.JsonNode raw = node.raw(key);
        if (raw == null || !raw.isArray() || raw.size() != 2 || !raw.get(0).isNumber() || !raw.get(1).isNumber()) {
            throw node.error("'" + node.key(key) + "' must be a pair [" + potential.controlNames()[0] + ", "
                    + potential.controlNames()[1] + "]");
        }
        final double[] v = {raw.get(0).asDouble(), raw.get(1).asDouble()};
        try {
            potential.validateControls(v[0], v[1]);
        } catch (IllegalArgumentException e) {
            throw node.error("'" + node.key(key) + "': " + e.getMessage());
        }
        return v;
    }

    /** dynamics.timestep_tolerance: {error_rate_relative (default 0.1), energy_kT (default 1e-3)}. */
    private static TimeStepTolerance readTolerance(ConfigNode dyn) {
        if (!dyn.has("timestep_tolerance")) {
            return TimeStepTolerance.defaults();
        }
        final ConfigNode t = dyn.child("timestep_tolerance");
        final double rel = t.number("error_rate_relative", TimeStepTolerance.DEFAULT_ERROR_RATE_RELATIVE);
        final double energy = t.number("energy_kT", TimeStepTolerance.DEFAULT_ENERGY_KT);
        t.finish();
        try {
            return new TimeStepTolerance(rel, energy);
        } catch (IllegalArgumentException e) {
            throw t.error("'" + dyn.key("timestep_tolerance") + "': " + e.getMessage());
        }
    }

    /** A time given as key (τ_D) or key_s (seconds, needs the physical time scale); positive. */
    private static double readTime(ConfigNode node, String key, PhysicalUnits units, boolean required) {
        final boolean reduced = node.has(key);
        final boolean seconds = node.has(key + "_s");
        if (reduced && seconds) {
            throw node.error("give either '" + node.key(key) + "' (tau_D) or '" + node.key(key + "_s")
                    + "' (seconds), not both");
        }
        final double value;
        final String used;
        if (seconds) {
            if (!units.hasTimeScale()) {
                throw node.error("'" + node.key(key + "_s") + "' needs a 'physical' section (viscosity_Pa_s, "
                        + "bead_radius_um, well_half_distance_um) to convert seconds to tau_D");
            }
            used = node.key(key + "_s");
            value = node.number(key + "_s") / units.timeUnitS();
        } else if (reduced) {
            used = node.key(key);
            value = node.number(key);
        } else if (required) {
            throw node.error("missing required key '" + node.key(key) + "' (or '" + node.key(key + "_s") + "')");
        } else {
            return Double.NaN;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw node.error("'" + used + "' must be positive and finite, got " + value);
        }
        return value;
    }

    private static <E> E enumValue(ConfigNode node, String key, String fallback,
                                   java.util.function.Function<String, E> parse) {
        final String v = node.text(key, fallback);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw node.error("'" + node.key(key) + "': " + e.getMessage());
        }
    }
}
