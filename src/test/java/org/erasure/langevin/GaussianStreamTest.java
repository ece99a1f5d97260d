package org.erasure.langevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

/** The block random stream against Commons RNG (bit for bit) and against the normal distribution. */
class GaussianStreamTest {

    @Test
    void generatorMatchesCommonsRngBitForBit() {
        final long a = 0x0123456789abcdefL;
        final long b = 0xfedcba9876543210L;
        final GaussianStream ours = GaussianStream.ofState(a, b);
        final XoRoShiRo128PlusPlus ref = new XoRoShiRo128PlusPlus(a, b);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(ref.nextLong(), ours.nextLong(), "output " + i);
        }
    }

    @Test
    void jumpMatchesCommonsRng() {
        assertJumpsMatch(GaussianStream::jump, XoRoShiRo128PlusPlus::jump, "jump");
    }

    @Test
    void longJumpMatchesCommonsRng() {
        assertJumpsMatch(GaussianStream::longJump, XoRoShiRo128PlusPlus::longJump, "long jump");
    }

    /** Three jumps of ours against Commons RNG's: the copies handed out and the states left behind. */
    private static void assertJumpsMatch(java.util.function.Function<GaussianStream, GaussianStream> ours,
                                         java.util.function.Function<XoRoShiRo128PlusPlus, UniformRandomProvider> theirs,
                                         String what) {
        final GaussianStream stream = GaussianStream.ofState(42, 4242);
        final XoRoShiRo128PlusPlus ref = new XoRoShiRo128PlusPlus(42, 4242);
        for (int j = 0; j < 3; j++) {
            final GaussianStream copy = ours.apply(stream);
            final UniformRandomProvider refCopy = theirs.apply(ref);
            assertEquals(refCopy.nextLong(), copy.nextLong(), "copy before " + what + " " + j);
            assertEquals(ref.nextLong(), stream.nextLong(), "state after " + what + " " + j);
        }
    }

    @Test
    void laneDeviatesAreThoseOfTheLaneStreamIncludingTheRarePath() {
        // Lane j must be the block stream advanced by (j + 1) jumps, and its k-th deviate the k-th
        // nextGaussian of that stream: 2000 fills of 256 lanes take the rare path about 6000 times.
        final GaussianStream block = GaussianStream.ofSeed(99);
        final GaussianLanes lanes = new GaussianLanes(256);
        lanes.reseed(block, 256);
        final GaussianStream[] reference = new GaussianStream[256];
        final GaussianStream walker = GaussianStream.ofState(block.state0(), block.state1());
        walker.jump();
        for (int j = 0; j < 256; j++) {
            reference[j] = walker.jump();
        }
        final double[] out = new double[256];
        for (int k = 0; k < 2000; k++) {
            lanes.fill(out, 256);
            for (int j = 0; j < 256; j++) {
                assertEquals(reference[j].nextGaussian(), out[j], 0.0, "lane " + j + ", deviate " + k);
            }
        }
        // the block stream itself is untouched by seeding its lanes
        assertEquals(GaussianStream.ofSeed(99).nextLong(), block.nextLong());
    }

    @Test
    void partialBlocksSeedTheSameLanes() {
        // a block of n < 256 trajectories (seeded by doubling up to a non-power of two) gets the first n
        // lanes of a full block
        final GaussianLanes full = new GaussianLanes(256);
        final double[] fullOut = new double[256];
        final double[] out = new double[256];
        for (int n : new int[] {1, 2, 3, 37, 128, 129, 255}) {
            full.reseed(GaussianStream.ofSeed(n), 256);
            final GaussianLanes part = new GaussianLanes(256);
            part.reseed(GaussianStream.ofSeed(n), n);
            for (int k = 0; k < 50; k++) {
                full.fill(fullOut, 256);
                part.fill(out, n);
                for (int j = 0; j < n; j++) {
                    assertEquals(fullOut[j], out[j], 0.0, "n " + n + ", lane " + j + ", deviate " + k);
                }
            }
        }
    }

    @Test
    void laneDeviatesAreStandardNormalIncludingTails() {
        // the same chi-square and moment checks as for the single stream, on 4e6 lane deviates from
        // 200 fills of 80 lanes, reseeded from successive block streams. False-failure rate 1e-5.
        final GaussianStream base = GaussianStream.ofSeed(11);
        final GaussianLanes lanes = new GaussianLanes(80);
        final int n = 4_000_000;
        final double[] buf = new double[80];
        final double[] all = new double[n];
        int filled = 0;
        double cross = 0;
        long pairs = 0;
        while (filled < n) {
            lanes.reseed(base.longJump(), 80);
            for (int k = 0; k < 200 && filled < n; k++) {
                lanes.fill(buf, 80);
                for (int j = 0; j + 1 < 80; j++) {
                    cross += buf[j] * buf[j + 1];
                    pairs++;
                }
                final int m = Math.min(80, n - filled);
                System.arraycopy(buf, 0, all, filled, m);
                filled += m;
            }
        }
        assertStandardNormal(all);
        // neighbouring lanes uncorrelated: <z_j z_j+1> = 0 with s.e. 1/sqrt(pairs); 5 s.e.
        assertEquals(0, cross / pairs, 5 / Math.sqrt(pairs));
    }

    @Test
    void deviatesAreStandardNormalIncludingTails() {
        // Chi-square over 60 equiprobable-ish bins on [-4.5, 4.5] plus the two tails, 4e6 deviates
        // from buffer fills and single draws. False-failure rate 1e-5 per run (p-value threshold).
        final GaussianStream s = GaussianStream.ofSeed(7);
        final int n = 4_000_000;
        final double[] all = new double[n];
        final double[] buf = new double[256];
        for (int k = 0; k < n / 256; k++) {
            if (k % 2 == 0) {
                s.fillGaussian(buf, 256);
            } else {
                for (int i = 0; i < 256; i++) {
                    buf[i] = s.nextGaussian();
                }
            }
            System.arraycopy(buf, 0, all, k * 256, 256);
        }
        assertStandardNormal(all);
    }

    /** Chi-square over 60 bins on [-4.5, 4.5] plus both tails (p > 1e-5), and the first moments (5 s.e.). */
    private static void assertStandardNormal(double[] all) {
        final int n = all.length;
        final int bins = 60;
        final double lo = -4.5;
        final double hi = 4.5;
        final long[] counts = new long[bins + 2];
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (double z : all) {
            sum += z;
            sum2 += z * z;
            sum4 += z * z * z * z;
            final int i = z < lo ? 0 : z >= hi ? bins + 1 : 1 + (int) ((z - lo) / (hi - lo) * bins);
            counts[Math.min(i, bins + 1)]++;
        }
        final NormalDistribution normal = new NormalDistribution();
        double chi2 = 0;
        for (int i = 0; i < bins + 2; i++) {
            final double a = i == 0 ? Double.NEGATIVE_INFINITY : lo + (hi - lo) * (i - 1) / bins;
            final double b = i == bins + 1 ? Double.POSITIVE_INFINITY : lo + (hi - lo) * i / bins;
            final double p = (b == Double.POSITIVE_INFINITY ? 1 : normal.cumulativeProbability(b))
                    - (a == Double.NEGATIVE_INFINITY ? 0 : normal.cumulativeProbability(a));
            final double e = p * n;
            chi2 += (counts[i] - e) * (counts[i] - e) / e;
        }
        final double pValue = 1 - new ChiSquaredDistribution(bins + 1).cumulativeProbability(chi2);
        assertTrue(pValue > 1e-5, "chi-square p = " + pValue);
        // moments: mean 0, variance 1, fourth moment 3 (s.e. 1/sqrt(n), sqrt(2/n), sqrt(96/n)); 5 s.e.
        assertEquals(0, sum / n, 5 / Math.sqrt(n));
        assertEquals(1, sum2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, sum4 / n, 5 * Math.sqrt(96.0 / n));
        // the tails beyond r = 3.654 come from the tail algorithm: P(|z| > 4.5) = 6.8e-6
        assertTrue(counts[0] + counts[bins + 1] > 5, "tails are produced");
    }
}
