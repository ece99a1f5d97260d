package org.erasure;

import java.util.Objects;

/**
 * What a Monte Carlo run records beyond its tallies (SPEC 3.1), into a {@link org.erasure.stats.Recording} of the run
 * that is reported (with {@code dt: auto}, the last one).
 *
 * @param perTrajectory each trajectory's row
 * @param paths         sample paths (the first trajectories), 0 for none
 * @param pathPoints    positions per path, equally spaced over the run (at least 2)
 * @param errorTimes    times (τ_D) at which ε(t) is counted
 */
public record RecordingRequest(boolean perTrajectory, int paths, int pathPoints, double[] errorTimes) {

    /** Nothing beyond the tallies. */
    public static final RecordingRequest NONE = new RecordingRequest(false, 0, 2, new double[0]);

    public RecordingRequest {
        Objects.requireNonNull(errorTimes);
        final boolean asked = perTrajectory || paths != 0 || errorTimes.length > 0;
        if (asked && (paths < 0 || pathPoints < 2 || pathPoints > 100_000)) {
            throw new IllegalArgumentException("need --paths >= 0 and 2 <= --path-points <= 100000, got " + paths
                    + " and " + pathPoints);
        }
        errorTimes = errorTimes.clone();
    }

    /** Whether anything is to be recorded. */
    public boolean any() {
        return perTrajectory || paths > 0 || errorTimes.length > 0;
    }

    @Override
    public double[] errorTimes() {
        return errorTimes.clone();
    }
}
