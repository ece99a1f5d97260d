package org.erasure.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.erasure.config.ConfigException;

/**
 * What the {@code claims} report computes (SPEC 5). Defaults are the embedded configuration; a YAML
 * file (configs/claims.yaml) may override any key. All times in τ_D, energies in kT.
 *
 * @param temperatureK       bath temperature (K), for physical units in the report
 * @param approachBarrier    E_b of experiment 1 (kT)
 * @param approachGMin       g_min of experiment 1
 * @param approachTilt       F_max of experiment 1 (kT)
 * @param approachTaus       protocol durations of experiment 1 (≥ 3 decades)
 * @param mcTaus             durations at which Monte Carlo confirms experiment 1
 * @param mcTrajectories     trajectories of each Monte Carlo confirmation
 * @param frontierTaus       durations of experiment 2
 * @param frontierErrors     error targets of experiment 2
 * @param barrierRange       barrier range searched by the optimiser {lo, hi} (kT)
 * @param maxTilt            largest tilt the optimiser may use (kT)
 * @param evaluations        objective evaluations per optimisation
 * @param mcCheckError       error target at which Monte Carlo confirms the frontier (resolvable by sampling)
 * @param mcCheckTau         duration of that confirmation
 * @param holdTimes          storage times of experiment 3 (τ_D)
 * @param storeErrors        error probabilities of experiment 3
 * @param storeEraseTau      duration of the erasures of experiment 3
 * @param cells              Fokker–Planck cells
 * @param timeSteps          Fokker–Planck time steps (second order)
 * @param seed               base seed
 */
public record ClaimsSettings(double temperatureK, double approachBarrier, double approachGMin, double approachTilt,
                             List<Double> approachTaus, List<Double> mcTaus, long mcTrajectories,
                             List<Double> frontierTaus, List<Double> frontierErrors, double[] barrierRange,
                             double maxTilt, int evaluations, double mcCheckError, double mcCheckTau,
                             List<Double> holdTimes, List<Double> storeErrors, double storeEraseTau, int cells,
                             int timeSteps, long seed) {

    private static final Set<String> KEYS = Set.of("name", "temperature_K", "approach", "frontier", "storing",
            "fokker_planck", "seed");

    /** The embedded default (about 5 minutes on 2 cores) or the quick variant (well under a minute). */
    public static ClaimsSettings defaults(boolean quick) {
        if (quick) {
            return new ClaimsSettings(300, 20, 0, 16, List.of(1.0, 10.0, 100.0, 1000.0), List.of(10.0), 8000,
                    List.of(10.0, 100.0), List.of(1e-6, 1e-15), new double[] {8, 60}, 40, 40, 1e-2, 10,
                    List.of(1e6), List.of(1e-15), 100, 300, 600, 1);
        }
        return new ClaimsSettings(300, 20, 0, 16, List.of(1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0),
                List.of(1.0, 10.0), 20000, List.of(1.0, 10.0, 100.0, 1000.0), List.of(1e-6, 1e-9, 1e-15, 2e-22),
                new double[] {8, 60}, 40, 150, 1e-3, 10, List.of(1e3, 1e6, 1e9), List.of(1e-6, 1e-15, 2e-22), 100,
                600, 1600, 1);
    }

    /** Applies a YAML tree of overrides (strict: unknown keys are errors). */
    public static ClaimsSettings withOverrides(ClaimsSettings d, JsonNode t, String source) {
        check(t, KEYS, source, "");
        final JsonNode a = t.path("approach");
        final JsonNode f = t.path("frontier");
        final JsonNode s = t.path("storing");
        final JsonNode fp = t.path("fokker_planck");
        check(a, Set.of("barrier_kT", "g_min", "F_max_kT", "tau", "mc_tau", "mc_trajectories"), source, "approach.");
        check(f, Set.of("tau", "errors", "barrier_range_kT", "max_tilt_kT", "evaluations", "mc_check_error",
                "mc_check_tau"), source, "frontier.");
        check(s, Set.of("hold_time", "errors", "erase_tau"), source, "storing.");
        check(fp, Set.of("cells", "time_steps"), source, "fokker_planck.");
        final List<Double> br = list(f, "barrier_range_kT", List.of(d.barrierRange()[0], d.barrierRange()[1]), source);
        if (br.size() != 2 || !(br.get(0) > 0) || !(br.get(1) >= br.get(0))) {
            throw new ConfigException(source + ": 'frontier.barrier_range_kT' must be [lo, hi] with 0 < lo <= hi");
        }
        final ClaimsSettings c = new ClaimsSettings(num(t, "temperature_K", d.temperatureK(), source),
                num(a, "barrier_kT", d.approachBarrier(), source), num(a, "g_min", d.approachGMin(), source),
                num(a, "F_max_kT", d.approachTilt(), source), list(a, "tau", d.approachTaus(), source),
                list(a, "mc_tau", d.mcTaus(), source), (long) num(a, "mc_trajectories", d.mcTrajectories(), source),
                list(f, "tau", d.frontierTaus(), source), list(f, "errors", d.frontierErrors(), source),
                new double[] {br.get(0), br.get(1)}, num(f, "max_tilt_kT", d.maxTilt(), source),
                (int) num(f, "evaluations", d.evaluations(), source),
                num(f, "mc_check_error", d.mcCheckError(), source), num(f, "mc_check_tau", d.mcCheckTau(), source),
                list(s, "hold_time", d.holdTimes(), source), list(s, "errors", d.storeErrors(), source),
                num(s, "erase_tau", d.storeEraseTau(), source), (int) num(fp, "cells", d.cells(), source),
                (int) num(fp, "time_steps", d.timeSteps(), source), (long) num(t, "seed", d.seed(), source));
        c.validate(source);
        return c;
    }

    void validate(String source) {
        if (!(temperatureK > 0)) {
            throw new ConfigException(source + ": 'temperature_K' must be positive");
        }
        if (approachTaus.size() < 3) {
            throw new ConfigException(source + ": 'approach.tau' needs at least 3 durations for the W_inf + B/tau fit");
        }
        for (List<Double> l : List.of(approachTaus, mcTaus, frontierTaus, holdTimes)) {
            for (double v : l) {
                if (!(v > 0)) {
                    throw new ConfigException(source + ": durations must be positive, got " + v);
                }
            }
        }
        for (List<Double> l : List.of(frontierErrors, storeErrors)) {
            for (double v : l) {
                if (!(v > 0 && v < 0.5)) {
                    throw new ConfigException(source + ": error probabilities must lie in (0, 0.5), got " + v);
                }
            }
        }
        if (!(approachGMin >= 0 && approachGMin <= 1) || !(approachBarrier > 0) || evaluations < 10 || cells < 20
                || timeSteps < 10 || mcTrajectories < 1) {
            throw new ConfigException(source + ": need 0 <= g_min <= 1, barrier > 0, evaluations >= 10, cells >= 20, "
                    + "time_steps >= 10, mc_trajectories >= 1");
        }
    }

    private static void check(JsonNode n, Set<String> known, String source, String prefix) {
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        if (!n.isObject()) {
            throw new ConfigException(source + ": '" + prefix.replaceAll("\\.$", "") + "' must be a mapping");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            final String k = it.next();
            if (!known.contains(k)) {
                throw new ConfigException(source + ": unknown key '" + prefix + k + "' (known here: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static double num(JsonNode n, String k, double fallback, String source) {
        final JsonNode v = n.path(k);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new ConfigException(source + ": '" + k + "' must be a number, got '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    private static List<Double> list(JsonNode n, String k, List<Double> fallback, String source) {
        final JsonNode v = n.path(k);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new ConfigException(source + ": '" + k + "' must be a non-empty list of numbers");
        }
        final List<Double> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isNumber()) {
                throw new ConfigException(source + ": '" + k + "' holds a non-number '" + e.asText() + "'");
            }
            out.add(e.asDouble());
        }
        return out;
    }
}
