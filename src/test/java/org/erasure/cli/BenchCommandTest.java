package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The bench command's scaling mode: its JSON record and its refusals (speed itself is not tested here). */
class BenchCommandTest {

    @Test
    void scalingReportsOnePointPerThreadCount() throws Exception {
        // one block of B1 per measurement: the record's shape, not the machine's speed
        final Cli.Result r = Cli.run("bench", "--scaling", "1,2", "--trajectories", "256",
                "--repeats", "1", "--json");
        assertEquals(0, r.code(), r.err());
        final JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("B1-scaling", json.get("benchmark").asText());
        assertEquals(2, json.get("points").size());
        assertEquals(2, json.get("points").get(1).get("threads").asInt());
        for (JsonNode point : json.get("points")) {
            assertTrue(point.get("particle_steps_per_s").asDouble() > 0);
            assertTrue(point.get("scaling").asDouble() > 0);
        }
        // the problem measured is B1 of SPEC 6 (tau = 10, dt = 1e-4: 1e5 steps), on the trajectories asked for
        assertEquals(100_000, json.get("time_steps").asLong());
        assertEquals(256, json.get("trajectories").asLong());
    }

    @Test
    void conflictingAndNonPositiveThreadCountsAreRefusedInOneLine() {
        for (String[] args : new String[][] {{"bench", "--scaling", "1,2", "--threads", "2"}, {"bench", "--scaling", "0"}}) {
            final Cli.Result r = Cli.run(args);
            assertEquals(ErasureApp.EXIT_BAD_INPUT, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--scaling"), r.err());
        }
    }

    /** Issue 15: the sweep benchmark times sweep-tau.yaml (fp) on 1 and all threads and checks the CSVs are equal. */
    @Test
    void sweepBenchmarkTimesBothAndFindsTheSameCsv() throws Exception {
        final Cli.Result r = Cli.run("bench", "--sweep", "--repeats", "1", "--json");
        assertEquals(0, r.code(), r.err());
        final JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(7, json.get("points").asInt());
        assertTrue(json.get("identical_csv").asBoolean(), r.out());
        assertTrue(json.get("wall_s_1_thread").asDouble() > 0 && json.get("wall_ratio_median").asDouble() > 0);
        final Cli.Result both = Cli.run("bench", "--sweep", "--rare-event");
        assertEquals(ErasureApp.EXIT_BAD_INPUT, both.code(), both.err());
        assertTrue(both.err().contains("conflict"), both.err());
    }

    /**
     * The optimiser benchmark's own result (the same optimum on 1 and on all threads) is what
     * ProtocolOptimizerTest.helperThreadsChangeNoBitOfTheOptimum proves in a fraction of the time; here only that the
     * mode refuses company.
     */
    @Test
    void optimizeBenchmarkRefusesAnotherMode() {
        final Cli.Result both = Cli.run("bench", "--optimize", "--sweep");
        assertEquals(ErasureApp.EXIT_BAD_INPUT, both.code(), both.err());
        assertTrue(both.err().contains("conflict"), both.err());
    }
}
