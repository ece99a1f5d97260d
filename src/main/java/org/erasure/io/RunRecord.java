package org.erasure.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON record beside every result: exact configuration, seed, versions and timings. */
public final class RunRecord {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunRecord() {
    }

    public static String json(String command, List<String> args, JsonNode configuration, Map<String, Object> extra,
                              Map<String, Object> results) {
        return json(command, args, configuration, null, extra, results);
    }

    /**
     * The record with the configuration as given (what --config reads back) and, when not null, the configuration
     * as resolved ({@link ResolvedConfiguration}: defaults filled in, auto steps chosen).
     */
    public static String json(String command, List<String> args, JsonNode configuration, Map<String, Object> resolved,
                              Map<String, Object> extra, Map<String, Object> results) {
        final ObjectNode root = JSON.createObjectNode();
        root.put("command", command);
        root.putPOJO("arguments", args);
        root.put("finished_utc", Instant.now().toString());
        root.set("configuration", configuration);
        if (resolved != null) {
            root.putPOJO("resolved_configuration", resolved);
        }
        root.putPOJO("versions", versions());
        root.putPOJO("run", extra);
        root.putPOJO("results", withoutNaN(results));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values with every non-finite number as null (JSON has no NaN: it was written as the string "NaN"). */
    static Map<String, Object> withoutNaN(Map<String, Object> values) {
        final Map<String, Object> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return out;
    }

    /** Versions of the tool, the JVM and the numerical libraries, for the record of every run. */
    public static java.util.Map<String, String> versions() {
        final java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("erasure", Versions.of("org.erasure.cli.ErasureApp"));
        final java.util.Properties git = gitProperties();
        v.put("git_commit", git.getProperty("git.commit.id", "unknown (built outside a git checkout)"));
        v.put("git_uncommitted_changes", git.getProperty("git.dirty", "unknown"));
        v.put("java", System.getProperty("java.version"));
        v.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        v.put("commons_rng", Versions.maven("org.apache.commons", "commons-rng-core"));
        v.put("commons_math3", Versions.maven("org.apache.commons", "commons-math3"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }

    /** The commit the build came from (git.properties, written at build time), empty when there is none. */
    static java.util.Properties gitProperties() {
        final java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = RunRecord.class.getResourceAsStream("/org/erasure/git.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            // no commit to record: the record says so
        }
        return p;
    }

    /** Implementation versions from jar manifests ("dev" when run from classes). */
    static final class Versions {
        private Versions() {
        }

        /** The version recorded in a dependency's pom.properties (kept inside the shaded jar). */
        static String maven(String group, String artifact) {
            try (var in = RunRecord.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact
                    + "/pom.properties")) {
                if (in == null) {
                    return "unknown";
                }
                final java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }

        static String of(String className) {
            try {
                final Package p = Class.forName(className).getPackage();
                final String v = p == null ? null : p.getImplementationVersion();
                return v == null ? "dev" : v;
            } catch (ClassNotFoundException e) {
                return "unknown";
            }
        }
    }
}
