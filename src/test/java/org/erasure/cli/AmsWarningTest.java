package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.erasure.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A splitting estimate that cannot be vouched for is flagged in words: on the cantilever (Q = 7) the default score
 * came out 1000 times below direct sampling (issue 12), so strongly underdamped runs carry ams_warning; an
 * overdamped run does not.
 */
class AmsWarningTest {

    @TempDir
    Path tmp;

    @Test
    void stronglyUnderdampedSplittingIsFlagged() throws IOException {
        final SimulateCommandTest.Result c = SimulateCommandTest.run("simulate", "--config", "configs/cantilever.yaml",
                "--set", "rare_event.method=ams", "--set", "rare_event.replicas=20", "--set", "rare_event.repetitions=2",
                "--trajectories", "500", "--out", tmp.resolve("c").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("WARNING: the splitting estimate is not validated"), c.out());
        assertTrue(Table.readCsv(tmp.resolve("c/summary.csv")).text("ams_warning", 0).contains("quality"));
        final SimulateCommandTest.Result q = SimulateCommandTest.run("simulate", "--set", "rare_event.method=ams",
                "--set", "rare_event.replicas=20", "--set", "rare_event.repetitions=2", "--trajectories", "500",
                "--out", tmp.resolve("q").toString());
        assertEquals(0, q.code(), q.err());
        assertTrue(!q.out().contains("not validated"), q.out());
        assertEquals("", Table.readCsv(tmp.resolve("q/summary.csv")).text("ams_warning", 0));
    }
}
