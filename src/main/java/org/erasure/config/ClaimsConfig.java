package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.erasure.config.ClaimsSettings;

/**
 * The settings of {@code claims}, read by the same strict reader as every configuration
 * ({@link ConfigNode}: unknown keys are errors, messages name the key). The defaults are the embedded
 * configs/claims.yaml itself, not a copy in code; {@code --quick} lays configs/claims-quick.yaml over it, and
 * a user's file is laid over both, key by key.
 */
public final class ClaimsConfig {

    static final String DEFAULTS = "/org/erasure/configs/claims.yaml";
    static final String QUICK = "/org/erasure/configs/claims-quick.yaml";

    private ClaimsConfig() {
    }

    /**
     * @param quick     lay claims-quick.yaml over the defaults
     * @param overrides a YAML file whose keys replace the defaults', or null
     */
    public static ClaimsSettings load(boolean quick, Path overrides) {
        return load(quick, overrides, null);
    }

    /** As {@link #load(boolean, Path)}, with the base seed replaced when {@code seed} is given (--seed). */
    public static ClaimsSettings load(boolean quick, Path overrides, Long seed) {
        final JsonNode tree = embedded(DEFAULTS);
        String source = "embedded configs/claims.yaml";
        if (quick) {
            overlay((ObjectNode) tree, embedded(QUICK), "configs/claims-quick.yaml", "");
            source += " + claims-quick.yaml";
        }
        if (overrides != null) {
            overlay((ObjectNode) tree, ConfigLoader.readTree(overrides), overrides.toString(), "");
            source = overrides.toString();
        }
        if (seed != null) {
            ((ObjectNode) tree).put("seed", seed);
        }
        return read(source, tree);
    }

    private static JsonNode embedded(String resource) {
        try (InputStream in = ClaimsConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the jar");
            }
            return ConfigLoader.parseTree("embedded " + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the values of {@code base} by those of {@code top}, section by section; a key of {@code top}
     * that {@code base} does not have is refused here (so the message names the file it came from).
     */
    private static void overlay(ObjectNode base, JsonNode top, String source, String prefix) {
        if (!top.isObject()) {
            throw new ConfigException(source + ": " + (prefix.isEmpty() ? "the settings" : "'" + prefix + "'")
                    + " must be a mapping of keys to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> e = it.next();
            final String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            final JsonNode old = base.get(e.getKey());
            if (old == null) {
                final List<String> known = new ArrayList<>();
                base.fieldNames().forEachRemaining(known::add);
                known.sort(null);
                throw new ConfigException(source + ": unknown key '" + key + "' (known here: " + String.join(", ", known)
                        + ")");
            }
            if (old.isObject()) {
                overlay((ObjectNode) old, e.getValue(), source, key);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static ClaimsSettings read(String source, JsonNode tree) {
        final ConfigNode root = new ConfigNode(source, "", tree);
        root.text("name", "claims");
        final ConfigNode a = root.child("approach");
        final ConfigNode f = root.child("frontier");
        final ConfigNode s = root.child("storing");
        final ConfigNode k = root.child("classes");
        final ConfigNode fp = root.child("fokker_planck");
        final ConfigNode cl = root.child("cantilever");
        final List<Double> range = list(f, "barrier_range_kT");
        if (range.size() != 2 || !(range.get(0) > 0) || !(range.get(1) >= range.get(0))) {
            throw f.error("'" + f.key("barrier_range_kT") + "' must be [lo, hi] with 0 < lo <= hi");
        }
        final ClaimsSettings c = new ClaimsSettings(root.number("temperature_K"), a.number("barrier_kT"),
                a.number("g_min"), a.number("F_max_kT"), list(a, "tau"), list(a, "mc_tau"),
                a.integer("mc_trajectories", -1), list(f, "tau"), list(f, "errors"),
                new double[] {range.get(0), range.get(1)}, f.number("max_tilt_kT"), (int) f.integer("evaluations", -1),
                f.number("mc_check_error"), f.number("mc_check_tau"), (int) f.integer("ams_replicas", -1),
                (int) f.integer("ams_repetitions", -1), list(s, "hold_time"), list(s, "errors"),
                s.number("erase_tau"), (int) f.integer("crossover_steps", -1), k.number("hold_time"), list(k, "errors"),
                list(k, "tau"), list(k, "efficiencies"), (int) fp.integer("cells", -1), (int) fp.integer("time_steps", -1),
                (int) fp.integer("verify_cells", -1), (int) fp.integer("verify_time_steps", -1),
                (int) fp.integer("refinements", -1),
                root.integer("seed", -1), new ClaimsSettings.Cantilever(list(cl, "periods"),
                (int) cl.integer("cells", -1), (int) cl.integer("velocity_cells", -1), cl.number("velocity_reach"),
                (int) cl.integer("time_steps", -1), cl.integer("mc_trajectories", -1)),
                new ClaimsSettings.Rich((int) f.integer("rich_nodes", -1), (int) f.integer("rich_starts", -1),
                        (int) f.integer("rich_evaluations", -1)));
        for (ConfigNode n : List.of(a, f, s, k, fp, cl, root)) {
            n.finish();
        }
        try {
            c.validate();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        return c;
    }

    private static List<Double> list(ConfigNode n, String key) {
        return n.numbers(key);
    }
}
