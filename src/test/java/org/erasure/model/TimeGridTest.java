package org.erasure.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.erasure.config.ConfigException;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import org.erasure.langevin.StabilityCheck;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.junit.jupiter.api.Test;

class TimeGridTest {

    @Test
    void theGridIsTheNearestWholeNumberOfStepsAndTheHoldRunsOnTheSameStep() {
        final TimeGrid g = TimeGrid.of(10, 50, 1e-3);
        assertEquals(10_000, g.protocolSteps());
        assertEquals(50_000, g.holdSteps());
        assertEquals(1e-3, g.dt(), 1e-18);
        final TimeGrid odd = TimeGrid.of(1, 0, 0.6);             // 1/0.6 = 1.67 -> 2 steps of 0.5
        assertEquals(2, odd.protocolSteps());
        assertEquals(0.5, odd.dt(), 0);
        assertEquals(new TimeGrid(2e-3, 5_000, 25_000), g.coarsened());
        assertEquals(new TimeGrid(5e-4, 20_000, 100_000), g.refined());
        assertEquals(60, g.duration() + g.holdTime(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(1, -1, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(1, 0, 0));
    }

    /**
     * The stability check tests the step that runs, τ/round(τ/dt), not the one requested: a requested step
     * 0.9 × the stability limit over τ = 1.4 × that step runs as one step of τ = 1.26 × the limit, and is
     * refused; over τ = 2 × the step it runs as requested and is accepted.
     */
    @Test
    void theStabilityCheckTestsTheStepActuallyRun() {
        final double limit = StabilityCheck.largestStableStep(ErasureProblem.of(QuarticDoubleWell.of(8),
                KeyframeProtocol.fourStep(1, 0, 8)));
        final double dt = 0.9 * limit;
        final ConfigException e = assertThrows(ConfigException.class, () -> config(1.4 * dt, dt));
        assertTrue(e.getMessage().contains("too large for stability"), e.getMessage());
        final ErasureConfig ok = config(2 * dt, dt);
        assertEquals(2, ok.monteCarlo().grid(ok.problem()).protocolSteps());
    }

    private static ErasureConfig config(double tau, double dt) {
        return ConfigLoader.parse("test", "t", String.join("\n",
                "potential: {type: quartic, barrier_kT: 8}",
                "protocol: {type: four-step, tau: " + tau + ", g_min: 0, F_max_kT: 8}",
                "dynamics: {model: overdamped, integrator: euler, dt: " + dt + "}", ""), List.of());
    }
}
