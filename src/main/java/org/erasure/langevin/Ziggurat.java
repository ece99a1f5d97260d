package org.erasure.langevin;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Standard normal deviates from 64-bit words by the ziggurat method (Marsaglia &amp; Tsang, J. Stat.
 * Softw. 5(8) (2000)) with 1024 layers, in the form of Doornik (2005, "An improved ziggurat method to
 * generate normal random samples"), which takes the layer index and the uniform from disjoint bits of
 * one word: the layer from bits 0–9, the uniform on [−1, 1) from bits 11–63.
 *
 * <p>Why 1024 layers rather than Marsaglia's 256: the fast path ({@code |u| < RATIO[layer]}) then
 * fails for 0.43 % of words instead of 1.49 %, and the rare path costs about 40 ns (a mispredicted
 * branch, an exponential or a logarithm): at 256 layers it was a third of the Gaussian source's time.
 * The tables (16 KB) still fit the L1 cache. The fast path is written out by the callers in their
 * fill loops; {@link #edge} is the rare path. Stateless.
 *
 * <p>The tables and the rare path use {@link StrictMath} (fdlibm), so that a seed gives the same deviates on every
 * JVM and CPU: {@code Math.log} and {@code Math.exp} are HotSpot intrinsics whose results may differ between
 * platforms; on the development machine they differed from StrictMath for 7 % and 10 % of arguments, 897 of the 1025
 * layer edges came out different, and a run with the intrinsics switched off ({@code -XX:-UseLibmIntrinsic}) gave a
 * different ⟨W⟩ in its last digit. The rare path is 0.43 % of the deviates, so the cost does not show.
 */
final class Ziggurat {

    static final int LAYERS = 1024;
    /**
     * Start of the tail, r, and area of each layer, v, for 1024 layers: the root of Marsaglia &amp;
     * Tsang's condition that the recursion x_{i+1} = f⁻¹(v/x_i + f(x_i)) closes the top layer with area
     * v, solved to 40 digits (mpmath); at 256 layers the same solve gives their r = 3.6541528853610088.
     */
    private static final double R = 4.0388498461095045227;
    private static final double V = 0.0012263246463530880729;
    /** Layer right edges X[0..LAYERS] (X[0] = V/f(R) is the base strip's pseudo-width, X[LAYERS] = 0). */
    private static final double[] X = new double[LAYERS + 1];
    /** X[i+1]/X[i]: a uniform below this lies inside the layer's rectangle. */
    private static final double[] RATIO = new double[LAYERS];
    /**
     * The fast path's table: FAST[2i] = RATIO[i], FAST[2i+1] = X[i], interleaved so that one lookup
     * touches one cache line (the separate 8 KB tables and the block's arrays overfill L1).
     */
    static final double[] FAST = new double[2 * LAYERS];
    /** f(X[i]) = exp(−X[i]²/2), the density (unnormalised) at the layer edges. */
    private static final double[] F = new double[LAYERS + 1];

    static {
        final double f = StrictMath.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            final double xi = X[i];
            X[i + 1] = Math.sqrt(-2 * StrictMath.log(V / xi + StrictMath.exp(-0.5 * xi * xi)));
        }
        X[LAYERS] = 0;
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
            FAST[2 * i] = RATIO[i];
            FAST[2 * i + 1] = X[i];
        }
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = StrictMath.exp(-0.5 * X[i] * X[i]);
        }
    }

    private Ziggurat() {
    }

    /** The layer of a word (its low bits). */
    static int layer(long r) {
        return (int) r & (LAYERS - 1);
    }

    /** 2 × the layer of a word: the index of its entries in {@link #FAST}. */
    static int fastIndex(long r) {
        return ((int) r & (LAYERS - 1)) << 1;
    }

    /**
     * The uniform on [−1, 1) of a word: its top 53 bits as a signed integer times 2^−52 (exact). The
     * signed form needs no subtraction; measured 1.65 against 2.1 ns per deviate (fast path and
     * generator) for (r &gt;&gt;&gt; 11)·2^−52 − 1, which C2 sometimes compiled at 4.5 ns.
     */
    static double uniform(long r) {
        return (r >> 11) * 0x1.0p-52;
    }

    /** One deviate from one word, drawing further words from src only on the rare path. */
    static double deviate(long r, UniformRandomProvider src) {
        final int layer = layer(r);
        final double u = uniform(r);
        return Math.abs(u) < RATIO[layer] ? u * X[layer] : edge(src, layer, u);
    }

    /**
     * The rare path: the tail beyond R (layer 0) or the wedge of a layer; draws further words from src
     * until a deviate is accepted.
     */
    static double edge(UniformRandomProvider src, int layer, double u) {
        while (true) {
            if (layer == 0) {
                // Marsaglia's tail method: x = −ln(U1)/R, accept if −2 ln(U2) > x²
                double x;
                double y;
                do {
                    x = StrictMath.log(uniformOpenAtZero(src)) / R;
                    y = StrictMath.log(uniformOpenAtZero(src));
                } while (-2 * y < x * x);
                return u < 0 ? x - R : R - x;
            }
            // the wedge: accept x if a uniform height in [f(X[l]), f(X[l+1])) lies under f(x)
            final double x = u * X[layer];
            final double height = F[layer] + (src.nextLong() >>> 11) * 0x1.0p-53 * (F[layer + 1] - F[layer]);
            if (height < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
            final long r = src.nextLong();
            layer = layer(r);
            u = uniform(r);
            if (Math.abs(u) < RATIO[layer]) {
                return u * X[layer];
            }
        }
    }

    /** Uniform on (0, 1], safe for the logarithm. */
    private static double uniformOpenAtZero(UniformRandomProvider src) {
        return ((src.nextLong() >>> 11) + 1) * 0x1.0p-53;
    }
}
