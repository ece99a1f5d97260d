package org.erasure.model;

/** A trajectory produced NaN or infinity, or left any sane range: the time step is too large. */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
