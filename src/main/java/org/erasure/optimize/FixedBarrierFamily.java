package org.erasure.optimize;

import java.util.List;

/**
 * Landauer's original scheme (SPEC 2.3, the fixed-barrier class): the barrier is never lowered (g ≡ 1) and the
 * bit is tilted over it. The four-step shape with g_min pinned at 1: the tilt rises to F_max, holds, and falls
 * back, (0: F = 0) → (s₁: 0) → (s₂: F_max) → (s₃: F_max) → (1: 0); free are F_max ∈ [0, F_cap] and the four
 * phase durations (each at least 2 % of τ), at a fixed barrier E_b.
 */
public final class FixedBarrierFamily implements ProtocolFamily {

    private final FourStepFamily fourStep;
    private final double[] start;

    /**
     * @param tau     protocol duration (τ_D)
     * @param fCap    largest tilt allowed (kT)
     * @param barrier the barrier E_b, never lowered (kT)
     */
    public FixedBarrierFamily(double tau, double fCap, double barrier) {
        // tilted over, the barrier vanishes at F = 8 E_b / (3√3) ≈ 1.54 E_b; start at the barrier height
        this.fourStep = new FourStepFamily(tau, fCap, barrier, barrier, 1, Math.min(barrier, fCap));
        this.start = new double[] {Math.min(barrier, fCap) / fCap, 0.5, 0.5, 0.5, 0.5};
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** The four-step point with g_min = 1 in front. */
    private static double[] full(double[] u) {
        final double[] f = new double[u.length + 1];
        f[0] = 1;
        System.arraycopy(u, 0, f, 1, u.length);
        return f;
    }

    @Override
    public Member member(double[] unit) {
        return fourStep.member(full(unit));
    }

    @Override
    public String describe(double[] unit) {
        return fourStep.describe(full(unit));
    }

    @Override
    public List<String> parametersOnBounds(double[] unit) {
        return fourStep.parametersOnBounds(full(unit));
    }
}
