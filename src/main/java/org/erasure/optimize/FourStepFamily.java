package org.erasure.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;

/**
 * Four-step erasures of the quartic well (SPEC 2.3) with free g_min ∈ [0, 1], F_max ∈ [0, F_cap],
 * the four phase durations (fractions of τ, each at least 2 %), and optionally the barrier
 * E_b ∈ [E_lo, E_hi] (fixed when E_lo = E_hi).
 */
public final class FourStepFamily implements ProtocolFamily {

    private final double tau;
    private final double fCap;
    private final double barrierLo;
    private final double barrierHi;
    private final double[] start;

    /**
     * @param tau       protocol duration (τ_D)
     * @param fCap      largest tilt allowed (kT)
     * @param barrierLo smallest barrier (kT)
     * @param barrierHi largest barrier (kT); equal to barrierLo to hold it fixed
     * @param gMin0     starting g_min
     * @param fMax0     starting F_max
     */
    public FourStepFamily(double tau, double fCap, double barrierLo, double barrierHi, double gMin0, double fMax0) {
        if (!(tau > 0) || !(fCap > 0) || !(barrierLo > 0) || !(barrierHi >= barrierLo)) {
            throw new IllegalArgumentException("need tau > 0, F_cap > 0 and 0 < E_lo <= E_hi");
        }
        this.tau = tau;
        this.fCap = fCap;
        this.barrierLo = barrierLo;
        this.barrierHi = barrierHi;
        final boolean freeBarrier = barrierHi > barrierLo;
        this.start = freeBarrier ? new double[] {gMin0, fMax0 / fCap, 0.5, 0.5, 0.5, 0.5, 0.5}
                : new double[] {gMin0, fMax0 / fCap, 0.5, 0.5, 0.5, 0.5};
    }

    /**
     * The family searched by {@code claims}: started from g_min = 0.1 and F_max = min(12 kT, F_cap), equal
     * phases (the start claims' tabulated optima were found from).
     */
    public static FourStepFamily of(double tau, double fCap, double barrierLo, double barrierHi) {
        return new FourStepFamily(tau, fCap, barrierLo, barrierHi, 0.1, Math.min(12, fCap));
    }

    /**
     * The family searched by the {@code optimize} command: started from g_min = 0.2 and F_max = min(10 kT,
     * F_cap), equal phases (its start since the command exists; on quick.yaml at τ = 10, ε ≤ 1e-6 it finds
     * 1.389 kT where claims' start finds 1.626 kT with the same budget: the searches are local enough for
     * the start to matter).
     */
    public static FourStepFamily forOptimize(double tau, double fCap, double barrierLo, double barrierHi) {
        return new FourStepFamily(tau, fCap, barrierLo, barrierHi, 0.2, Math.min(10, fCap));
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    private double barrier(double[] u) {
        return u.length > 6 ? barrierLo + u[6] * (barrierHi - barrierLo) : barrierLo;
    }

    /** Phase fractions: weights 0.02 + u, normalised. */
    private static double[] phases(double[] u) {
        final double[] d = new double[4];
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            d[i] = 0.02 + u[2 + i];
            sum += d[i];
        }
        for (int i = 0; i < 4; i++) {
            d[i] /= sum;
        }
        return d;
    }

    @Override
    public Member member(double[] u) {
        final double gMin = clamp(u[0]);
        final double fMax = clamp(u[1]) * fCap;
        final double[] d = phases(u);
        final double s1 = d[0];
        final double s2 = s1 + d[1];
        final double s3 = s2 + d[2];
        final KeyframeProtocol p = KeyframeProtocol.of(tau, new double[] {0, s1, s2, s3, 1},
                new double[] {1, gMin, gMin, 1, 1}, new double[] {0, 0, fMax, fMax, 0});
        return new Member(QuarticDoubleWell.of(barrier(u)), p);
    }

    @Override
    public String describe(double[] u) {
        final double[] d = phases(u);
        return String.format(Locale.ROOT, "E_b = %.3f kT, g_min = %.4f, F_max = %.3f kT, phases = %.3f/%.3f/%.3f/%.3f",
                barrier(u), clamp(u[0]), clamp(u[1]) * fCap, d[0], d[1], d[2], d[3]);
    }

    /** F_max at its cap, E_b at either end of a free range, a phase at its 2 % floor; g_min ∈ [0, 1] is physical. */
    @Override
    public List<String> parametersOnBounds(double[] u) {
        final List<String> on = new ArrayList<>();
        if (u[1] >= 1 - ON_BOUND) {
            on.add(String.format(Locale.ROOT, "F_max = %.4g kT (the cap)", fCap));
        }
        if (u.length > 6 && u[6] <= ON_BOUND) {
            on.add(String.format(Locale.ROOT, "E_b = %.4g kT (lowest allowed)", barrierLo));
        }
        if (u.length > 6 && u[6] >= 1 - ON_BOUND) {
            on.add(String.format(Locale.ROOT, "E_b = %.4g kT (highest allowed)", barrierHi));
        }
        for (int i = 0; i < 4; i++) {
            if (u[2 + i] <= ON_BOUND) {
                on.add("phase " + (i + 1) + " at its shortest");
            }
        }
        return on;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
