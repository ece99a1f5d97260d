package org.erasure.langevin;

import org.erasure.model.DivergenceException;
import org.erasure.model.TargetWell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/** Same seed → bit-identical results for any thread count; another seed → other numbers. */
class ReproducibilityTest {

    private static final LangevinRun RUN = run(77);

    private static LangevinRun run(long seed) {
        final LangevinRun r = LangevinRun.of(QuarticDoubleWell.of(4), KeyframeProtocol.fourStep(1, 0, 4),
                Integrator.HEUN, 1e-3, 3000, seed);
        return new LangevinRun(r.problem(), r.integrator(), r.grid(), r.trajectories(), seed,
                new org.erasure.stats.Histogram(-2, 6, 16));
    }

    private static String fingerprint(ErasureTally t) {
        return t.trajectories() + " " + Double.doubleToLongBits(t.work().mean()) + " "
                + Double.doubleToLongBits(t.work().variance()) + " " + Double.doubleToLongBits(t.heat().mean()) + " "
                + Double.doubleToLongBits(t.jarzynski().mean()) + " " + t.errors(0) + " " + t.errors(1) + " "
                + java.util.Arrays.toString(t.workHistogram().counts());
    }

    @Test
    void identicalForOneTwoAndThreeThreads() {
        // 3000 trajectories = 11 full blocks and a partial one, so blocks finish out of order on 3 threads.
        final String one = fingerprint(LangevinMonteCarlo.run(RUN, 1, null));
        assertEquals(one, fingerprint(LangevinMonteCarlo.run(RUN, 2, null)));
        assertEquals(one, fingerprint(LangevinMonteCarlo.run(RUN, 3, null)));
    }

    @Test
    void anotherSeedGivesOtherNumbers() {
        assertNotEquals(fingerprint(LangevinMonteCarlo.run(RUN, 2, null)),
                fingerprint(LangevinMonteCarlo.run(run(78), 2, null)));
    }

    @Test
    void divergenceIsReportedNotHidden() {
        // dt far beyond the stability limit 2/curvature: the engine must stop with a clear error.
        final LangevinRun bad = LangevinRun.of(QuarticDoubleWell.of(8), KeyframeProtocol.fourStep(10, 0, 8),
                Integrator.EULER_MARUYAMA, 0.2, 256, 1);
        final DivergenceException e = org.junit.jupiter.api.Assertions.assertThrows(DivergenceException.class,
                () -> LangevinMonteCarlo.run(bad, 2, null));
        // the engine names the step and its value; the command line adds the configuration key (dynamics.dt)
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("dt = 0.200")
                && e.getMessage().contains("reduce the time step"), e.getMessage());
    }
}
