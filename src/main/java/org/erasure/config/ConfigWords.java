package org.erasure.config;

import java.util.Locale;
import org.erasure.langevin.Integrator;
import org.erasure.model.TargetWell;

/** The words of configuration files that name core types: the core itself parses no configuration word. */
final class ConfigWords {

    private ConfigWords() {
    }

    /** dynamics.integrator: euler, heun or baoab (any case). */
    static Integrator integrator(String key) {
        for (Integrator i : Integrator.values()) {
            if (i.key().equals(key.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown integrator '" + key + "' (known: euler, heun, baoab)");
    }

    /** protocol.target: left or right (any case). */
    static TargetWell target(String key) {
        switch (key.toLowerCase(Locale.ROOT)) {
            case "left":
                return TargetWell.LEFT;
            case "right":
                return TargetWell.RIGHT;
            default:
                throw new IllegalArgumentException("target must be 'left' or 'right', got '" + key + "'");
        }
    }
}
