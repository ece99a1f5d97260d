package org.erasure.physics;

/**
 * Quartic tunable double well (SPEC 2.2):
 * U(x) = E_b [x⁴ − 2 g x²] − F x, with x in units of x_m (half the distance between the
 * wells at g = 1, F = 0) and U, E_b, F in kT.
 *
 * <p>Controls: c0 = g ∈ [0, 1] lowers the barrier (barrier height E_b g²), c1 = F tilts it,
 * positive F favouring the right well. The quartic term keeps the particle confined at g = 0.
 */
public final class QuarticDoubleWell implements Potential {

    private final double barrier;
    private final double fourB;
    private final double twelveB;

    private QuarticDoubleWell(double barrier) {
        this.barrier = barrier;
        this.fourB = 4 * barrier;
        this.twelveB = 12 * barrier;
    }

    /**
     * @param barrierKT barrier height E_b at g = 1, F = 0, in kT; must be positive and finite
     */
    public static QuarticDoubleWell of(double barrierKT) {
        if (!(barrierKT > 0) || Double.isInfinite(barrierKT)) {
            throw new IllegalArgumentException("barrier height must be positive and finite, got " + barrierKT);
        }
        return new QuarticDoubleWell(barrierKT);
    }

    /** E_b in kT. */
    public double barrierKT() {
        return barrier;
    }

    @Override
    public double energy(double x, double g, double f) {
        final double x2 = x * x;
        return barrier * x2 * (x2 - 2 * g) - f * x;
    }

    /** U = E_b x²(x² − 2g) − F x: the tilt F enters linearly. */
    @Override
    public boolean tiltIsLinear() {
        return true;
    }

    @Override
    public double force(double x, double g, double f) {
        return fourB * x * (g - x * x) + f;
    }

    @Override
    public double curvature(double x, double g, double f) {
        return twelveB * x * x - fourB * g;
    }

    @Override
    public double energyLowerBound(double a, double b, double g, double f) {
        // Interval arithmetic, term by term: E_b x⁴ ≥ E_b min x⁴; −2 E_b g x² ≥ −2 E_b g max x²;
        // −F x ≥ min(−F a, −F b).
        final double minAbs = (a <= 0 && b >= 0) ? 0 : Math.min(Math.abs(a), Math.abs(b));
        final double maxAbs = Math.max(Math.abs(a), Math.abs(b));
        final double min2 = minAbs * minAbs;
        return barrier * (min2 * min2 - 2 * g * maxAbs * maxAbs) + Math.min(-f * a, -f * b);
    }

    /**
     * The local maximum of U between the wells: the middle real root of U'(x) = 0, that is of
     * 4E_b x³ − 4E_b g x − F = 0, by the trigonometric form of Cardano's formula. Where there
     * is no barrier (one real root) the fallback is x = 0, the symmetry point of the untilted well.
     */
    @Override
    public double barrierPosition(double g, double f) {
        if (f == 0) {
            return 0;
        }
        final double p = -g;                  // x³ + p x + q = 0
        final double q = -f / fourB;
        final double disc = -(4 * p * p * p + 27 * q * q);
        if (disc <= 0) {
            return 0;
        }
        final double m = 2 * Math.sqrt(-p / 3);
        final double theta = Math.acos(3 * q / (p * m)) / 3;
        // roots m cos(theta − 2πk/3), k = 0,1,2; the middle one is k = 2... pick by sorting
        final double r0 = m * StrictMath.cos(theta);
        final double r1 = m * StrictMath.cos(theta - 2 * Math.PI / 3);
        final double r2 = m * StrictMath.cos(theta - 4 * Math.PI / 3);
        return Math.max(Math.min(r0, r1), Math.min(Math.max(r0, r1), r2));
    }

    @Override
    public void validateControls(double g, double f) {
        if (!(g >= 0 && g <= 1)) {
            throw new IllegalArgumentException("g must lie in [0, 1], got " + g);
        }
        if (!Double.isFinite(f)) {
            throw new IllegalArgumentException("tilt F must be finite, got " + f);
        }
    }

    @Override
    public String[] controlNames() {
        return new String[] {"g", "F_kT"};
    }

    @Override
    public double[] confiningInterval(double g, double f) {
        // U ≥ E_b x⁴ − 2E_b x² − |F||x| ≥ E_b x⁴/2 once |x| is beyond the root below; we need U − U_min ≥ 80.
        // U_min ≥ −E_b − |F|·(1 + |F|/E_b)^(1/3)·... use a crude but safe search instead.
        double r = 1;
        final double uMin = Math.min(energy(-1, g, f), energy(1, g, f));
        while (Math.min(energy(r, g, f), energy(-r, g, f)) - Math.min(uMin, -barrier - Math.abs(f) * r) < 80
                || force(r, g, f) > 0 || force(-r, g, f) < 0) {
            r *= 1.1;
        }
        return new double[] {-r, r};
    }

    @Override
    public String toString() {
        return "QuarticDoubleWell[E_b=" + barrier + " kT]";
    }

    /** ∂U/∂g = −2 E_b x², ∂U/∂F = −x. */
    @Override
    public void controlDerivatives(double x, double g, double f, double[] out) {
        out[0] = -2 * barrier * x * x;
        out[1] = -x;
    }
}
