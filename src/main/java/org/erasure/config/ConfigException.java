package org.erasure.config;

/** A configuration problem, with a one-line message naming the file and key where known. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
