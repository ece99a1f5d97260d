package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Cli;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sweep --shard auto}: the shard from a SLURM job array's variables (issue 14). */
class SlurmShardTest {

    @Test
    void arrayTasksMapOntoShards() {
        // --array=0-2: tasks 0, 1, 2 run shards 1/3, 2/3, 3/3
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(new int[] {t + 1, 3}, SweepCommand.shardFromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "" + t,
                    "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_MAX", "2")));
        }
        // --array=1-4 and --array=10-30:10, and the count alone
        assertArrayEquals(new int[] {4, 4}, SweepCommand.shardFromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "4",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "4")));
        assertArrayEquals(new int[] {2, 3}, SweepCommand.shardFromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "20",
                "SLURM_ARRAY_TASK_MIN", "10", "SLURM_ARRAY_TASK_MAX", "30", "SLURM_ARRAY_TASK_STEP", "10")));
        assertArrayEquals(new int[] {1, 5}, SweepCommand.shardFromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "0",
                "SLURM_ARRAY_TASK_COUNT", "5")));
    }

    @Test
    void outsideAnArrayJobItIsRefusedInOneLine() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepCommand.shardFromSlurm(Map.of()));
        assertTrue(e.getMessage().contains("not inside a SLURM job array"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepCommand.shardFromSlurm(Map.of("SLURM_ARRAY_TASK_ID",
                "3")));
        assertThrows(IllegalArgumentException.class, () -> SweepCommand.shardFromSlurm(Map.of("SLURM_ARRAY_TASK_ID",
                "x", "SLURM_ARRAY_TASK_COUNT", "2")));
        // and from the command line, exit 2 with nothing written (this JVM has no SLURM variables)
        if (System.getenv("SLURM_ARRAY_TASK_ID") == null) {
            final Cli.Result r = Cli.run("sweep", "--config", "configs/sweep-tau.yaml",
                    "--shard", "auto", "--out", "target/never-written-shard-auto");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("not inside a SLURM job array"), r.err());
            assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("target/never-written-shard-auto")));
        }
    }
}
