package org.erasure.fokkerplanck;

/**
 * Exponential-fitting fluxes for the overdamped Fokker–Planck equation in reduced units,
 * ∂ₜρ = ∂ₓ(ρ ∂ₓU + ∂ₓρ) (Scharfetter &amp; Gummel, IEEE Trans. Electron Devices 16, 64 (1969);
 * Il'in 1969). Between cells i and i+1 with ΔU = U_{i+1} − U_i the probability current is
 * J = [B(ΔU) p_i − B(−ΔU) p_{i+1}] / h², with B(z) = z / (e^z − 1) the Bernoulli function;
 * since B(−z) e^{−z} = B(z), the discrete Boltzmann distribution p_i ∝ e^{−U_i} carries zero current
 * on every face, for every grid and every potential.
 */
public final class ScharfetterGummel {

    private ScharfetterGummel() {
    }

    /** Bernoulli function B(z) = z/(e^z − 1), accurate for all z (B(0) = 1, B(z) → −z e^{z}... for z → −∞ B → −z). */
    public static double bernoulli(double z) {
        final double a = Math.abs(z);
        if (a < 1e-5) {
            return 1 - z / 2 + z * z / 12;
        }
        if (z > 0) {
            // z e^{-z} / (1 - e^{-z}): no overflow for large z
            final double e = Math.exp(-z);
            return z * e / -Math.expm1(-z);
        }
        return z / Math.expm1(z);
    }

    /**
     * Sets up[i] = B(z)·scale and down[i] = B(−z)·scale, each to full relative accuracy: B(z) + z
     * would cancel catastrophically for large negative z (the uphill rate of a steep tail).
     * With a = |z|, e = e^{−a}, d = 1 − e: B(a) = a e/d and B(−a) = a/d.
     */
    static void rates(double z, double scale, double[] up, double[] down, int i) {
        final double a = Math.abs(z);
        final double uphill;
        final double downhill;
        if (a < 1e-5) {
            uphill = 1 - a / 2 + a * a / 12;
            downhill = 1 + a / 2 + a * a / 12;
        } else {
            final double e = Math.exp(-a);
            final double d = a > 0.5 ? 1 - e : -Math.expm1(-a);
            downhill = a / d;
            uphill = downhill * e;
        }
        if (z >= 0) {          // i → i+1 climbs
            up[i] = uphill * scale;
            down[i] = downhill * scale;
        } else {
            up[i] = downhill * scale;
            down[i] = uphill * scale;
        }
    }
}
