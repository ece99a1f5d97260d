package org.erasure.model;

import java.util.Locale;

/** The well an erasure should leave the particle in; ending on the other side is an error. */
public enum TargetWell {
    LEFT, RIGHT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a particle at x ended on the wrong side of the barrier at xBarrier. */
    public boolean isWrong(double x, double xBarrier) {
        return this == RIGHT ? !(x > xBarrier) : !(x < xBarrier);
    }
}
