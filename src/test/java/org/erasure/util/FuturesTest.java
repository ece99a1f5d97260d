package org.erasure.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Shared work never deadlocks: a caller runs every task no helper has started, so tasks may hand work to the very
 * pool they run on (the optimiser's generations inside claims' pool), and each task runs exactly once.
 */
class FuturesTest {

    @Test
    void nestedSharingOnABusyPoolCompletesAndRunsEachTaskOnce() {
        final ExecutorService pool = Futures.daemonPool("test", 2);
        try {
            final AtomicInteger leaves = new AtomicInteger();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                // 4 outer tasks on a 2-thread pool, each sharing 6 leaves with that same pool and waiting for them
                final List<FutureTask<Integer>> outer = new ArrayList<>();
                for (int o = 0; o < 4; o++) {
                    outer.add(new FutureTask<>(() -> {
                        final List<FutureTask<Integer>> inner = new ArrayList<>();
                        for (int i = 0; i < 6; i++) {
                            final int k = i;
                            inner.add(new FutureTask<>(() -> {
                                leaves.incrementAndGet();
                                Thread.sleep(5);
                                return k;
                            }));
                        }
                        Futures.runShared(inner, pool);
                        int sum = 0;
                        for (FutureTask<Integer> t : inner) {
                            sum += Futures.get(t);
                        }
                        return sum;
                    }));
                }
                Futures.runShared(outer, pool);
                for (FutureTask<Integer> t : outer) {
                    assertEquals(15, Futures.runOrGet(t));
                }
            });
            assertEquals(24, leaves.get(), "each leaf ran exactly once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void idleMeansAFreeThreadAndAnEmptyQueue() throws Exception {
        assertFalse(Futures.idle(null));
        final ExecutorService pool = Futures.daemonPool("test", 1);
        try {
            assertTrue(Futures.idle(pool));
            final java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
            final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            pool.execute(() -> {
                started.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            started.await();
            assertFalse(Futures.idle(pool), "its only thread is busy");
            hold.countDown();
        } finally {
            pool.shutdownNow();
        }
    }
}
