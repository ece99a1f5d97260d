package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.erasure.model.InitialState;
import org.erasure.physics.HarmonicTrap;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.PiecewiseHarmonicWell;
import org.erasure.protocol.Protocol;
import org.erasure.protocol.TableProtocol;
import org.erasure.physics.Potential;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.FieldSchedule;
import org.erasure.protocol.KeyframeProtocol;

/**
 * Readers of the sections that describe the problem: physical units, potential, protocol (and its table file), and
 * the times given in tau_D or seconds. Each validates its values and names the key of a bad one.
 */
final class ProblemSections {

    private ProblemSections() {
    }

    static PhysicalUnits readUnits(ConfigNode phys, double temperature) {
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

    static double positive(ConfigNode n, String key) {
        final double v = n.number(key);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw n.error("'" + n.key(key) + "' must be positive, got " + v);
        }
        return v;
    }

    /** The frames of {@code potential.type: field} from its file; null for any other type. */
    static FieldTable readField(ConfigNode pot, Path baseDir) {
        if (!pot.text("type", "quartic").equals("field")) {
            return null;
        }
        final Path path = baseDir.resolve(pot.text("file"));
        final FieldTable table;
        try {
            table = FieldTable.parse(path.toString(),
                    ConfigSources.readInput(path, ConfigLoader.MAX_TABLE_BYTES, "a field").lines().toList());
        } catch (IllegalArgumentException e) {
            throw pot.error("'" + pot.key("file") + "': " + e.getMessage());
        }
        pot.finish();
        return table;
    }

    static Potential readPotential(ConfigNode pot) {
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
                        + "' is not a known potential (known: quartic, piecewise-harmonic, harmonic, field)");
        }
    }

    /** @param field the frames of a field potential, null for any other */
    static Protocol readProtocol(ConfigNode proto, Potential potential, double tau, Path baseDir, FieldTable field) {
        final String type = proto.text("type", "four-step");
        final Protocol protocol;
        switch (type) {
            case "field":
                if (field == null) {
                    throw proto.error("'" + proto.key("type") + "' = field runs the frames of a field potential; "
                            + "set potential.type: field and potential.file");
                }
                protocol = FieldSchedule.of(tau, field.fractions());
                break;
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
                        + "' is not a known protocol (known: four-step, keyframes, table, field)");
        }
        return protocol;
    }

    static List<String> readTable(Path file) {
        return ConfigSources.readInput(file, ConfigLoader.MAX_TABLE_BYTES, "a protocol table").lines().toList();
    }

    /** A pair [c0, c1] of admissible control values. */
    static double[] pair(ConfigNode node, String key, Potential potential) {
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

    /** A time given as key (τ_D) or key_s (seconds, needs the physical time scale); positive. */
    static double readTime(ConfigNode node, String key, PhysicalUnits units, boolean required) {
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

    static <E> E enumValue(ConfigNode node, String key, String fallback,
                                   java.util.function.Function<String, E> parse) {
        final String v = node.text(key, fallback);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw node.error("'" + node.key(key) + "': " + e.getMessage());
        }
    }

    /** initial: {position: equilibrium | x (x_m)}. */
    static InitialState readInitial(ConfigNode init) {
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
        return initial;
    }

}
