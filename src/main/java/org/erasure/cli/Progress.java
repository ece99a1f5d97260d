package org.erasure.cli;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long run on stderr: a bar when a terminal is attached; otherwise (output redirected to a
 * log) one line every {@value #LOG_EVERY_S} seconds, so that a long run is never silent.
 */
final class Progress implements AutoCloseable {

    /** Seconds between two progress lines on a log. */
    static final long LOG_EVERY_S = 10;

    private final ProgressBar bar;
    private final LongConsumer log;

    private Progress(ProgressBar bar, LongConsumer log) {
        this.bar = bar;
        this.log = log;
    }

    static Progress of(String task, long total, String unit) {
        return of(task, total, unit, System.console() != null, System.nanoTime());
    }

    /** A bar on a terminal; on a log, lines every {@value #LOG_EVERY_S} s counted from {@code start} (nanoTime). */
    static Progress of(String task, long total, String unit, boolean terminal, long start) {
        if (!terminal) {
            return new Progress(null, logLines(task, total, unit, start));
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build(), null);
    }

    /** A listener (safe from worker threads) printing "task: done/total unit (p %), t s" at most every 10 s. */
    static LongConsumer logLines(String task, long total, String unit, long start) {
        final AtomicLong done = new AtomicLong();
        final AtomicLong last = new AtomicLong(start);
        return n -> {
            final long d = done.addAndGet(n);
            final long now = System.nanoTime();
            final long prev = last.get();
            if (now - prev >= LOG_EVERY_S * 1_000_000_000L && last.compareAndSet(prev, now)) {
                System.err.printf(Locale.ROOT, "%s: %d/%d %s (%.0f %%), %.0f s%n", task, d, total, unit,
                        100.0 * d / total, (now - start) * 1e-9);
                System.err.flush();
            }
        };
    }

    LongConsumer listener() {
        return bar == null ? log : bar::stepBy;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
