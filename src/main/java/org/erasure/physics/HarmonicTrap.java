package org.erasure.physics;

/**
 * Harmonic trap U(x) = (k/2)(x − λ)², with x and λ in x_m, k in kT/x_m² and U in kT. Controls:
 * c0 = λ, the trap centre; c1 = k, the stiffness (positive). The reference case for protocol
 * optimisation: moving the centre by Δλ in time τ at fixed k costs at least
 * W* = γΔλ²/(τ + 2γ/k) (Schmiedl &amp; Seifert, PRL 98, 108301 (2007)).
 */
public final class HarmonicTrap implements Potential {

    private static final HarmonicTrap INSTANCE = new HarmonicTrap();

    private HarmonicTrap() {
    }

    public static HarmonicTrap of() {
        return INSTANCE;
    }

    @Override
    public double energy(double x, double lambda, double k) {
        final double d = x - lambda;
        return 0.5 * k * d * d;
    }

    @Override
    public double force(double x, double lambda, double k) {
        return -k * (x - lambda);
    }

    @Override
    public double curvature(double x, double lambda, double k) {
        return k;
    }

    @Override
    public double energyLowerBound(double a, double b, double lambda, double k) {
        if (lambda >= a && lambda <= b) {
            return 0;
        }
        return Math.min(energy(a, lambda, k), energy(b, lambda, k));
    }

    /** A single well has no barrier; the trap centre stands in for it (the side of the centre). */
    @Override
    public double barrierPosition(double lambda, double k) {
        return lambda;
    }

    @Override
    public void validateControls(double lambda, double k) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("trap centre must be finite, got " + lambda);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("stiffness k must be positive, got " + k);
        }
    }

    @Override
    public String[] controlNames() {
        return new String[] {"lambda_xm", "k_kT_per_xm2"};
    }

    @Override
    public double[] confiningInterval(double lambda, double k) {
        final double r = Math.sqrt(2 * 80 / k);
        return new double[] {lambda - r, lambda + r};
    }

    @Override
    public String toString() {
        return "HarmonicTrap";
    }

    /** ∂U/∂λ = −k(x − λ), ∂U/∂k = ½(x − λ)². */
    @Override
    public void controlDerivatives(double x, double lambda, double k, double[] out) {
        final double d = x - lambda;
        out[0] = -k * d;
        out[1] = 0.5 * d * d;
    }
}
