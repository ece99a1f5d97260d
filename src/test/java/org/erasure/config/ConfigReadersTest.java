package org.erasure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.erasure.langevin.Integrator;
import org.erasure.model.TargetWell;
import org.erasure.physics.PhysicalUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration readers one by one (sources, overrides, words, sections, protocol tables): each value that is
 * read, and each bad one refused in one line that names the key.
 */
class ConfigReadersTest {

    @TempDir
    Path tmp;

    /** The section {@code name} of a YAML text, as the loader hands it to a reader. */
    private static ConfigNode section(String yaml, String name) {
        return new ConfigNode("test.yaml", "", ConfigSources.readTree("test.yaml", yaml)).child(name);
    }

    private static void assertRefused(Runnable read, String... words) {
        final RuntimeException e = assertThrows(RuntimeException.class, read::run);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void wordsNameTheirTypesInAnyCase() {
        assertEquals(Integrator.HEUN, ConfigWords.integrator("Heun"));
        assertEquals(Integrator.BAOAB, ConfigWords.integrator("baoab"));
        assertEquals(TargetWell.LEFT, ConfigWords.target("LEFT"));
        assertRefused(() -> ConfigWords.integrator("rk4"), "unknown integrator 'rk4'", "euler, heun, baoab");
        assertRefused(() -> ConfigWords.target("up"), "'left' or 'right'", "'up'");
    }

    @Test
    void overridesCreateSectionsAndRefuseWhatIsNotAValue() {
        final ObjectNode tree = (ObjectNode) ConfigSources.readTree("t", "name: a\n");
        ConfigSources.applyOverride("t", tree, "protocol.tau=3");
        assertEquals(3, tree.get("protocol").get("tau").asDouble());
        assertRefused(() -> ConfigSources.applyOverride("t", tree, "protocol.tau"), "expected key=value");
        assertRefused(() -> ConfigSources.applyOverride("t", tree, "protocol.tau=.nan"), "not a finite number");
        assertRefused(() -> ConfigSources.applyOverride("t", tree, "name.x=1"), "'name' is not a section");
        assertRefused(() -> ConfigSources.applyOverride("t", tree, "a..b=1"), "is not a configuration key");
    }

    @Test
    void sourcesRefuseWhatIsNotAConfigurationFile() throws Exception {
        assertRefused(() -> ConfigSources.readInput(tmp, 1000, "a configuration"), "not a regular file");
        final Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "x".repeat(2000));
        assertRefused(() -> ConfigSources.readInput(big, 1000, "a configuration"), "more than the", "MB");
        assertRefused(() -> ConfigSources.readInput(tmp.resolve("none.yaml"), 1000, "a configuration"),
                "no such file");
        assertRefused(() -> ConfigSources.readTree("t", "a: [1, 2"), "malformed YAML");
        assertRefused(() -> ConfigSources.readTree("t", "- 1\n- 2\n"), "mapping of keys to values");
    }

    @Test
    void aRunRecordGivesBackItsConfiguration() {
        final JsonNode record = ConfigSources.readTree("run.json",
                "{command: simulate, versions: {}, configuration: {name: q, protocol: {tau: 2}}}");
        assertEquals(2, ConfigSources.fromRunRecord("run.json", record).get("protocol").get("tau").asDouble());
        final JsonNode other = ConfigSources.readTree("r.json", "{command: retention, versions: {}}");
        assertRefused(() -> ConfigSources.fromRunRecord("r.json", other), "holds no erasure configuration");
        final JsonNode plain = ConfigSources.readTree("c.yaml", "name: q\n");
        assertEquals("q", ConfigSources.fromRunRecord("c.yaml", plain).get("name").asText());
    }

    @Test
    void timesAreReadInTauDOrInSecondsWithAPhysicalScale() {
        final PhysicalUnits thermal = PhysicalUnits.thermal(300);
        assertEquals(2.5, ProblemSections.readTime(section("protocol: {tau: 2.5}", "protocol"), "tau", thermal, true));
        final PhysicalUnits bead = PhysicalUnits.stokesBead(300, 1e-3, 1e-6, 0.5e-6);
        assertEquals(3.0, ProblemSections.readTime(section("protocol: {tau_s: " + 3 * bead.timeUnitS() + "}",
                "protocol"), "tau", bead, true), 1e-12);
        assertRefused(() -> ProblemSections.readTime(section("protocol: {tau_s: 1}", "protocol"), "tau", thermal, true),
                "'protocol.tau_s' needs a 'physical' section");
        assertRefused(() -> ProblemSections.readTime(section("protocol: {tau: 1, tau_s: 1}", "protocol"), "tau", bead,
                true), "give either 'protocol.tau'", "'protocol.tau_s'");
        assertRefused(() -> ProblemSections.readTime(section("protocol: {tau: -1}", "protocol"), "tau", thermal, true),
                "'protocol.tau' must be positive");
        assertRefused(() -> ProblemSections.readTime(section("protocol: {}", "protocol"), "tau", thermal, true),
                "missing required key 'protocol.tau'");
        assertTrue(Double.isNaN(ProblemSections.readTime(section("protocol: {}", "protocol"), "hold", thermal, false)));
    }

    @Test
    void theInitialStateIsEquilibriumOrAFinitePosition() {
        assertTrue(ProblemSections.readInitial(section("initial: {}", "initial"))
                instanceof org.erasure.model.InitialState.Equilibrium);
        assertEquals(org.erasure.model.InitialState.at(-1), ProblemSections.readInitial(section("initial: {position: -1}",
                "initial")));
        assertRefused(() -> ProblemSections.readInitial(section("initial: {position: left}", "initial")),
                "initial.position");
        assertRefused(() -> ProblemSections.readInitial(section("initial: {position: 0, velocity: 1}", "initial")),
                "initial.velocity");
    }

    @Test
    void theSimulationSectionHasDefaultsAndRefusesNonsense() {
        final EngineSections.Simulation d = EngineSections.readSimulation(section("simulation: {}", "simulation"));
        assertEquals(10_000, d.trajectories());
        assertEquals(1, d.seed());
        assertEquals(null, d.workHistogram());
        final EngineSections.Simulation h = EngineSections.readSimulation(section(
                "simulation: {trajectories: 7, seed: 9, work_histogram: {min_kT: -1, max_kT: 3, bins: 4}}", "simulation"));
        assertEquals(7, h.trajectories());
        assertEquals(4, h.workHistogram().bins());
        assertRefused(() -> EngineSections.readSimulation(section("simulation: {trajectories: 0}", "simulation")),
                "'simulation.trajectories' must be positive");
        assertRefused(() -> EngineSections.readSimulation(section(
                "simulation: {work_histogram: {min_kT: 3, max_kT: 1}}", "simulation")), "min_kT < max_kT");
    }

    @Test
    void theFokkerPlanckSectionReadsItsGridAndRefusesConflicts() {
        final PhysicalUnits u = PhysicalUnits.thermal(300);
        final EngineSections.FokkerPlanck fp = EngineSections.readFokkerPlanck(section(
                "fokker_planck: {cells: 400, time_steps: 100, time_order: 1, snapshots: [0, 1]}", "fokker_planck"), u, 10,
                false, 1e-3, false);
        assertEquals(400, fp.cells());
        assertEquals(0.1, fp.dt(), 1e-15);
        assertEquals(1, fp.timeOrder());
        assertEquals(2, fp.snapshots().length);
        // without a step: the Monte Carlo step's, known later under dt: auto
        assertTrue(Double.isNaN(EngineSections.readFokkerPlanck(section("fokker_planck: {}", "fokker_planck"), u, 10,
                true, Double.NaN, false).dt()));
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {cells: 10}", "fokker_planck"), u,
                10, false, 1e-3, false), "'fokker_planck.cells' must lie in [40, 1e7]");
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {dt: 0.1, time_steps: 10}",
                "fokker_planck"), u, 10, false, 1e-3, false), "give either");
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {time_order: 3}", "fokker_planck"),
                u, 10, false, 1e-3, false), "time_order");
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {snapshots: [2]}", "fokker_planck"),
                u, 10, false, 1e-3, false), "fractions of tau in [0, 1]");
        // underdamped (the phase-space solver): its own default grid, velocity cells, first order only
        final EngineSections.FokkerPlanck ud = EngineSections.readFokkerPlanck(section(
                "fokker_planck: {velocity_cells: 96}", "fokker_planck"), u, 10, false, 1e-3, true);
        assertEquals(org.erasure.fokkerplanck.FokkerPlanckSettings.DEFAULT_PHASE_SPACE_CELLS, ud.cells());
        assertEquals(96, ud.velocityCells());
        assertEquals(1, ud.timeOrder());
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {time_order: 2}", "fokker_planck"),
                u, 10, false, 1e-3, true), "first order");
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {velocity_cells: 30}",
                "fokker_planck"), u, 10, false, 1e-3, true), "multiple of 4");
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {velocity_cells: 32}",
                "fokker_planck"), u, 10, false, 1e-3, false), "underdamped dynamics only");
        // the velocity grid's reach, in thermal velocities: default 16, read where given, refused out of [8, 64] and
        // for overdamped dynamics
        assertEquals(16, ud.velocityReach());
        assertEquals(10, EngineSections.readFokkerPlanck(section("fokker_planck: {velocity_reach: 10}", "fokker_planck"),
                u, 10, false, 1e-3, true).velocityReach());
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {velocity_reach: 6}",
                "fokker_planck"), u, 10, false, 1e-3, true), "must lie in [8.0, 64]");
        assertRefused(() -> EngineSections.readFokkerPlanck(section("fokker_planck: {velocity_reach: 10}",
                "fokker_planck"), u, 10, false, 1e-3, false), "underdamped dynamics only");
    }

    @Test
    void theTimeStepToleranceIsReadOrDefaulted() {
        assertEquals(org.erasure.langevin.TimeStepTolerance.defaults(), EngineSections.readTolerance(section(
                "dynamics: {}", "dynamics")));
        assertEquals(0.05, EngineSections.readTolerance(section(
                "dynamics: {timestep_tolerance: {error_rate_relative: 0.05}}", "dynamics")).errorRateRelative());
        assertRefused(() -> EngineSections.readTolerance(section(
                "dynamics: {timestep_tolerance: {energy_kT: -1}}", "dynamics")), "dynamics.timestep_tolerance");
    }

    @Test
    void aProtocolTableNamesTheLineOfEachFault() {
        final List<double[]> rows = ProtocolTableReader.parse("t.txt", List.of("# g F", "", "1 0", "0.5 2"));
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(1)[1]);
        assertRefused(() -> ProtocolTableReader.parse("t.txt", List.of("1 0", "1 2 3")), "t.txt line 2",
                "expected 2 columns");
        assertRefused(() -> ProtocolTableReader.parse("t.txt", List.of("1 0", "x 2")), "t.txt line 2", "'x'");
        assertRefused(() -> ProtocolTableReader.parse("t.txt", List.of("1 0", "1 Infinity")), "not finite");
        assertRefused(() -> ProtocolTableReader.parse("t.txt", List.of("1 0")), "at least 2 rows");
    }

    @Test
    void embeddedPresetsAreReadOneWay() {
        assertTrue(ConfigSources.resource(ConfigLoader.DEFAULT_RESOURCE).contains("name: quick"));
        assertThrows(IllegalStateException.class, () -> ConfigSources.resource("/org/erasure/configs/none.yaml"));
        assertEquals("cantilever", ConfigLoader.preset("cantilever.yaml", List.of()).name());
    }
}
