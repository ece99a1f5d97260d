package org.erasure.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.erasure.config.ConfigException;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;

/**
 * A parameter sweep (SPEC 4.1): a base configuration plus axes over any configuration keys, combined
 * as a grid (first axis slowest) or zipped. File format:
 * <pre>
 * name: sweep-tau
 * base: quick.yaml            # relative to this file; or base_config: {inline mapping}; default: embedded
 * engine: fp                  # mc, fp, both or ams (direct Monte Carlo for W and Q, splitting for eps)
 * zip: false
 * axes:
 *   - {key: protocol.tau, log: [1, 1000], points: 7}
 *   - {key: protocol.F_max_kT, values: [4, 8]}
 *   - {key: potential.barrier_kT, linear: [4, 12], points: 5}
 * </pre>
 * Every point's seed is derived from the base seed and the point's values (not its position in the
 * run), so results do not depend on sharding or order.
 */
public final class SweepSpec {

    /** Which engines run each point. */
    public enum Engine {
        MC, FP, BOTH, AMS;

        /** A direct Monte Carlo run (the work and heat; with AMS, the error comes from the splitting). */
        boolean mc() {
            return this != FP;
        }

        boolean fp() {
            return this == FP || this == BOTH;
        }
    }

    /** One axis: a configuration key and its values. */
    public record Axis(String key, List<JsonNode> values) {
    }

    /** One point of the sweep: its index in the full sweep and the values of every axis. */
    public record Point(int index, Map<String, JsonNode> values) {
        /** "key=value, ..." — also the input of the point's seed. */
        public String label() {
            final StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v.asText()));
            return sb.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_KEYS = Set.of("name", "base", "base_config", "engine", "zip", "axes");

    private final String name;
    private final String source;
    private final ObjectNode base;
    private final Engine engine;
    private final boolean zip;
    private final List<Axis> axes;
    private final List<Point> points;

    /** The most points a sweep may have (one point file each). */
    static final int MAX_POINTS = 1_000_000;

    private SweepSpec(String name, String source, ObjectNode base, Engine engine, boolean zip, List<Axis> axes) {
        this.name = name;
        this.source = source;
        this.base = base;
        this.engine = engine;
        this.zip = zip;
        this.axes = List.copyOf(axes);
        this.points = enumerate();
    }

    /**
     * Reads and validates a sweep file; every point's configuration is built once, so a bad value
     * anywhere fails before anything runs.
     *
     * @param engineOverride "mc", "fp", "both", "ams", or null to keep the file's
     * @param baseOverrides  key=value settings applied to the base configuration
     */
    public static SweepSpec load(Path file, String engineOverride, List<String> baseOverrides) {
        final String src = file.toString();
        final JsonNode root = ConfigLoader.readTree(file);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            final String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                throw new ConfigException(src + ": unknown key '" + k + "' (known: " + String.join(", ",
                        new java.util.TreeSet<>(TOP_KEYS)) + ")");
            }
        }
        final String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        final String name = root.hasNonNull("name") ? root.get("name").asText() : stem;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigException(src + ": 'name' may hold only letters, digits, '.', '_' and '-'");
        }
        final ObjectNode base;
        if (root.hasNonNull("base") && root.hasNonNull("base_config")) {
            throw new ConfigException(src + ": give either 'base' (a file) or 'base_config' (a mapping), not both");
        } else if (root.hasNonNull("base")) {
            final Path parent = file.toAbsolutePath().getParent();
            final JsonNode t = ConfigLoader.readTree(parent.resolve(root.get("base").asText()));
            base = (ObjectNode) t;
        } else if (root.hasNonNull("base_config")) {
            if (!root.get("base_config").isObject()) {
                throw new ConfigException(src + ": 'base_config' must be a mapping");
            }
            base = (ObjectNode) root.get("base_config").deepCopy();
        } else {
            base = (ObjectNode) ConfigLoader.defaultTree();
        }
        for (String o : baseOverrides) {
            ConfigLoader.set(src, base, o);
        }
        base.put("name", name);
        Engine engine;
        final String e = engineOverride != null ? engineOverride
                : root.hasNonNull("engine") ? root.get("engine").asText() : "fp";
        try {
            engine = Engine.valueOf(e.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(src + ": engine must be mc, fp, both or ams, got '" + e + "'");
        }
        final boolean zip = root.hasNonNull("zip") && root.get("zip").asBoolean();
        final JsonNode axesNode = root.get("axes");
        if (axesNode == null || !axesNode.isArray() || axesNode.isEmpty()) {
            throw new ConfigException(src + ": 'axes' must be a non-empty list");
        }
        final List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < axesNode.size(); i++) {
            axes.add(readAxis(src, i + 1, axesNode.get(i)));
        }
        if (zip) {
            final int n = axes.get(0).values().size();
            for (Axis a : axes) {
                if (a.values().size() != n) {
                    throw new ConfigException(src + ": zipped axes need equal lengths; '" + a.key() + "' has "
                            + a.values().size() + ", '" + axes.get(0).key() + "' has " + n);
                }
            }
        }
        final SweepSpec spec = new SweepSpec(name, src, base, engine, zip, axes);
        for (Point p : spec.points) {
            try {
                final ErasureConfig c = spec.configAt(p);
                if (spec.engine.fp()) {
                    org.erasure.fokkerplanck.FokkerPlanckEngine.requireSupported(c.problem());
                }
            } catch (ConfigException | org.erasure.model.UnsupportedProblemException ex) {
                throw new ConfigException(ex.getMessage() + " (sweep point " + p.index() + ": " + p.label() + ")");
            }
        }
        return spec;
    }

    private static Axis readAxis(String src, int number, JsonNode a) {
        final String where = src + ": axis " + number;
        if (a == null || !a.isObject() || !a.hasNonNull("key")) {
            throw new ConfigException(where + " must be a mapping with a 'key'");
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            final String k = it.next();
            if (!Set.of("key", "values", "linear", "log", "points").contains(k)) {
                throw new ConfigException(where + ": unknown key '" + k + "' (known: key, values, linear, log, points)");
            }
        }
        final String key = a.get("key").asText();
        final int kinds = (a.has("values") ? 1 : 0) + (a.has("linear") ? 1 : 0) + (a.has("log") ? 1 : 0);
        if (kinds != 1) {
            throw new ConfigException(where + " ('" + key + "') needs exactly one of values, linear, log");
        }
        final List<JsonNode> values = new ArrayList<>();
        if (a.has("values")) {
            final JsonNode v = a.get("values");
            if (!v.isArray() || v.isEmpty()) {
                throw new ConfigException(where + " ('" + key + "'): 'values' must be a non-empty list");
            }
            v.forEach(values::add);
        } else {
            final boolean log = a.has("log");
            final JsonNode range = log ? a.get("log") : a.get("linear");
            if (!range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()) {
                throw new ConfigException(where + " ('" + key + "'): range must be [from, to]");
            }
            if (!a.has("points") || !a.get("points").canConvertToInt() || a.get("points").asInt() < 1
                    || a.get("points").asInt() > MAX_POINTS) {
                throw new ConfigException(where + " ('" + key + "'): 'points' must be a whole number in [1, "
                        + MAX_POINTS + "]");
            }
            final double from = range.get(0).asDouble();
            final double to = range.get(1).asDouble();
            final int n = a.get("points").asInt();
            if (log && !(from > 0 && to > 0)) {
                throw new ConfigException(where + " ('" + key + "'): a log range needs positive bounds, got ["
                        + from + ", " + to + "]");
            }
            for (int i = 0; i < n; i++) {
                final double f = n == 1 ? 0 : (double) i / (n - 1);
                final double v = log ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from)))
                        : from + f * (to - from);
                values.add(JsonNodeFactory.instance.numberNode(roundTo12(v)));
            }
        }
        return new Axis(key, values);
    }

    /** Twelve significant digits, so that log ranges give readable, reproducible values. */
    private static double roundTo12(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.12g", v));
    }

    private List<Point> enumerate() {
        final List<Point> out = new ArrayList<>();
        if (zip) {
            for (int i = 0; i < axes.get(0).values().size(); i++) {
                final Map<String, JsonNode> m = new LinkedHashMap<>();
                for (Axis a : axes) {
                    m.put(a.key(), a.values().get(i));
                }
                out.add(new Point(i, m));
            }
            return out;
        }
        long total = 1;
        for (Axis a : axes) {
            total *= a.values().size();
            if (total > MAX_POINTS) {
                throw new ConfigException(source + ": the grid of the axes has more than " + MAX_POINTS + " points "
                        + "(split it into several sweeps, or zip the axes)");
            }
        }
        for (int i = 0; i < total; i++) {
            final Map<String, JsonNode> m = new LinkedHashMap<>();
            int rest = i;
            final int[] idx = new int[axes.size()];
            for (int k = axes.size() - 1; k >= 0; k--) {       // last axis fastest
                final int size = axes.get(k).values().size();
                idx[k] = rest % size;
                rest /= size;
            }
            for (int k = 0; k < axes.size(); k++) {
                m.put(axes.get(k).key(), axes.get(k).values().get(idx[k]));
            }
            out.add(new Point(i, m));
        }
        return out;
    }

    /** The configuration of one point: base, the point's values, and the point's derived seed. */
    public ErasureConfig configAt(Point p) {
        final ObjectNode tree = base.deepCopy();
        final JsonNode seedNode = tree.at("/simulation/seed");
        final long baseSeed = seedNode.isMissingNode() || seedNode.isNull() ? 1 : seedNode.asLong();
        if (!p.values().containsKey("simulation.seed")) {
            ConfigLoader.setNode(tree, "simulation.seed",
                    JsonNodeFactory.instance.numberNode(pointSeed(baseSeed, p.label())), source);
        }
        p.values().forEach((k, v) -> ConfigLoader.setNode(tree, k, v, source + " axis '" + k + "'"));
        return ConfigLoader.fromTree(source, name, tree);
    }

    /** SplitMix64 of the base seed xor the FNV-1a hash of the point's label. */
    static long pointSeed(long baseSeed, String label) {
        long h = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return org.erasure.util.SplitMix64.next(baseSeed ^ h) & Long.MAX_VALUE;
    }

    /** Everything that determines the results: base, engine, zip, axes with their values. */
    public ObjectNode describe() {
        final ObjectNode n = JSON.createObjectNode();
        n.set("base", base.deepCopy());
        n.put("engine", engine.name().toLowerCase(Locale.ROOT));
        n.put("zip", zip);
        final var arr = n.putArray("axes");
        for (Axis a : axes) {
            final ObjectNode o = arr.addObject();
            o.put("key", a.key());
            a.values().forEach(o.putArray("values")::add);
        }
        return n;
    }

    /** SHA-256 of {@link #describe()}. */
    public String fingerprint() {
        final ObjectNode n = describe();
        try {
            final MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(JSON.writeValueAsBytes(n)));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public Engine engine() {
        return engine;
    }

    public List<Point> points() {
        return points;
    }
}
