package org.erasure.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import org.junit.jupiter.api.Test;

/** How the time-to-accuracy benchmark adapts its runs (the timings themselves are measured, not tested). */
class AccuracyBenchTest {

    @Test
    void aRunWithinTheTargetEndsTheMeasurement() {
        assertNull(AccuracyBench.nextWorkRun(1000, 1e-3, 6e-4, 6e-4, 1e-3));
    }

    @Test
    void aTimeStepErrorAboveTheTargetsShareHalvesTheStepAndKeepsTheTrajectories() {
        assertArrayEquals(new double[] {1000, 5e-4}, AccuracyBench.nextWorkRun(1000, 1e-3, 5e-4, 9e-4, 1e-3));
    }

    @Test
    void aSamplingErrorAboveItRaisesTheTrajectoriesToWhatTheStandardErrorNeeds() {
        // se 2e-3 with a time-step error of 6e-4: the standard error must reach 8e-4, (2/0.8)^2 = 6.25 times the
        // trajectories, with the 10 % margin
        final double[] next = AccuracyBench.nextWorkRun(20_000, 1e-3, 2e-3, 6e-4, 1e-3);
        assertEquals(1e-3, next[1]);
        assertEquals(Math.ceil(20_000 * 1.1 * 6.25), next[0], 1);
    }

    @Test
    void itRefusesAnotherMode() {
        final Cli.Result r = Cli.run("bench", "--accuracy", "--sweep");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("conflict"), r.err());
    }
}
