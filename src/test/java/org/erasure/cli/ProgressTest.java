package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** With output redirected (no terminal), a long run prints a progress line every 10 s instead of nothing. */
class ProgressTest {

    @Test
    void aLogGetsALineEveryTenSeconds() {
        final PrintStream err = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // a run that started 25 s ago: the first report prints, the next one within 10 s does not
            final LongConsumer l = Progress.logLines("claims", 40, "steps", System.nanoTime() - 25_000_000_000L);
            l.accept(10);
            l.accept(5);
        } finally {
            System.setErr(err);
        }
        final String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("claims: 10/40 steps (25 %), 25 s"), out);
    }

    /** Without a terminal, the progress a run is given writes log lines (it once could have been silent). */
    @Test
    void withoutATerminalTheProgressWritesLogLines() {
        final PrintStream err = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (Progress p = Progress.of("simulate", 10, "traj", false, System.nanoTime() - 25_000_000_000L)) {
                p.listener().accept(5);
            }
        } finally {
            System.setErr(err);
        }
        final String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("simulate: 5/10 traj (50 %), 25 s"), out);
    }
}
