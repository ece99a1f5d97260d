package org.erasure.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;

/**
 * Writes an optimised member back as a keyframes configuration that simulate and fokker-planck accept,
 * with the grid its numbers were verified on, so that {@code fokker-planck optimized.yaml} reproduces them.
 */
public final class OptimizedConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private OptimizedConfig() {
    }

    /**
     * The base configuration tree with the member's protocol (and barrier) put in, and the
     * fokker_planck section set to the verification grid (cells, time steps, order; velocity cells for an underdamped
     * configuration).
     */
    public static String yaml(JsonNode baseTree, ProtocolFamily.Member m, FokkerPlanckSettings grid, String name,
                              String comment, double stableDt) {
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
        for (String key : new String[] {"target", "hold", "hold_s"}) {       // the same problem, its hold included
            if (oldProto.has(key)) {
                proto.set(key, oldProto.get(key));
            }
        }
        if (m.potential() instanceof QuarticDoubleWell q) {
            final ObjectNode pot = tree.putObject("potential");
            pot.put("type", "quartic");
            pot.put("barrier_kT", q.barrierKT());
        }
        // the Monte Carlo step must stay stable for the new protocol (a larger tilt is a stiffer well)
        final ObjectNode dyn = tree.with("dynamics");
        final boolean underdamped = "underdamped".equals(dyn.path("model").asText());
        // an underdamped run keeps its configured step (dt: auto, dt or dt_s): the overdamped stableDt does not describe
        // BAOAB's limit, and simulate refuses a step beyond it in one line
        if (!underdamped && !(dyn.path("dt").isNumber() && dyn.path("dt").asDouble() <= stableDt)) {
            dyn.remove("dt_s");
            dyn.put("dt", Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", stableDt)));
        }
        final ObjectNode fp = tree.putObject("fokker_planck");
        fp.put("cells", grid.cells());
        fp.put("time_steps", grid.timeSteps());
        fp.put("time_order", grid.timeOrder());
        if (underdamped) {
            fp.put("velocity_cells", grid.velocityCells());
            fp.put("velocity_reach", grid.velocityReach());
        }
        final JsonNode snaps = baseTree.path("fokker_planck").path("snapshots");
        if (!snaps.isMissingNode()) {
            fp.set("snapshots", snaps);
        }
        try {
            return "# " + comment.replace("\n", "\n# ") + "\n" + YAML.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The base configuration tree running the field file {@code file} (in the same folder) over τ: potential and
     * protocol of type field, the protocol's target and hold kept, the fokker_planck grid set to 4000 cells and 8000
     * second-order steps (the grid on which the optimal field's test meets W_min).
     */
    public static String fieldYaml(JsonNode baseTree, String name, String file, double tau, String comment) {
        final ObjectNode tree = (ObjectNode) baseTree.deepCopy();
        tree.put("name", name);
        final ObjectNode pot = tree.putObject("potential");
        pot.put("type", "field");
        pot.put("file", file);
        final ObjectNode proto = tree.putObject("protocol");
        proto.put("type", "field");
        proto.put("tau", tau);
        final JsonNode oldProto = baseTree.path("protocol");
        for (String key : new String[] {"target", "hold", "hold_s"}) {
            if (oldProto.has(key)) {
                proto.set(key, oldProto.get(key));
            }
        }
        final ObjectNode fp = tree.putObject("fokker_planck");
        fp.put("cells", 4000);
        fp.put("time_steps", 8000);
        fp.put("time_order", 2);
        try {
            return "# " + comment.replace("\n", "\n# ") + "\n" + YAML.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
