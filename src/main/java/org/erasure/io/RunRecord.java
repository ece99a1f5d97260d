package org.erasure.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.erasure.config.ErasureConfig;

/** The JSON record beside every result: exact configuration, seed, versions and timings. */
public final class RunRecord {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunRecord() {
    }

    public static String json(String command, List<String> args, ErasureConfig config, Map<String, Object> extra,
                              Map<String, Object> results) {
        final ObjectNode root = JSON.createObjectNode();
        root.put("command", command);
        root.putPOJO("arguments", args);
        root.put("finished_utc", Instant.now().toString());
        root.set("configuration", config.tree());
        final ObjectNode versions = root.putObject("versions");
        versions.put("erasure", Versions.of("org.erasure.cli.ErasureApp"));
        versions.put("java", System.getProperty("java.version"));
        versions.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        versions.put("commons_rng", Versions.of("org.apache.commons.rng.simple.RandomSource"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.putPOJO("run", extra);
        root.putPOJO("results", results);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Implementation versions from jar manifests ("dev" when run from classes). */
    static final class Versions {
        private Versions() {
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
