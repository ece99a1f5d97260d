package org.erasure.model;

/**
 * An engine cannot honour part of a problem (underdamped dynamics for the overdamped Fokker–Planck
 * solver, say). Engines throw it instead of dropping that part; the command line reports the one-line
 * message as bad input.
 */
public final class UnsupportedProblemException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedProblemException(String message) {
        super(message);
    }
}
