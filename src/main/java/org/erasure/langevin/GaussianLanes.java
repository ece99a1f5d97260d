package org.erasure.langevin;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The noise of one block of trajectories: one XoRoShiRo128++ generator per trajectory (a lane), held as
 * two state arrays, with standard normal deviates by the {@link Ziggurat} method.
 *
 * <p>Why lanes: a single generator is a serial chain of dependent operations, and with the ziggurat
 * after it the Gaussian source cost about 5 ns per deviate, most of the engine's time. Advancing 256
 * independent generators in one loop over primitive arrays is vectorised by C2 (0.4–0.7 ns per word
 * on AVX2), and the ziggurat pass that follows has no dependency chain left and no call in its loop
 * (the few words that miss the fast path are finished afterwards). Measured on the 2-core
 * development machine: about 1.7 ns per deviate for both passes, and B1 through the full engine
 * (with the other changes of the same work) 2.4–3.8e8 particle-steps/s against 1.5–2.2e8 with one
 * generator per block.
 *
 * <p>Lane j of a block starts at the block's stream advanced by (j + 1) jumps of 2^64 (Blackman &amp;
 * Vigna, ACM TOMS 47, 36 (2021)); the first 2^64 outputs of the block stream itself are left to the
 * initial states. With blocks 2^96 apart ({@link GaussianStream#longJump}) no two lanes of a run
 * overlap. Lane j's deviates are exactly those of {@link GaussianStream#nextGaussian} on lane j's state
 * (tested), so a trajectory's noise does not depend on the block's other trajectories.
 *
 * <p>Mutable; one per worker thread, reseeded per block. Allocation-free after construction.
 */
public final class GaussianLanes {

    private final long[] s0;
    private final long[] s1;
    private final long[] raw;
    private final int[] rejected;
    private final LaneCursor cursor = new LaneCursor();
    /** Walks the jumps while seeding (its state is overwritten by every reseed). */
    private final GaussianStream walker = GaussianStream.ofState(1, 0);

    /** Lanes for at most the given number of trajectories; call {@link #reseed} before use. */
    public GaussianLanes(int lanes) {
        if (lanes <= 0) {
            throw new IllegalArgumentException("lanes must be positive, got " + lanes);
        }
        this.s0 = new long[lanes];
        this.s1 = new long[lanes];
        this.raw = new long[lanes];
        this.rejected = new int[lanes];
    }

    /**
     * Seeds the first n lanes from a block stream (left unchanged): lane j gets the stream advanced by
     * (j + 1) jumps of 2^64.
     *
     * <p>Cost: n sequential jumps, 60–70 µs for a full block, as much as about 90 time steps of the
     * block; it matters only for protocols of a few hundred steps. (Seeding by doubling with tabulated
     * powers of the jump matrix took 22 µs, but building the table took 25 ms per JVM: a loss below
     * about 500 blocks, so not adopted.)
     */
    public void reseed(GaussianStream block, int n) {
        if (n < 0 || n > s0.length) {
            throw new IllegalArgumentException("lane count " + n + " outside [0, " + s0.length + "]");
        }
        walker.setState(block.state0(), block.state1());
        for (int j = 0; j < n; j++) {
            walker.skipJump();
            s0[j] = walker.state0();
            s1[j] = walker.state1();
        }
    }

    /** Fills out[j], j &lt; n, with the next standard normal deviate of lane j. */
    public void fill(double[] out, int n) {
        advance(n);
        // the ziggurat's fast path; the words that miss it are listed and finished afterwards, so that
        // this loop holds no call (with the rare path's call inside it ran about 1.5x slower)
        final long[] words = raw;
        final double[] fast = Ziggurat.FAST;
        final int[] missed = rejected;
        int misses = 0;
        for (int j = 0; j < n; j++) {
            final long r = words[j];
            final int t = Ziggurat.fastIndex(r);
            final double u = Ziggurat.uniform(r);
            if (Math.abs(u) < fast[t]) {
                out[j] = u * fast[t + 1];
            } else {
                missed[misses++] = j;
            }
        }
        // the rare path draws further words from the lane's own generator
        for (int k = 0; k < misses; k++) {
            final int j = missed[k];
            final long r = words[j];
            cursor.lane = j;
            out[j] = Ziggurat.edge(cursor, Ziggurat.layer(r), Ziggurat.uniform(r));
        }
    }

    /** Advances every lane once into raw (XoRoShiRo128++; no dependency between lanes: vectorised). */
    private void advance(int n) {
        final long[] a = s0;
        final long[] b = s1;
        final long[] words = raw;
        final double[] fast = Ziggurat.FAST;
        for (int j = 0; j < n; j++) {
            final long x0 = a[j];
            final long y = b[j];
            final long x1 = y ^ x0;
            words[j] = Long.rotateLeft(x0 + y, 17) + x0;
            a[j] = Long.rotateLeft(x0, 49) ^ x1 ^ (x1 << 21);
            b[j] = Long.rotateLeft(x1, 28);
        }
    }

    /** The generator of one lane, for the ziggurat's rare path. */
    private final class LaneCursor implements UniformRandomProvider {
        int lane;

        @Override
        public long nextLong() {
            final int j = lane;
            final long x0 = s0[j];
            final long y = s1[j];
            final long x1 = y ^ x0;
            final long result = Long.rotateLeft(x0 + y, 17) + x0;
            s0[j] = Long.rotateLeft(x0, 49) ^ x1 ^ (x1 << 21);
            s1[j] = Long.rotateLeft(x1, 28);
            return result;
        }
    }
}
