package org.erasure.langevin;

/**
 * Integrators for the Langevin equation in reduced units (energy kT, length x_m, time
 * τ_D = γ x_m²/kT): overdamped dx = −∂ₓU dt + √2 dW, or underdamped μ dv = −∂ₓU dt − v dt + √2 dW,
 * dx = v dt, with μ = m kT/(γ² x_m²) the reduced mass.
 *
 * <p>Within a step the controls are held at their new value λ_{k+1} (the control changes first,
 * at fixed position, which is what the Sekimoto work of SPEC 2.4 measures; then the particle
 * moves in the new landscape).
 */
public enum Integrator {

    /** Euler–Maruyama: weak order 1 (Kloeden &amp; Platen 1992, ch. 14.1). */
    EULER_MARUYAMA("euler"),

    /**
     * Stochastic Heun (predictor–corrector with the same noise increment): for additive noise
     * strong order 1 and weak order 2 (Greiner, Strittmatter &amp; Honerkamp, J. Stat. Phys. 51, 95
     * (1988)). Two force evaluations per step.
     */
    HEUN("heun"),

    /**
     * Underdamped BAOAB splitting: half kick, half drift, exact Ornstein–Uhlenbeck velocity step,
     * half drift, half kick (Leimkuhler &amp; Matthews, Appl. Math. Res. Express 2013, 34). Exact
     * configurational sampling of harmonic wells at any stable dt.
     */
    BAOAB("baoab");

    private final String key;

    Integrator(String key) {
        this.key = key;
    }

    /** The name used in configuration files. */
    public String key() {
        return key;
    }

    /** Whether this integrator is for underdamped dynamics. */
    public boolean underdamped() {
        return this == BAOAB;
    }

}
