package org.erasure.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed mid-write (kill -9) leaves staging files; the next run sweeps them up, and only them. */
class StagingTest {

    @TempDir
    Path dir;

    @Test
    void aLaterRunSweepsUpTheLitterOfDeadRunsOnly() throws Exception {
        final long dead = Long.MAX_VALUE;                     // no process has this id
        final long alive = ProcessHandle.current().pid();
        final String host = Staging.HOST;
        final Path deadFile = Files.writeString(dir.resolve(".summary.csv.staging-" + host + "-" + dead + "-123.tmp"),
                "half");
        final Path deadFolder = Files.createDirectory(dir.resolve(".mc.staging-" + host + "-" + dead + "-77"));
        Files.writeString(deadFolder.resolve("paths.png"), "half a figure");
        final Path liveFile = Files.writeString(dir.resolve(".run.json.staging-" + host + "-" + alive + "-5.tmp"),
                "being written");
        // a shard of the same sweep on another node of a cluster, writing into this shared folder: its id means
        // nothing here, and its staging is left alone
        final Path otherHost = Files.writeString(dir.resolve(".point-7.csv.staging-" + host + "x-" + dead + "-9.tmp"),
                "another node's");
        final Path hidden = Files.writeString(dir.resolve(".my-notes"), "a user's hidden file");
        final Path visible = Files.writeString(dir.resolve("notes.staging-1-x"), "a user's file");
        AtomicFiles.writeAll(dir, Map.of("summary.csv", "a,b\n1,2\n"));
        assertFalse(Files.exists(deadFile), "a dead run's staging file");
        assertFalse(Files.exists(deadFolder), "a dead run's staging folder");
        assertTrue(Files.exists(liveFile), "a live run's staging is not touched");
        assertTrue(Files.exists(otherHost), "another host's staging is not touched");
        assertTrue(Files.exists(hidden) && Files.exists(visible), "a user's files are not touched");
        assertTrue(Files.readString(dir.resolve("summary.csv")).startsWith("a,b"));
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().contains(".staging-" + host + "-" + alive + "-")
                    && !f.equals(liveFile)), "this run's own staging is gone");
        }
    }
}
