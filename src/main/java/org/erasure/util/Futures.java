package org.erasure.util;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on worker results with the workers' own exceptions rethrown unwrapped. */
public final class Futures {

    private Futures() {
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
