package org.erasure.langevin;

import org.erasure.util.SplitMix64;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One XoRoShiRo128++ generator (Blackman &amp; Vigna, ACM TOMS 47, 36 (2021)) with standard normal
 * deviates by the {@link Ziggurat} method. The engine gives each block of trajectories one such stream
 * (for its initial states) and {@link GaussianLanes} jumped from it (for the noise); tests and tools
 * use it directly.
 *
 * <p>Why not Commons RNG's {@code ZigguratSampler} here: filling a buffer with the generator state held
 * in local variables runs several times faster than calling a sampler through the provider interface
 * per deviate. The generator's output is checked bit for bit against Commons RNG's
 * {@code XoRoShiRo128PlusPlus} (outputs, jumps and long jumps) in the tests, and the deviates against
 * the normal distribution.
 *
 * <p>Implements {@link UniformRandomProvider} (only {@code nextLong} is needed), so the same stream
 * also feeds the exact initial-state sampler. Mutable; never shared between threads.
 */
public final class GaussianStream implements UniformRandomProvider {

    /** Jump polynomial for 2^64 steps of XoRoShiRo128++ (Blackman &amp; Vigna's reference code). */
    private static final long[] JUMP = {0x2bd7a6a6e99c2ddcL, 0x0992ccaf6a6fca05L};
    /** Jump polynomial for 2^96 steps (the reference code's long jump). */
    private static final long[] LONG_JUMP = {0x360fd5f2cf8d5d99L, 0x9c6e6877736c46e3L};

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
        z += SplitMix64.GOLDEN_GAMMA;
        final long a = SplitMix64.mix(z);
        z += SplitMix64.GOLDEN_GAMMA;
        final long b = SplitMix64.mix(z);
        return new GaussianStream(a, (a | b) == 0 ? 1 : b);
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

    /** The raw state word 0 (for seeding lanes). */
    long state0() {
        return s0;
    }

    /** The raw state word 1. */
    long state1() {
        return s1;
    }

    /** Sets the raw generator state (not all zero). */
    void setState(long s0, long s1) {
        if ((s0 | s1) == 0) {
            throw new IllegalArgumentException("the all-zero state is not allowed");
        }
        this.s0 = s0;
        this.s1 = s1;
    }

    /** Advances this stream by 2^64 steps, without the copy {@link #jump} hands out. */
    void skipJump() {
        advance(JUMP);
    }

    /**
     * Returns a copy of this stream, then advances this one by 2^64 steps: successive calls hand out
     * non-overlapping streams.
     */
    public GaussianStream jump() {
        final GaussianStream copy = new GaussianStream(s0, s1);
        advance(JUMP);
        return copy;
    }

    /**
     * Returns a copy of this stream, then advances this one by 2^96 steps: successive calls hand out
     * streams with room for 2^32 non-overlapping {@link #jump} sub-streams each.
     */
    public GaussianStream longJump() {
        final GaussianStream copy = new GaussianStream(s0, s1);
        advance(LONG_JUMP);
        return copy;
    }

    /**
     * Advances by the jump polynomial (branch-free: the bits of the polynomial are unpredictable; the
     * state in locals, not fields, so the serial chain does not pass through memory).
     */
    private void advance(long[] polynomial) {
        long a = s0;
        long b = s1;
        long j0 = 0;
        long j1 = 0;
        for (long word : polynomial) {
            for (int bit = 0; bit < 64; bit++) {
                final long mask = -((word >>> bit) & 1);
                j0 ^= a & mask;
                j1 ^= b & mask;
                b ^= a;
                a = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
                b = Long.rotateLeft(b, 28);
            }
        }
        s0 = j0;
        s1 = j1;
    }

    /** Fills out[0..n) with independent standard normal deviates. Allocation-free. */
    public void fillGaussian(double[] out, int n) {
        final double[] fast = Ziggurat.FAST;
        long a = s0;
        long b = s1;
        for (int k = 0; k < n; k++) {
            final long r = Long.rotateLeft(a + b, 17) + a;
            b ^= a;
            a = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
            b = Long.rotateLeft(b, 28);
            final int t = Ziggurat.fastIndex(r);
            final double u = Ziggurat.uniform(r);
            if (Math.abs(u) < fast[t]) {
                out[k] = u * fast[t + 1];
            } else {
                s0 = a;
                s1 = b;
                out[k] = Ziggurat.edge(this, t >> 1, u);
                a = s0;
                b = s1;
            }
        }
        s0 = a;
        s1 = b;
    }

    /** One standard normal deviate. */
    public double nextGaussian() {
        return Ziggurat.deviate(nextLong(), this);
    }

    @Override
    public String toString() {
        return "GaussianStream[XoRoShiRo128++, 1024-layer ziggurat]";
    }
}
