package org.erasure.cli;

import java.util.Locale;
import org.erasure.physics.PhysicalUnits;

/** Durations given on the command line: a number in τ_D, or a number followed by {@code s} for seconds. */
final class Durations {

    private Durations() {
    }

    /**
     * @param option the option's name, for messages
     * @param text   "T" (τ_D) or "Ts" / "T s" (seconds; needs a physical time scale in the configuration)
     * @return the duration in τ_D, positive and finite
     */
    static double parse(String option, String text, PhysicalUnits units) {
        return parse(option, text, units, false);
    }

    /** As {@link #parse(String, String, PhysicalUnits)}, accepting zero when {@code zeroAllowed}. */
    static double parse(String option, String text, PhysicalUnits units, boolean zeroAllowed) {
        final String t = text.trim();
        final boolean seconds = t.endsWith("s");
        final double v;
        try {
            v = Double.parseDouble(seconds ? t.substring(0, t.length() - 1).trim() : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a duration (a number in tau_D, or a "
                    + "number followed by s for seconds)");
        }
        if (!(v > 0 || zeroAllowed && v == 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(option + " must be " + (zeroAllowed ? "non-negative" : "positive")
                    + " and finite, got " + text);
        }
        if (!seconds) {
            return v;
        }
        if (!units.hasTimeScale()) {
            throw new IllegalArgumentException(option + ": a duration in seconds needs a configuration with a "
                    + "'physical' section (for example configs/berut2012.yaml); give it in tau_D instead");
        }
        return v / units.timeUnitS();
    }

    /**
     * One line on a run's time scales: τ_D in seconds (with a physical time scale), the intra-well relaxation time
     * 1/U''(x_min) of the final potential and the protocol's duration in both.
     */
    static String timeScales(org.erasure.config.ErasureConfig config) {
        final double tau = config.protocol().duration();
        final double intra = org.erasure.physics.TimeScales.intraWellTime(config.potential(),
                config.protocol().control0(tau), config.protocol().control1(tau));
        final PhysicalUnits u = config.units();
        return String.format(Locale.ROOT, "  time scales: %sintra-well relaxation time 1/U''(x_min) = %.4g tau_D (final "
                        + "controls), so tau = %.4g of them%s", tauDSeconds(u), intra, tau / intra,
                u.hasTimeScale() ? String.format(Locale.ROOT, " = %.4g s", tau * u.timeUnitS()) : "");
    }

    /** "τ_D = X s; " when the units have a time scale, else "". */
    static String tauDSeconds(PhysicalUnits units) {
        return units.hasTimeScale() ? String.format(Locale.ROOT, "tau_D = %.4g s; ", units.timeUnitS()) : "";
    }
}
