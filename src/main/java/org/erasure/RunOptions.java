package org.erasure;

import java.util.Objects;

/**
 * How the facade carries a run out: on how many worker threads (results do not depend on it), what watches it, and
 * what it records.
 *
 * @param threads   worker threads, positive
 * @param listener  progress and notes
 * @param recording what a Monte Carlo run records beyond its tallies
 */
public record RunOptions(int threads, RunListener listener, RecordingRequest recording) {

    public RunOptions {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        Objects.requireNonNull(listener);
        Objects.requireNonNull(recording);
    }

    /** On {@code threads} threads, silent, recording nothing. */
    public static RunOptions threads(int threads) {
        return new RunOptions(threads, RunListener.SILENT, RecordingRequest.NONE);
    }
}
