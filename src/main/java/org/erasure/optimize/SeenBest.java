package org.erasure.optimize;

/** The lowest objective offered to it and its point (clamped to the unit box); the first one offered wins ties. */
final class SeenBest {
    double[] point;
    double value = Double.POSITIVE_INFINITY;

    synchronized void offer(double[] u, double v) {
        if (v < value) {
            value = v;
            point = LocalSearch.clampUnit(u);
        }
    }
}
