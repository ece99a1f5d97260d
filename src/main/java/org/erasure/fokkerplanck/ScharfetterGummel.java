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

    /**
     * Faces with |ΔU| below this take the Bernoulli series, the others the exponential form. The series is a vectorised
     * polynomial on every face; an exponential costs several times more, so the limit is set where the series, 14 terms,
     * still reaches full accuracy (B(3/2) = E − 3/4 with E ≈ 1.18 loses under two bits).
     */
    static final double SERIES_LIMIT = 1.5;

    /**
     * Sets up[i] = B(z)·scale and down[i] = B(−z)·scale, each to full relative accuracy: B(z) + z
     * would cancel catastrophically for large negative z (the uphill rate of a steep tail).
     * With a = |z|: for a &lt; {@link #SERIES_LIMIT} the Bernoulli series B(a) = Σ B_n aⁿ/n! (radius 2π, truncated
     * after a²⁶, error below 1e−17) and B(−a) = B(a) + a, a sum of positives; otherwise e = e^{−a},
     * B(−a) = a/(1 − e), B(a) = B(−a)·e. (Math.expm1 is accurate but several times slower than the
     * series on the JVM, and most faces of a fine grid have small a.)
     */
    static void rates(double z, double scale, double[] up, double[] down, int i) {
        final double a = Math.abs(z);
        final double uphill;
        final double downhill;
        if (a < SERIES_LIMIT) {
            uphill = evenPart(a * a) - 0.5 * a;
            downhill = uphill + a;
        } else {
            exponentialForm(z, Math.exp(-a), scale, up, down, i);
            return;
        }
        if (z >= 0) {          // i → i+1 climbs
            up[i] = uphill * scale;
            down[i] = downhill * scale;
        } else {
            up[i] = downhill * scale;
            down[i] = uphill * scale;
        }
    }

    /**
     * The rates of a face with |z| ≥ {@link #SERIES_LIMIT} from e = e^{−|z|}: B(−|z|) = |z|/(1 − e),
     * B(|z|) = B(−|z|)·e.
     */
    private static void exponentialForm(double z, double e, double scale, double[] up, double[] down, int i) {
        final double a = Math.abs(z);
        final double downhill = a / (1 - e);
        final double uphill = downhill * e;
        if (z >= 0) {
            up[i] = uphill * scale;
            down[i] = downhill * scale;
        } else {
            up[i] = downhill * scale;
            down[i] = uphill * scale;
        }
    }

    /**
     * Rates of every face for a tilt-linear potential, U_i = V_i − F·x_i ({@link
     * org.erasure.physics.Potential#tiltIsLinear}): z_i = a_i − fh, with a_i = V_{i+1} − V_i the differences at zero
     * tilt (they depend on the first control alone) and fh = F·h the tilt's share of every face. As {@link
     * #rates(double[], double, double[], double[], int, double[])}, except that a steep face's e^{−|z|} is the product
     * of a factor of the face, e^{−a_i} where it climbs (z ≥ 0) or e^{a_i} where it falls, and one of the tilt,
     * e^{fh} or e^{−fh}. The face factors are computed when first needed and kept in {@code expMinus}, {@code expPlus}
     * (NaN: not yet) for as long as the caller keeps a: within a tilt-only phase of a protocol a steep face then costs
     * a multiplication instead of an exponential. The rates are a function of (a, fh) alone, whatever was cached
     * before. The product is within 2.5 ulp of e^{−(a_i − fh)}; e^{−|z|} of the rounded z = a_i − fh is within 1 ulp
     * of a value already off by |z| ulp, so for |z| ≥ 3 the product is the closer of the two.
     *
     * @param expMinus e^{−a_i} per face, or NaN (filled in as needed)
     * @param expPlus  e^{a_i} per face, or NaN (filled in as needed)
     */
    static void ratesTilted(double[] a, double fh, double scale, double[] up, double[] down, int n,
                            double[] expMinus, double[] expPlus) {
        final double half = 0.5 * scale;
        for (int i = 0; i < n - 1; i++) {
            final double z = a[i] - fh;
            final double even = scale * evenPart(z * z);
            final double odd = half * z;
            up[i] = even - odd;
            down[i] = even + odd;
        }
        final double tiltUp = Math.exp(fh);
        final double tiltDown = Math.exp(-fh);
        for (int i = 0; i < n - 1; i++) {
            final double z = a[i] - fh;
            if (Math.abs(z) >= SERIES_LIMIT) {
                double e;
                if (z >= 0) {
                    double f = expMinus[i];
                    if (f != f) {
                        f = Math.exp(-a[i]);
                        expMinus[i] = f;
                    }
                    e = f * tiltUp;
                } else {
                    double f = expPlus[i];
                    if (f != f) {
                        f = Math.exp(a[i]);
                        expPlus[i] = f;
                    }
                    e = f * tiltDown;
                }
                // a factor beyond the normal range (|a_i| or |fh| above ~700, a product that underflows): directly
                if (!(e >= Double.MIN_NORMAL && e < 1) || Math.abs(a[i]) > 700) {
                    e = Math.exp(-Math.abs(z));
                }
                exponentialForm(z, e, scale, up, down, i);
            }
        }
    }

    /**
     * The even part of the Bernoulli function, E(z²) = B(z) + z/2 = Σ B_2k z^2k/(2k)!, truncated after
     * z²⁶ (for |z| &lt; {@link #SERIES_LIMIT} = 3/2 the first term left out is below 8e−18; the series converges for
     * |z| &lt; 2π, each term about (z/2π)² of the one before). Coefficients from z¹⁶ on are the nearest doubles of
     * B_2k/(2k)!.
     */
    private static double evenPart(double z2) {
        final double tail = -3.3896802963225827e-13 + z2 * (8.586062056277845e-15 + z2 * (-2.174868698558062e-16
                + z2 * (5.5090028283602295e-18 + z2 * (-1.3954464685812522e-19 + z2 * 3.534707039629467e-21))));
        return 1 + z2 * (1.0 / 12 + z2 * (-1.0 / 720 + z2 * (1.0 / 30240 + z2 * (-1.0 / 1209600
                + z2 * (1.0 / 47900160 + z2 * (-691.0 / 1307674368000.0 + z2 * (1.0 / 74724249600.0 + z2 * tail)))))));
    }

    /**
     * Rates of every face of a grid with cell energies u: up[i] = B(u_{i+1} − u_i)·scale,
     * down[i] = B(u_i − u_{i+1})·scale. Two passes: the series for every face, then the exponential
     * form for the faces with |Δu| ≥ {@link #SERIES_LIMIT}. The series is written for signed z, B(±z) = E(z²) ∓ z/2
     * with E the even part of the Bernoulli series: no absolute value and no select; for |z| &lt; 3/2, E ≥ 1
     * and z/2 ≤ 3/4, so the difference loses under two bits. The energies are first copied shifted by
     * one cell into next, so that z = next[i] − u[i] pairs equal indices: C2 vectorises that loop,
     * not one that reads u[i + 1] and u[i] (measured 2.8x faster).
     *
     * @param next scratch, length ≥ n − 1
     */
    static void rates(double[] u, double scale, double[] up, double[] down, int n, double[] next) {
        System.arraycopy(u, 1, next, 0, n - 1);
        final double half = 0.5 * scale;
        for (int i = 0; i < n - 1; i++) {
            final double z = next[i] - u[i];
            final double even = scale * evenPart(z * z);
            final double odd = half * z;
            up[i] = even - odd;
            down[i] = even + odd;
        }
        for (int i = 0; i < n - 1; i++) {
            final double z = next[i] - u[i];
            if (Math.abs(z) >= SERIES_LIMIT) {
                rates(z, scale, up, down, i);
            }
        }
    }
}
