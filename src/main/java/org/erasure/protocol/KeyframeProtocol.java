package org.erasure.protocol;

import java.util.Arrays;

/**
 * Keyframes (s_j = t_j/τ, c0_j, c1_j) joined linearly (SPEC 2.3); the controls hold their first
 * value before s_0 and their last after s_last.
 */
public final class KeyframeProtocol implements Protocol {

    private final double tau;
    private final double[] s;
    private final double[] c0;
    private final double[] c1;

    private KeyframeProtocol(double tau, double[] s, double[] c0, double[] c1) {
        this.tau = tau;
        this.s = s;
        this.c0 = c0;
        this.c1 = c1;
    }

    /**
     * @param tau duration in reduced time units, positive
     * @param s   keyframe times as fractions of τ, strictly increasing, within [0, 1]
     * @param c0  control 0 at each keyframe
     * @param c1  control 1 at each keyframe
     */
    public static KeyframeProtocol of(double tau, double[] s, double[] c0, double[] c1) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite, got " + tau);
        }
        if (s.length == 0 || s.length != c0.length || s.length != c1.length) {
            throw new IllegalArgumentException("keyframes need equal, non-zero numbers of times and control values");
        }
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0 && s[i] <= 1)) {
                throw new IllegalArgumentException("keyframe time t/tau must lie in [0, 1], got " + s[i]);
            }
            if (i > 0 && !(s[i] > s[i - 1])) {
                throw new IllegalArgumentException("keyframe times must be strictly increasing, got "
                        + s[i - 1] + " then " + s[i]);
            }
            if (!Double.isFinite(c0[i]) || !Double.isFinite(c1[i])) {
                throw new IllegalArgumentException("keyframe control values must be finite");
            }
        }
        return new KeyframeProtocol(tau, s.clone(), c0.clone(), c1.clone());
    }

    /**
     * The four-step erasure protocol of Bérut et al., Nature 483, 187 (2012) and Jun, Gavrilov &amp;
     * Bechhoefer, PRL 113, 190601 (2014), in the shape of SPEC 2.3:
     * (0: g=1, F=0) → (¼: g_min, 0) → (½: g_min, F_max) → (¾: 1, F_max) → (1: 1, 0).
     * A negative F_max erases towards the left well.
     */
    public static KeyframeProtocol fourStep(double tau, double gMin, double fMax) {
        if (!(gMin >= 0 && gMin <= 1)) {
            throw new IllegalArgumentException("g_min must lie in [0, 1], got " + gMin);
        }
        return of(tau, new double[] {0, 0.25, 0.5, 0.75, 1},
                new double[] {1, gMin, gMin, 1, 1},
                new double[] {0, 0, fMax, fMax, 0});
    }

    /** Constant controls over [0, τ]. */
    public static KeyframeProtocol constant(double tau, double c0, double c1) {
        return of(tau, new double[] {0}, new double[] {c0}, new double[] {c1});
    }

    @Override
    public double duration() {
        return tau;
    }

    @Override
    public double control0(double t) {
        return interpolate(c0, t / tau);
    }

    @Override
    public double control1(double t) {
        return interpolate(c1, t / tau);
    }

    /** Walks the segments once instead of searching per time point. */
    @Override
    public void fill(double t0, double dt, int count, double[] out0, double[] out1) {
        final int last = s.length - 1;
        int j = 0;
        for (int i = 0; i < count; i++) {
            final double u = (t0 + i * dt) / tau;
            if (u <= s[0]) {
                out0[i] = c0[0];
                out1[i] = c1[0];
            } else if (u >= s[last]) {
                out0[i] = c0[last];
                out1[i] = c1[last];
            } else {
                while (s[j + 1] < u) {
                    j++;
                }
                final double f = (u - s[j]) / (s[j + 1] - s[j]);
                out0[i] = c0[j] + f * (c0[j + 1] - c0[j]);
                out1[i] = c1[j] + f * (c1[j + 1] - c1[j]);
            }
        }
    }

    private double interpolate(double[] c, double u) {
        final int n = s.length;
        if (u <= s[0]) {
            return c[0];
        }
        if (u >= s[n - 1]) {
            return c[n - 1];
        }
        int j = Arrays.binarySearch(s, u);
        if (j >= 0) {
            return c[j];
        }
        j = -j - 2;                          // s[j] < u < s[j+1]
        final double w = (u - s[j]) / (s[j + 1] - s[j]);
        return c[j] + w * (c[j + 1] - c[j]);
    }

    /** Keyframe times as fractions of τ (a copy). */
    public double[] times() {
        return s.clone();
    }

    /** Control 0 at the keyframes (a copy). */
    public double[] values0() {
        return c0.clone();
    }

    /** Control 1 at the keyframes (a copy). */
    public double[] values1() {
        return c1.clone();
    }

    @Override
    public String toString() {
        return "KeyframeProtocol[tau=" + tau + ", s=" + Arrays.toString(s) + ", c0=" + Arrays.toString(c0)
                + ", c1=" + Arrays.toString(c1) + "]";
    }
}
