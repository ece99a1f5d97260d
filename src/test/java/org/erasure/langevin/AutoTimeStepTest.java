package org.erasure.langevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.erasure.Erasure;
import org.erasure.config.ConfigException;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import org.junit.jupiter.api.Test;

/** {@code dynamics.dt: auto} and the time-step tolerance, read from configurations and run. */
class AutoTimeStepTest {

    @Test
    void autoStartsAtATenthOfTheStabilityLimitAndHalvesUntilTheToleranceIsMet() {
        final ErasureConfig c = ConfigLoader.preset("quick.yaml", List.of("simulation.trajectories=4000"));
        final MonteCarloSettings s = c.monteCarlo();
        assertTrue(s.autoDt(), "quick.yaml's step is auto");
        assertEquals(StabilityCheck.largestStableStep(c.problem()) / 10, s.dt(), 1e-15);
        final TimeStepRefinement.Outcome o = Erasure.simulateJudged(c.problem(), s, 2, null);
        assertTrue(o.withinTolerance(), String.join("; ", o.history()));
        // each refinement halves the step: the kept step is the first one over a power of two
        final double halvings = Math.log(s.run(c.problem()).effectiveDt() / o.run().effectiveDt()) / Math.log(2);
        assertEquals(Math.rint(halvings), halvings, 1e-9);
        assertEquals(o.history().size() - 1, (int) Math.rint(halvings), "one history line per run made");
    }

    @Test
    void aGivenStepIsRunOnceAndJudged() {
        final ErasureConfig c = ConfigLoader.preset("quick.yaml", List.of("simulation.trajectories=4000",
                "dynamics.dt=2e-3"));
        assertFalse(c.monteCarlo().autoDt());
        final TimeStepRefinement.Outcome o = Erasure.simulateJudged(c.problem(), c.monteCarlo(), 2, null);
        assertEquals(1, o.history().size());
        assertEquals(10.0 / 5000, o.run().effectiveDt(), 1e-15, "the step as given");
        // at 2e-3 (0.3 of the stability limit) <W+> and <W-> change by more than 1e-3 kT and half their s.e.
        assertFalse(o.withinTolerance(), String.join("; ", o.history()));
    }

    @Test
    void toleranceIsReadAndBadValuesAreRefused() {
        final ErasureConfig c = ConfigLoader.preset("quick.yaml", List.of(
                "dynamics.timestep_tolerance.error_rate_relative=0.2", "dynamics.timestep_tolerance.energy_kT=0.01"));
        assertEquals(new TimeStepTolerance(0.2, 0.01), c.monteCarlo().tolerance());
        assertEquals(0.01, c.monteCarlo().tolerance().energy(5, 0.004), 0, "1e-3 kT floor raised to 0.01");
        assertEquals(0.02, c.monteCarlo().tolerance().energy(200, 0.004), 1e-15, "1e-4 of 200 kT");
        assertEquals(0.05, c.monteCarlo().tolerance().energy(5, 0.1), 0, "half the standard error");
        assertThrows(ConfigException.class, () -> ConfigLoader.preset("quick.yaml",
                List.of("dynamics.timestep_tolerance.energy_kT=-1")));
        assertThrows(ConfigException.class, () -> ConfigLoader.preset("quick.yaml",
                List.of("dynamics.timestep_tolerance.error_rate_relative=2")));
        assertThrows(ConfigException.class, () -> ConfigLoader.preset("quick.yaml",
                List.of("dynamics.timestep_tolerance.bogus=2")));
        final ConfigException both = assertThrows(ConfigException.class, () -> ConfigLoader.preset("quick.yaml",
                List.of("dynamics.dt_s=1")));
        assertTrue(both.getMessage().contains("not both") || both.getMessage().contains("physical"), both.getMessage());
    }
}
