package org.erasure.stats;

import java.util.function.DoublePredicate;

/**
 * What a Monte Carlo run tells an observer beyond its streaming tallies, block by block from its worker threads (as
 * OpenMM's reporters or Hipparchus's step handlers are told): each block's initial bit values, the block's positions
 * at the steps the observer asked for, and each trajectory's values at the end. Trajectories are numbered as the
 * seed's streams number them, so an observer sees the same numbers at any thread count. Implementations must be safe
 * for concurrent blocks; {@link Recording} is the product's.
 */
public interface TrajectoryObserver {

    /** The steps at which {@link #atStep} is called, sorted, without repeats (empty: none). */
    long[] observedSteps();

    /** Whether {@link #trajectory} is wanted (it is called once per trajectory when it is). */
    boolean wantsTrajectories();

    /** A block of n trajectories starts; bit[i] is 0 for those left of the initial barrier, 1 for the right. */
    void started(int[] bit, int n);

    /**
     * At step k (one of {@link #observedSteps()}): the positions x[0..n) of the block's trajectories numbered from
     * firstIndex, their initial bit values, and the test of the wrong side of the final barrier.
     */
    void atStep(long k, long firstIndex, double[] x, int[] bit, int n, DoublePredicate wrongSide);

    /**
     * One trajectory's end: initial and final position (x_m), W, |W| summed stepwise (W⁺ − W⁻), Q (kT), initial bit,
     * whether it ended wrong.
     */
    void trajectory(long index, double x0, double x, double w, double wAbs, double q, int bit, boolean wrong);
}
