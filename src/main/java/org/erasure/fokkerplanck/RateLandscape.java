package org.erasure.fokkerplanck;

import static org.erasure.fokkerplanck.DensityFunctionals.energies;

import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * The cell energies and Scharfetter–Gummel rates of a grid at the protocol's controls at a given time: what each
 * step of a run needs, computed once for all runs that step at that time. Scratch only; no allocation per call.
 */
final class RateLandscape {
    private final Potential potential;
    private final Protocol protocol;
    private final double[] x;
    private final double invH2;
    private final double[] shifted;             // scratch: the rates' shifted energies, or the zero-tilt ones
    private final double[] c0 = new double[1];
    private final double[] c1 = new double[1];
    // a tilt-linear potential (U = V(x; c0) − c1·x): the zero-tilt differences of neighbouring cells at the first
    // control c0Cached, and their exponentials as far as needed (ScharfetterGummel.ratesTilted); null otherwise
    private final double h;
    private final double[] zeroTiltDiff;
    private final double[] expMinus;
    private final double[] expPlus;
    private double c0Cached = Double.NaN;

    RateLandscape(Potential potential, Protocol protocol, CellGrid g) {
        this.potential = potential;
        this.protocol = protocol;
        this.x = g.centres();
        this.h = g.h();
        this.invH2 = 1 / (g.h() * g.h());
        this.shifted = new double[g.n()];
        final boolean tilt = potential.tiltIsLinear();
        this.zeroTiltDiff = tilt ? new double[g.n()] : null;
        this.expMinus = tilt ? new double[g.n()] : null;
        this.expPlus = tilt ? new double[g.n()] : null;
    }

    /** A new array of the energies at the controls of t = 0. */
    double[] energiesAtStart() {
        final double[] u = new double[x.length];
        energies(potential, x, protocol.control0(0), protocol.control1(0), u);
        return u;
    }

    /** Energies u and rates up, down at the controls of time t (a step of dt ends there). */
    void at(double t, double dt, double[] u, double[] up, double[] down) {
        protocol.fill(t, dt, 1, c0, c1);
        energies(potential, x, c0[0], c1[0], u);
        if (zeroTiltDiff == null) {
            ScharfetterGummel.rates(u, invH2, up, down, x.length, shifted);
            return;
        }
        // the rates from the zero-tilt differences at this c0 and the tilt's share of a face, F·h; within a
        // tilt-only phase c0 repeats (a keyframe's g + 0·s = g exactly), and the steep faces' exponentials with it
        if (!(c0[0] == c0Cached)) {
            energies(potential, x, c0[0], 0, shifted);
            for (int i = 0; i < x.length - 1; i++) {
                zeroTiltDiff[i] = shifted[i + 1] - shifted[i];
            }
            java.util.Arrays.fill(expMinus, Double.NaN);
            java.util.Arrays.fill(expPlus, Double.NaN);
            c0Cached = c0[0];
        }
        ScharfetterGummel.ratesTilted(zeroTiltDiff, c1[0] * h, invH2, up, down, x.length, expMinus, expPlus);
    }
}
