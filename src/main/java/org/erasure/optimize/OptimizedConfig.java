package org.erasure.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;

/** Writes an optimised member back as a keyframes configuration that simulate and fokker-planck accept. */
public final class OptimizedConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private OptimizedConfig() {
    }

    /** The base configuration tree with the member's protocol (and barrier) put in. */
    public static String yaml(JsonNode baseTree, ProtocolFamily.Member m, String name, String comment) {
        final ObjectNode tree = (ObjectNode) baseTree.deepCopy();
        tree.put("name", name);
        final ObjectNode proto = tree.putObject("protocol");
        final KeyframeProtocol p = m.protocol();
        final JsonNode oldProto = baseTree.path("protocol");
        proto.put("type", "keyframes");
        proto.put("tau", p.duration());
        final ArrayNode frames = proto.putArray("keyframes");
        final double[] s = p.times();
        final double[] c0 = p.values0();
        final double[] c1 = p.values1();
        for (int i = 0; i < s.length; i++) {
            frames.addArray().add(s[i]).add(c0[i]).add(c1[i]);
        }
        if (oldProto.has("target")) {
            proto.set("target", oldProto.get("target"));
        }
        if (m.potential() instanceof QuarticDoubleWell q) {
            final ObjectNode pot = tree.putObject("potential");
            pot.put("type", "quartic");
            pot.put("barrier_kT", q.barrierKT());
        }
        try {
            return "# " + comment.replace("\n", "\n# ") + "\n" + YAML.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
