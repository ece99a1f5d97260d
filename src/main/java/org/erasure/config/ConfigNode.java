package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict reader over one mapping of a YAML configuration: every key read is recorded, and
 * {@link #finish()} rejects any key that was not, so a misspelt key is an error rather than a
 * silently ignored value. Messages name the source and the full dotted key.
 */
final class ConfigNode {

    private final String source;
    private final String path;
    private final ObjectNode node;
    private final Set<String> known = new HashSet<>();

    ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        if (node == null || node.isNull() || node.isMissingNode()) {
            this.node = null;
        } else if (node.isObject()) {
            this.node = (ObjectNode) node;
        } else {
            throw error(path.isEmpty() ? "the configuration must be a mapping of keys to values"
                    : "'" + path + "' must be a mapping of keys to values");
        }
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ConfigException error(String message) {
        return new ConfigException(source + ": " + message);
    }

    boolean has(String name) {
        known.add(name);
        return node != null && node.has(name) && !node.get(name).isNull();
    }

    JsonNode raw(String name) {
        known.add(name);
        return node == null ? null : node.get(name);
    }

    ConfigNode child(String name) {
        known.add(name);
        return new ConfigNode(source, key(name), node == null ? null : node.get(name));
    }

    double number(String name, double fallback) {
        return has(name) ? number(name) : fallback;
    }

    double number(String name) {
        final JsonNode v = require(name);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw error("'" + key(name) + "' must be a number, got '" + v.asText() + "'");
    }

    long integer(String name, long fallback) {
        if (!has(name)) {
            return fallback;
        }
        final JsonNode v = node.get(name);
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        final double d = number(name);
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            throw error("'" + key(name) + "' must be a whole number, got " + raw(name).asText());
        }
        return (long) d;
    }

    String text(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        final JsonNode v = node.get(name);
        if (!v.isValueNode()) {
            throw error("'" + key(name) + "' must be a single value");
        }
        return v.asText();
    }

    String text(String name) {
        require(name);
        return text(name, null);
    }

    /** A non-empty list of numbers. */
    List<Double> numbers(String name) {
        final JsonNode v = require(name);
        if (!v.isArray() || v.isEmpty()) {
            throw error("'" + key(name) + "' must be a non-empty list of numbers");
        }
        final List<Double> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isNumber()) {
                throw error("'" + key(name) + "' holds a non-number '" + e.asText() + "'");
            }
            out.add(e.doubleValue());
        }
        return out;
    }

    /** A list of lists of numbers, e.g. keyframes. */
    List<double[]> rows(String name) {
        final JsonNode v = require(name);
        if (!v.isArray() || v.isEmpty()) {
            throw error("'" + key(name) + "' must be a non-empty list of rows");
        }
        final List<double[]> out = new ArrayList<>();
        for (int r = 0; r < v.size(); r++) {
            final JsonNode row = v.get(r);
            if (!row.isArray()) {
                throw error("'" + key(name) + "' row " + (r + 1) + " must be a list of numbers");
            }
            final double[] vals = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isNumber()) {
                    throw error("'" + key(name) + "' row " + (r + 1) + " has a non-number '" + row.get(c).asText() + "'");
                }
                vals[c] = row.get(c).doubleValue();
            }
            out.add(vals);
        }
        return out;
    }

    private JsonNode require(String name) {
        if (!has(name)) {
            throw error("missing required key '" + key(name) + "'");
        }
        return node.get(name);
    }

    /** Rejects keys that were never asked for. */
    void finish() {
        if (node == null) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            final String k = it.next();
            if (!known.contains(k)) {
                final List<String> sorted = new ArrayList<>(known);
                sorted.sort(null);
                throw error("unknown key '" + key(k) + "' (known here: " + String.join(", ", sorted) + ")");
            }
        }
    }
}
