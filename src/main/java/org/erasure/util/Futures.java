package org.erasure.util;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on worker results with the workers' own exceptions rethrown unwrapped. */
public final class Futures {

    private Futures() {
    }

    /**
     * A fixed pool of daemon threads (a run that fails or is interrupted never keeps the JVM alive), each named
     * after the work it does.
     */
    public static java.util.concurrent.ExecutorService daemonPool(String name, int threads) {
        return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Helper threads for a caller that also works itself: a daemon pool of {@code threads} − 1 threads, or null
     * when {@code threads} is 1 (the caller does everything).
     */
    public static java.util.concurrent.ExecutorService helpers(String name, int threads) {
        return threads > 1 ? daemonPool(name, threads - 1) : null;
    }

    /** Shuts a pool down (null: nothing to do). */
    public static void shutdown(java.util.concurrent.ExecutorService pool) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The result of f; a RuntimeException thrown by the task is rethrown as it is. */
    public static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
