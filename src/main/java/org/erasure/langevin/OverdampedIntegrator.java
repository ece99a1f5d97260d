package org.erasure.langevin;

import java.util.Locale;

/**
 * Integrators for the overdamped Langevin equation in reduced units,
 * dx = −∂ₓU dt + √2 dW (energy in kT, length in x_m, time in τ_D = γ x_m²/kT).
 *
 * <p>Within a step the controls are held at their new value λ_{k+1} (the control changes first,
 * at fixed position, which is what the Sekimoto work of SPEC 2.4 measures; then the particle
 * moves in the new landscape).
 */
public enum OverdampedIntegrator {

    /** Euler–Maruyama: weak order 1 (Kloeden &amp; Platen 1992, ch. 14.1). */
    EULER_MARUYAMA("euler"),

    /**
     * Stochastic Heun (predictor–corrector with the same noise increment): for additive noise
     * strong order 1 and weak order 2 (Greiner, Strittmatter &amp; Honerkamp, J. Stat. Phys. 51, 95
     * (1988)). Two force evaluations per step.
     */
    HEUN("heun");

    private final String key;

    OverdampedIntegrator(String key) {
        this.key = key;
    }

    /** The name used in configuration files. */
    public String key() {
        return key;
    }

    public static OverdampedIntegrator fromKey(String key) {
        for (OverdampedIntegrator i : values()) {
            if (i.key.equals(key.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown integrator '" + key + "' (known: euler, heun)");
    }
}
