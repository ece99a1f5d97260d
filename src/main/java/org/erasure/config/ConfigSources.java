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

/**
 * Where configuration trees come from: YAML files (size- and type-checked before they are read), resources embedded in
 * the jar, run records given back as configurations, and {@code key=value} overrides. Every failure is one line that
 * names the source.
 */
final class ConfigSources {

    private ConfigSources() {
    }

    /** The text of a resource embedded in the jar (a missing one is a broken build, not bad input). */
    static String resource(String path) {
        try (InputStream in = ConfigSources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** YAML's spellings of NaN and infinity, which the parser reports as malformed numbers. */
    static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("(?i)'([-+]?\\.(?:nan|inf|infinity))'");

    /**
     * A run record (the run.json of simulate or fokker-planck) given as a configuration: its {@code configuration},
     * the exact configuration of that run after overrides, seed included, so that --config DIR/run.json reruns it (a
     * relative protocol.file is then read from the record's folder). Any other tree is returned as it is.
     */
    static JsonNode fromRunRecord(String source, JsonNode tree) {
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

    /** A configuration file's text, or a one-line ConfigException. */
    static String readConfigFile(Path file) {
        try {
            return readInput(file, ConfigLoader.MAX_CONFIG_BYTES, "a configuration");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The text of an input file, refused in one line before it is read when it is not a regular file (a FIFO would
     * block for ever, /dev/zero fill the memory) or is larger than {@code maxBytes}.
     */
    static String readInput(Path file, long maxBytes, String what) {
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

    static JsonNode readTree(String source, String yaml) {
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

    static void applyOverride(String source, ObjectNode root, String assignment) {
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
}
