package org.erasure.langevin;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The random stream of one block of trajectories: the XoRoShiRo128++ generator (Blackman &amp;
 * Vigna, ACM TOMS 47, 36 (2021)) with standard normal deviates by the ziggurat method
 * (Marsaglia &amp; Tsang, J. Stat. Softw. 5(8) (2000), 256 layers) in the form of Doornik (2005,
 * "An improved ziggurat method to generate normal random samples"), which takes the layer index
 * and the uniform from disjoint bits of one 64-bit draw.
 *
 * <p>Why not Commons RNG's {@code ZigguratSampler} here: filling a block buffer with the
 * generator state held in local variables runs several times faster than calling a sampler
 * through the provider interface per deviate, and the Gaussian source is the engine's bottleneck.
 * The generator's output is checked bit for bit against Commons RNG's {@code XoRoShiRo128PlusPlus}
 * (outputs and jumps) in the tests, and the deviates against the normal distribution.
 *
 * <p>Implements {@link UniformRandomProvider} (only {@code nextLong} is needed), so the same stream
 * also feeds the exact initial-state sampler. Mutable; one per block, never shared between threads.
 */
public final class GaussianStream implements UniformRandomProvider {

    private static final int LAYERS = 256;
    /** Start of the tail, r, and area of each layer, v (Marsaglia &amp; Tsang 2000, 256 layers). */
    private static final double R = 3.6541528853610088;
    private static final double V = 4.92867323399e-3;
    /** Layer right edges X[0..256] (X[0] = V/f(R) is the base strip's pseudo-width, X[256] = 0). */
    private static final double[] X = new double[LAYERS + 1];
    /** X[i+1]/X[i]: a uniform below this lies inside the layer's rectangle. */
    private static final double[] RATIO = new double[LAYERS];

    /** Jump polynomial for 2^64 steps of XoRoShiRo128++ (Blackman &amp; Vigna's reference code). */
    private static final long[] JUMP = {0x2bd7a6a6e99c2ddcL, 0x0992ccaf6a6fca05L};

    static {
        final double f = Math.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            final double xi = X[i];
            X[i + 1] = Math.sqrt(-2 * Math.log(V / xi + Math.exp(-0.5 * xi * xi)));
        }
        X[LAYERS] = 0;
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
        }
    }

    private long s0;
    private long s1;

    private GaussianStream(long s0, long s1) {
        if ((s0 | s1) == 0) {
            throw new IllegalArgumentException("the all-zero state is not allowed");
        }
        this.s0 = s0;
        this.s1 = s1;
    }

    /** The stream with the given raw generator state (for cross-checks). */
    public static GaussianStream ofState(long s0, long s1) {
        return new GaussianStream(s0, s1);
    }

    /** The base stream of a seed: state from two SplitMix64 outputs (Steele, Lea &amp; Flood, OOPSLA 2014). */
    public static GaussianStream ofSeed(long seed) {
        long z = seed;
        z += 0x9e3779b97f4a7c15L;
        final long a = mix(z);
        z += 0x9e3779b97f4a7c15L;
        final long b = mix(z);
        return new GaussianStream(a, (a | b) == 0 ? 1 : b);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        final long a = s0;
        long b = s1;
        final long result = Long.rotateLeft(a + b, 17) + a;
        b ^= a;
        s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
        s1 = Long.rotateLeft(b, 28);
        return result;
    }

    /**
     * Returns a copy of this stream, then advances this one by 2^64 steps: successive calls hand out
     * non-overlapping streams.
     */
    public GaussianStream jump() {
        final GaussianStream copy = new GaussianStream(s0, s1);
        long j0 = 0;
        long j1 = 0;
        for (long jump : JUMP) {
            for (int bit = 0; bit < 64; bit++) {
                if ((jump & (1L << bit)) != 0) {
                    j0 ^= s0;
                    j1 ^= s1;
                }
                nextLong();
            }
        }
        s0 = j0;
        s1 = j1;
        return copy;
    }

    /** Fills out[0..n) with independent standard normal deviates. Allocation-free. */
    public void fillGaussian(double[] out, int n) {
        long a = s0;
        long b = s1;
        for (int k = 0; k < n; k++) {
            final long r = Long.rotateLeft(a + b, 17) + a;
            b ^= a;
            a = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
            b = Long.rotateLeft(b, 28);
            final int layer = (int) r & (LAYERS - 1);
            final double u = (r >>> 11) * 0x1.0p-52 - 1;           // uniform on [−1, 1)
            if (Math.abs(u) < RATIO[layer]) {
                out[k] = u * X[layer];
            } else {
                s0 = a;
                s1 = b;
                out[k] = edge(layer, u);
                a = s0;
                b = s1;
            }
        }
        s0 = a;
        s1 = b;
    }

    /** One standard normal deviate. */
    public double nextGaussian() {
        final long r = nextLong();
        final int layer = (int) r & (LAYERS - 1);
        final double u = (r >>> 11) * 0x1.0p-52 - 1;
        return Math.abs(u) < RATIO[layer] ? u * X[layer] : edge(layer, u);
    }

    /** The rare path: the tail beyond R (layer 0) or the wedge of a layer; loops until accepted. */
    private double edge(int layer, double u) {
        while (true) {
            if (layer == 0) {
                // Marsaglia's tail method: x = −ln(U1)/R, accept if −2 ln(U2) > x²
                double x;
                double y;
                do {
                    x = Math.log(nextDouble0()) / R;
                    y = Math.log(nextDouble0());
                } while (-2 * y < x * x);
                return u < 0 ? x - R : R - x;
            }
            final double x = u * X[layer];
            final double f0 = Math.exp(-0.5 * (X[layer] * X[layer] - x * x));
            final double f1 = Math.exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
            if (f1 + nextDouble() * (f0 - f1) < 1.0) {
                return x;
            }
            final long r = nextLong();
            layer = (int) r & (LAYERS - 1);
            u = (r >>> 11) * 0x1.0p-52 - 1;
            if (Math.abs(u) < RATIO[layer]) {
                return u * X[layer];
            }
        }
    }

    /** Uniform on (0, 1], safe for the logarithm. */
    private double nextDouble0() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    @Override
    public String toString() {
        return "GaussianStream[XoRoShiRo128++, 256-layer ziggurat]";
    }
}
