package org.erasure.physics;

/**
 * Piecewise-harmonic double well of micromechanical-oscillator experiments (SPEC 2.2; Dago,
 * Pereda, Barros, Ciliberto &amp; Bellon, PRL 126, 170601 (2021)), with x in units of √(kT/k) and U in kT:
 * U(x) = ½(x − S(x − c₀) c₁)² + c₀ c₁ (S(x − c₀) + S(c₀)), S = sign.
 * Controls: c0 = c₀, the barrier position; c1 = c₁, the well half-distance. For c₁ &gt; 0 the wells sit at ±c₁
 * and at c₀ = 0 the barrier height is c₁²/2. U is defined for any real c₁: for c₁ &lt; 0 the branches' vertices
 * cross and U is a single well with a cusp at c₀ (the learned erasure protocols of the NESTbench25 benchmark
 * use such values). U is continuous at x = c₀.
 */
public final class PiecewiseHarmonicWell implements Potential {

    private static final PiecewiseHarmonicWell INSTANCE = new PiecewiseHarmonicWell();

    private PiecewiseHarmonicWell() {
    }

    public static PiecewiseHarmonicWell of() {
        return INSTANCE;
    }

    /** Lengths are in σ = √(kT/k), the thermal spread of one well. */
    @Override
    public String lengthUnitKey() {
        return "sigma";
    }

    @Override
    public String lengthUnitLabel() {
        return "sqrt(kT/k)";
    }

    /**
     * U expanded without its sign: S(x − c₀)(x − c₀) = |x − c₀| and c₀S(c₀) = |c₀| give
     * U = ½x² + ½c₁² + c₁|c₀| − c₁|x − c₀|. No select, so C2 vectorises the Monte Carlo kernels' energy passes
     * (BAOAB measured 3.9 → 2.8 ns a particle-step with the force below); absolute rounding ~1e-16 ½x².
     */
    @Override
    public double energy(double x, double c0, double c1) {
        return 0.5 * x * x + (0.5 * c1 * c1 + c1 * Math.abs(c0)) - c1 * Math.abs(x - c0);
    }

    /**
     * F = c₁S(x − c₀) − x, with the sign as a quotient, S = y/|y|, y = (x − c₀)·2⁶⁰⁰ + 2⁻¹⁰⁷⁴, which C2 vectorises
     * (a select, copySign or bit operations it does not: BAOAB's force passes measured 1.1 – 1.5 against 0.34 ns a
     * particle). The quotient of two equal magnitudes is exactly ±1. The scaling lifts any nonzero difference, even a
     * subnormal one, far above 2⁻¹⁰⁷⁴, which then changes no sign and only turns x = c₀ into S = +1 (also from −0);
     * it overflows only for |x − c₀| &gt; 1e127.
     */
    @Override
    public double force(double x, double c0, double c1) {
        final double y = (x - c0) * 0x1p600 + Double.MIN_VALUE;
        return c1 * (y / Math.abs(y)) - x;
    }

    @Override
    public double curvature(double x, double c0, double c1) {
        return 1;
    }

    /** Exact minimum over [a, b]: each branch is a parabola, minimal at its vertex or an end. */
    @Override
    public double energyLowerBound(double a, double b, double c0, double c1) {
        double min = Math.min(energy(a, c0, c1), energy(b, c0, c1));
        if (c0 > a && c0 < b) {
            min = Math.min(min, energy(c0, c0, c1));      // U is continuous at the kink
        }
        for (double vertex : new double[] {-c1, c1}) {
            if (vertex > a && vertex < b) {
                min = Math.min(min, energy(vertex, c0, c1));
            }
        }
        return min;
    }

    @Override
    public double barrierPosition(double c0, double c1) {
        return c0;
    }

    @Override
    public void validateControls(double c0, double c1) {
        if (!Double.isFinite(c0)) {
            throw new IllegalArgumentException("barrier position c0 must be finite, got " + c0);
        }
        if (!Double.isFinite(c1)) {
            throw new IllegalArgumentException("well half-distance c1 must be finite, got " + c1);
        }
    }

    @Override
    public String[] controlNames() {
        return new String[] {"c0", "c1"};
    }

    @Override
    public double[] confiningInterval(double c0, double c1) {
        // U ≥ ½(|x| − c₁)² − 2|c₀|c₁ away from the wells; beyond r the weight is below e^-80 of the bottom.
        final double r = Math.abs(c0) + Math.abs(c1) + Math.sqrt(2 * (80 + 4 * Math.abs(c0 * c1)));
        return new double[] {-r, r};
    }

    @Override
    public String toString() {
        return "PiecewiseHarmonicWell";
    }

    /** From U = ½x² + ½c₁² + c₁|c₀| − c₁|x − c₀|: ∂U/∂c₀ = c₁(S(c₀) + S(x − c₀)), ∂U/∂c₁ = c₁ + |c₀| − |x − c₀|. */
    @Override
    public void controlDerivatives(double x, double c0, double c1, double[] out) {
        out[0] = c1 * (Math.signum(c0) + Math.signum(x - c0));
        out[1] = c1 + Math.abs(c0) - Math.abs(x - c0);
    }
}
