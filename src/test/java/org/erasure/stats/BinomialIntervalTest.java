package org.erasure.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinomialIntervalTest {

    @Test
    void matchesTabulatedClopperPearson() {
        // Reference values from R: binom.test(k, n)$conf.int
        BinomialInterval i = BinomialInterval.clopperPearson(5, 10);
        assertEquals(0.187086, i.low(), 1e-6);
        assertEquals(0.812914, i.high(), 1e-6);
        i = BinomialInterval.clopperPearson(0, 10);
        assertEquals(0, i.low(), 0);
        assertEquals(0.3084971, i.high(), 1e-7);
        i = BinomialInterval.clopperPearson(1, 1000);
        assertEquals(2.531749e-05, i.low(), 1e-10);
        assertEquals(0.005558924, i.high(), 1e-8);
    }

    @Test
    void zeroEventsInHugeSamplesStillBoundTheRate() {
        final BinomialInterval i = BinomialInterval.clopperPearson(0, 4_000_000_000L);
        // upper = 1 - 0.025^(1/n) ≈ -ln(0.025)/n = 3.689/n
        assertEquals(3.6888794541139363 / 4e9, i.high(), 1e-15);
        assertTrue(BinomialInterval.clopperPearson(3, 4_000_000_000L).high() > 3 / 4e9);
    }

    @Test
    void momentsMergeExactly() {
        final RunningMoments all = new RunningMoments();
        final RunningMoments a = new RunningMoments();
        final RunningMoments b = new RunningMoments();
        for (int i = 0; i < 1000; i++) {
            final double v = Math.sin(i) * 3 + 1e6;
            all.add(v);
            (i < 377 ? a : b).add(v);
        }
        a.merge(b);
        assertEquals(all.mean(), a.mean(), 1e-9);
        assertEquals(all.variance(), a.variance(), 1e-9);
        assertEquals(4.5, all.variance(), 0.05);    // var of 3 sin(i) ≈ 9/2
    }
}
