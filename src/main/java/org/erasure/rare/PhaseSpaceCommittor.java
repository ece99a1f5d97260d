package org.erasure.rare;

import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * The committor of an underdamped erasure in phase space, q(t, x, v) = P(the particle is in the wrong well at the
 * observation time T | x_t = x, v_t = v), from the backward Kolmogorov equation of the Langevin dynamics
 * (reduced units, γ = kT = 1): −∂ₜq = v ∂ₓq + (F − v)/μ ∂ᵥq + μ⁻² ∂ᵥᵥq, q(T) = 1[x wrong]. The score of adaptive
 * multilevel splitting for underdamped dynamics: with inertia a particle's fate depends on its velocity as much as
 * on its position (at quality factor 7 it oscillates for many τ_D before it settles), which an overdamped committor
 * evaluated at any single position cannot express (Lestang, Ragone, Bréhier, Herbert &amp; Bouchet, J. Stat. Mech.
 * (2018) 043213, on committor-like scores for finite-horizon events of inertial dynamics).
 *
 * <p>Semi-Lagrangian, backwards over steps Δ of whole Monte Carlo steps: q(t, x, v) = E q(t + Δ, Φ_Δ(x, v, ξ)) with
 * Φ_Δ one BAOAB step of length Δ (the engine's integrator, controls at the step's middle) and the expectation over
 * the Ornstein–Uhlenbeck noise ξ ~ N(0, 1) by five-point Gauss–Hermite quadrature; ln q is interpolated bilinearly
 * on an (x, v) grid, so committors down to e^−700 keep their order of magnitude. A score needs the ordering of
 * states, not digits: the splitting estimate is unbiased for any score (Bréhier et al., Ann. Appl. Probab. 26, 3559
 * (2016)); a score close to the committor keeps its variance small.
 */
public final class PhaseSpaceCommittor {

    private static final double LOG_FLOOR = -700;
    /** Gauss–Hermite nodes and weights for E f(ξ), ξ ~ N(0, 1) (probabilists' Hermite polynomial He₅). */
    private static final double[] GH_NODE = {0, 1.3556261799742659, -1.3556261799742659, 2.8569700138728056,
            -2.8569700138728056};
    private static final double[] GH_LOG_WEIGHT = {StrictMath.log(8.0 / 15), StrictMath.log(0.2220759220056126),
            StrictMath.log(0.2220759220056126), StrictMath.log(0.011257411327720691), StrictMath.log(0.011257411327720691)};

    private final double xLow;
    private final double dx;
    private final int nx;
    private final double vLow;
    private final double dv;
    private final int nv;
    private final int stride;
    private final int steps;
    private final float[][] logQ;

    private PhaseSpaceCommittor(double xLow, double dx, int nx, double vLow, double dv, int nv, int stride, int steps,
                                float[][] logQ) {
        this.xLow = xLow;
        this.dx = dx;
        this.nx = nx;
        this.vLow = vLow;
        this.dv = dv;
        this.nv = nv;
        this.stride = stride;
        this.steps = steps;
        this.logQ = logQ;
    }

    /**
     * @param grid   the Monte Carlo time grid (protocol, then hold); the observation time is its end
     * @param mass   reduced mass μ
     * @param nx     grid nodes in x, over the union of the potential's confining intervals along the protocol
     * @param nv     grid nodes in v, over ±√(2·80/μ) (kinetic energies up to 80 kT)
     * @param slices at most this many stored times
     */
    public static PhaseSpaceCommittor solve(Potential potential, Protocol protocol, TargetWell target, TimeGrid grid,
                                            double mass, int nx, int nv, int slices) {
        if (nx < 20 || nv < 20 || slices < 2) {
            throw new IllegalArgumentException("the phase-space committor needs at least 20 x 20 nodes and 2 slices");
        }
        if (!(mass > 0)) {
            throw new IllegalArgumentException("the phase-space committor needs a positive mass, got " + mass);
        }
        final double tau = protocol.duration();
        final double[] reach = protocol.confiningInterval(potential);
        final double lo = reach[0];
        final double hi = reach[1];
        final double dx = (hi - lo) / (nx - 1);
        final double vMax = Math.sqrt(2 * 80 / mass);
        final double dv = 2 * vMax / (nv - 1);
        final long total = grid.totalSteps();
        final int stride = (int) Math.max(1, (total + slices - 2) / (slices - 1));
        final int count = (int) ((total + stride - 1) / stride) + 1;
        final float[][] logQ = new float[count][];
        final double barrierEnd = potential.barrierPosition(protocol.control0(tau), protocol.control1(tau));
        final float[] last = new float[nx * nv];
        for (int i = 0; i < nx; i++) {
            final boolean wrong = target.isWrong(lo + i * dx, barrierEnd);
            for (int j = 0; j < nv; j++) {
                last[i * nv + j] = wrong ? 0f : (float) LOG_FLOOR;
            }
        }
        logQ[count - 1] = last;
        final PhaseSpaceCommittor shape = new PhaseSpaceCommittor(lo, dx, nx, -vMax, dv, nv, stride, (int) total, logQ);
        long stepAt = total;
        final double[] lk = new double[GH_NODE.length];
        for (int s = count - 2; s >= 0; s--) {
            final long from = (long) s * stride;
            final double delta = (stepAt - from) * grid.dt();
            final double tMid = Math.min(tau, (from + stepAt) * 0.5 * grid.dt());
            final double c0 = protocol.control0(tMid);
            final double c1 = protocol.control1(tMid);
            final double half = 0.5 * delta;
            final double kick = half / mass;
            final double c = StrictMath.exp(-delta / mass);
            final double sigma = Math.sqrt((1 - c * c) / mass);
            final float[] next = logQ[s + 1];
            final float[] here = new float[nx * nv];
            for (int i = 0; i < nx; i++) {
                final double x = lo + i * dx;
                final double f0 = potential.force(x, c0, c1);
                for (int j = 0; j < nv; j++) {
                    final double v = -vMax + j * dv;
                    final double vh = v + kick * f0;
                    final double xh = x + half * vh;
                    double m = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < GH_NODE.length; k++) {
                        final double vo = c * vh + sigma * GH_NODE[k];
                        final double xn = xh + half * vo;
                        final double vn = vo + kick * potential.force(xn, c0, c1);
                        lk[k] = GH_LOG_WEIGHT[k] + shape.interpolate(next, xn, vn);
                        m = Math.max(m, lk[k]);
                    }
                    double sum = 0;
                    for (double l : lk) {
                        sum += StrictMath.exp(l - m);
                    }
                    here[i * nv + j] = (float) Math.max(LOG_FLOOR, Math.min(0, m + StrictMath.log(sum)));
                }
            }
            logQ[s] = here;
            stepAt = from;
        }
        return shape;
    }

    /** ln q at Monte Carlo step k (0 ≤ k ≤ total steps) and state (x, v), interpolated linearly in x, v and t. */
    public double logCommittor(int k, double x, double v) {
        final int s = Math.min(k / stride, logQ.length - 2);
        final long t0 = (long) s * stride;
        final long t1 = Math.min((long) (s + 1) * stride, steps);
        final double w = t1 > t0 ? (double) (k - t0) / (t1 - t0) : 1;
        return (1 - w) * interpolate(logQ[s], x, v) + w * interpolate(logQ[s + 1], x, v);
    }

    /** Bilinear interpolation of a slice; states beyond the grid take the value at its edge. */
    private double interpolate(float[] l, double x, double v) {
        double fx = (x - xLow) / dx;
        double fv = (v - vLow) / dv;
        fx = fx > 0 ? Math.min(fx, nx - 1) : 0;
        fv = fv > 0 ? Math.min(fv, nv - 1) : 0;
        final int i = Math.min((int) fx, nx - 2);
        final int j = Math.min((int) fv, nv - 2);
        final double a = fx - i;
        final double b = fv - j;
        final int at = i * nv + j;
        return (1 - a) * ((1 - b) * l[at] + b * l[at + 1]) + a * ((1 - b) * l[at + nv] + b * l[at + nv + 1]);
    }
}
