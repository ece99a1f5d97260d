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

    /**
     * Runs tasks on {@code helpers} (null: none) and on the calling thread together: every task is handed to the
     * helpers, then the caller runs, in order, each one no helper has started (FutureTask.run does nothing for a task
     * already started), and returns when all are done. The caller never waits on a task that is still queued, so
     * tasks may themselves call this with the same helpers, and a pool of any size will do.
     */
    public static <T> void runShared(java.util.List<? extends java.util.concurrent.RunnableFuture<T>> tasks,
                                     java.util.concurrent.Executor helpers) {
        if (helpers != null) {
            for (int k = 1; k < tasks.size(); k++) {
                helpers.execute(tasks.get(k));
            }
        }
        tasks.forEach(Runnable::run);
        tasks.forEach(Futures::get);
    }

    /**
     * Whether handing work to {@code helpers} may get it done sooner: a pool with an idle thread and nothing queued
     * (any other non-null executor counts as idle). A hint only: the callers' results never depend on who runs what,
     * so they may read it at any moment (a splittable solve runs whole when no helper is free, and so keeps the
     * rate evaluations its runs share in lockstep).
     */
    public static boolean idle(java.util.concurrent.Executor helpers) {
        if (helpers instanceof java.util.concurrent.ThreadPoolExecutor p) {
            return p.getActiveCount() < p.getMaximumPoolSize() && p.getQueue().isEmpty();
        }
        return helpers != null;
    }

    /**
     * The result of a task handed to helper threads: run here if no helper has started it yet (so a caller never
     * waits on a queued task: no deadlock when every helper itself waits), else waited for.
     */
    public static <T> T runOrGet(java.util.concurrent.RunnableFuture<T> task) {
        task.run();
        return get(task);
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
