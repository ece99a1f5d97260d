package org.erasure.protocol;

import java.util.Arrays;

/**
 * The schedule of a {@link org.erasure.physics.TabulatedField}: frame k is the potential at time r_k τ, and between
 * two frames of different times the potential is joined linearly in time (SPEC 2.3, {@code protocol.type: field}).
 * Control 0 is the frame coordinate s (k plus the fraction of the way to frame k + 1), control 1 the tilt, 0.
 *
 * <p>Two frames may share a time: the potential then jumps there, at fixed density, as a sudden quench does (the
 * optimal protocols of Schmiedl &amp; Seifert, PRL 98, 108301 (2007), and of the full-control optimum jump at both ends).
 * The schedule is right-continuous: at a shared time it takes the later frame, except at t = 0, where it is frame 0
 * (the run starts in frame 0's equilibrium). A time within 1e-12 τ of τ counts as τ, so that a step grid's
 * N·(τ/N), which may fall an ulp short, reaches the last frame.
 */
public final class FieldSchedule implements Protocol {

    /** The part of τ before its end that counts as τ. */
    private static final double END_TOLERANCE = 1e-12;

    private final double tau;
    private final double[] fractions;

    private FieldSchedule(double tau, double[] fractions) {
        this.tau = tau;
        this.fractions = fractions;
    }

    /**
     * @param tau       the duration (τ_D), positive and finite
     * @param fractions r_k = t_k/τ of each frame: r_0 = 0, r_{K−1} = 1, non-decreasing, no three frames at one time
     */
    public static FieldSchedule of(double tau, double[] fractions) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite, got " + tau);
        }
        final int k = fractions.length;
        if (k < 2) {
            throw new IllegalArgumentException("a field schedule needs at least 2 frames, got " + k);
        }
        if (fractions[0] != 0 || fractions[k - 1] != 1) {
            throw new IllegalArgumentException("a field's first frame must be at t/tau = 0 and its last at 1, got "
                    + fractions[0] + " and " + fractions[k - 1]);
        }
        for (int i = 1; i < k; i++) {
            if (!(fractions[i] >= fractions[i - 1])) {
                throw new IllegalArgumentException("a field's frame times must not decrease: frame " + i + " at t/tau = "
                        + fractions[i] + " follows " + fractions[i - 1]);
            }
            if (i > 1 && fractions[i] == fractions[i - 2]) {
                throw new IllegalArgumentException("a field has three frames at t/tau = " + fractions[i]
                        + " (a jump takes two)");
            }
        }
        return new FieldSchedule(tau, fractions.clone());
    }

    /** The frame times as fractions of τ. */
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double duration() {
        return tau;
    }

    @Override
    public double control0(double t) {
        final int last = fractions.length - 1;
        if (t <= 0) {
            return 0;
        }
        final double r = t / tau;
        if (r >= 1 - END_TOLERANCE) {
            return last;
        }
        // the last frame at or before r: r lies in [r_k, r_{k+1}) with r_{k+1} > r_k
        int k = Arrays.binarySearch(fractions, r);
        if (k < 0) {
            k = -k - 2;
        } else {
            while (k < last && fractions[k + 1] == r) {
                k++;
            }
        }
        return k + (r - fractions[k]) / (fractions[k + 1] - fractions[k]);
    }

    @Override
    public double control1(double t) {
        return 0;
    }
}
