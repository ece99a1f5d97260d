package org.erasure.fokkerplanck;

import org.erasure.physics.Potential;

/**
 * The Liouville (Hamiltonian) part of the Klein–Kramers operator, −v∂ₓρ + (1/μ)∂ₓU ∂ᵥρ, on a {@link PhaseSpaceGrid}:
 * one job, the well-balanced positive transport that {@link KramersRun} describes (fluxes in g = ρ/(E_i M_j), the
 * face-averaged force, van Leer reconstruction, SSP-RK2 sub-steps). Its coefficients are set per control value by
 * {@link #prepare}; {@link #subStep} then advances cell probabilities in place. Owns its scratch arrays: one
 * instance per density, not shared between threads.
 */
final class LiouvilleTransport {
    private final PhaseSpaceGrid g;
    private final Potential potential;
    private final int nx;
    private final int nv;
    private final double hx;
    private final double[] xFace;
    private final double[][] p1;
    private final double[][] d;
    private final double[][] gv;
    private final double[] invM;
    private final double[] vm;
    /** ln of the largest 1/M_j, the Maxwellian's depth at the velocity grid's edge (½μV², 128 at 16 thermal speeds). */
    private final double logMaxInvM;
    private final double[] uFace;
    private final double[] invE;
    private final double[] e;
    private final double[] cx;
    private final double[] cv;
    /** Scratch: the fluxes through one column's velocity faces. */
    private final double[] flux;

    LiouvilleTransport(PhaseSpaceGrid g, Potential potential) {
        this.g = g;
        this.potential = potential;
        this.nx = g.nx();
        this.nv = g.nv();
        this.hx = g.x().h();
        this.xFace = new double[Math.max(0, nx - 1)];
        for (int i = 0; i + 1 < nx; i++) {
            xFace[i] = g.x().left() + (i + 1) * hx;
        }
        this.p1 = new double[nx][nv];
        this.d = new double[nx][nv];
        this.gv = new double[nx][nv];
        this.invM = new double[nv];
        this.vm = new double[nv];
        final double[] m = g.maxwell();
        for (int j = 0; j < nv; j++) {
            invM[j] = 1 / m[j];
            vm[j] = g.v()[j] * m[j];
        }
        double deepest = 0;
        for (double w : invM) {
            deepest = Math.max(deepest, Math.log(w));
        }
        this.logMaxInvM = deepest;
        this.uFace = new double[Math.max(0, nx - 1)];
        this.invE = new double[nx];
        this.e = new double[nx];
        this.cx = new double[Math.max(0, nx - 1)];
        this.cv = new double[nx];
        this.flux = new double[Math.max(1, nv - 1)];
    }

    /**
     * The cell weights E_i (relative to the reference energy of {@link #prepare}) at these controls, u the cell-centre
     * energies: the position part of the grid's stationary density. A live array, overwritten by the next
     * {@link #prepare}.
     */
    double[] weights(double[] u, double c0, double c1) {
        prepare(u, c0, c1);
        return e;
    }

    /**
     * The span (kT) of E_i M_j over the grid that the weights keep within double precision: 1/(E M) of any cell at most
     * e^640, so that P/(E M) ≤ e^640 for a probability P ≤ 1.
     */
    static final double WEIGHT_RANGE_KT = 640;

    /**
     * The transport coefficients at these controls (energies relative to the lowest cell, raised where needed, so the
     * weights neither overflow nor underflow where the grid reaches); returns an upper bound of any cell's outflow rate
     * (1/τ_D), reconstruction (a face value at most twice its cell's) included.
     */
    double prepare(double[] u, double c0, double c1) {
        double uMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            uMin = Math.min(uMin, u[i]);
        }
        final double lo = g.x().left();
        final double uLow = potential.energy(lo, c0, c1);
        final double uHigh = potential.energy(lo + nx * hx, c0, c1);
        double uMax = Math.max(uLow, uHigh);
        for (int i = 0; i + 1 < nx; i++) {
            uFace[i] = potential.energy(xFace[i], c0, c1);
            uMax = Math.max(uMax, uFace[i]);
        }
        // the weights' reference energy: the lowest cell's, raised where the grid spans so many kT that the ratio
        // rho/rho_eq = P/(E M) of a cell high on the potential and deep in the Maxwellian's tail would overflow (a fast
        // protocol can lift the potential by hundreds of kT under the density: NaN before); the scheme does not depend
        // on the reference, and what it costs is the relative accuracy of probabilities below e^(shift - 709)
        final double shift = Math.max(0, (uMax - uMin) + logMaxInvM - WEIGHT_RANGE_KT);
        if (!(shift < 2 * WEIGHT_RANGE_KT - 700)) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "the phase-space grid spans %.4g kT "
                    + "of the potential at one time (with %.4g kT of the Maxwellian's depth), beyond the range of "
                    + "double precision weights", uMax - uMin, logMaxInvM));
        }
        final double uRef = uMin + shift;
        for (int i = 0; i < nx; i++) {
            final double uL = i > 0 ? uFace[i - 1] : uLow;
            final double uR = i + 1 < nx ? uFace[i] : uHigh;
            // E_i, the cell's weight: the logarithmic mean of its faces' e^{-U}, the cell average of e^{-U} where U
            // is linear across it; then the interior force a_i = (E_{i+1/2} - E_{i-1/2})/(h E_i) is exactly
            // -(U_{i+1/2} - U_{i-1/2})/h, bounded however steep the potential (point values would give e^{U'h})
            final double dU = uR - uL;
            final double wL = Math.exp(-(uL - uRef));
            final double ei = dU == 0 ? wL : wL * (-Math.expm1(-dU)) / dU;
            final double rel = -Math.log(ei);
            if (!(rel + logMaxInvM < 705 && rel > -705)) {
                throw new IllegalStateException("the phase-space grid reaches " + rel + " kT from the weights' "
                        + "reference energy, beyond the range of double precision weights");
            }
            e[i] = ei;
            invE[i] = 1 / ei;
            // the edge cells' outer faces carry no flux: their force is the inner face's alone (a wall)
            final double right = i + 1 < nx ? Math.exp(-(uFace[i] - uRef)) : 0;
            final double left = i > 0 ? Math.exp(-(uFace[i - 1] - uRef)) : 0;
            final double a = i > 0 && i + 1 < nx ? -(uR - uL) / hx : (right - left) / (hx * ei);
            cv[i] = a * ei / (g.mass() * g.hv());
            if (i + 1 < nx) {
                cx[i] = right / hx;
            }
        }
        return 2 * largestOutflowCoefficient();
    }

    /**
     * The largest outflow rate (1/τ_D) of any cell per unit of its g, before reconstruction: over cells (i, j),
     * |v_j| E_out/(h_x E_i) + |a_i| Mf_out/(μ h_v M_j), with E_out the weight of the x face v_j flows through and
     * Mf_out the Maxwellian of the v face the force pushes through (none at the grid's outer faces). A cell's outflow
     * in a forward-Euler sub-step h is at most h times this times ĝ/g ≤ 2 (van Leer's face value is at most twice its
     * cell's) of its content. Taken cell by cell: the sum of the two directions' maxima, which lie at different corners
     * of the grid, asked for up to twice the sub-steps.
     */
    private double largestOutflowCoefficient() {
        final double[] v = g.v();
        final double[] m = g.maxwell();
        final double[] face = g.face();
        double largest = 0;
        for (int i = 0; i < nx; i++) {
            final double right = i + 1 < nx ? cx[i] * hx * invE[i] : 0;
            final double left = i > 0 ? cx[i - 1] * hx * invE[i] : 0;
            final double force = Math.abs(cv[i]) * invE[i];
            final boolean up = cv[i] > 0;
            for (int j = 0; j < nv; j++) {
                final double ex = v[j] > 0 ? v[j] * right : -v[j] * left;
                final double mf = cv[i] == 0 ? 0 : up ? (j + 1 < nv ? face[j + 1] : 0) : (j > 0 ? face[j] : 0);
                largest = Math.max(largest, ex / hx + force * mf / m[j]);
            }
        }
        return largest;
    }

    /** One SSP-RK2 sub-step of the transport: P1 = P + h L(P); P ← (P + P1 + h L(P1))/2. */
    void subStep(double[][] p, double h) {
        rates(p);
        for (int i = 0; i < nx; i++) {
            final double[] a = p[i];
            final double[] b = p1[i];
            final double[] r = d[i];
            for (int j = 0; j < nv; j++) {
                b[j] = a[j] + h * r[j];
            }
        }
        rates(p1);
        for (int i = 0; i < nx; i++) {
            final double[] a = p[i];
            final double[] b = p1[i];
            final double[] r = d[i];
            for (int j = 0; j < nv; j++) {
                a[j] = 0.5 * (a[j] + (b[j] + h * r[j]));
            }
        }
    }

    /**
     * van Leer's limited slope of the middle of three values: the harmonic mean of the one-sided differences, zero
     * where they differ in sign. Written as 2(ab/(a + b)) where ab is a finite nonzero product (the bits of 2ab/(a + b)
     * as before), and as 2/(1/a + 1/b) where it overflows or underflows: a fast protocol that lifts the potential by
     * hundreds of kT under the density makes ρ/ρ_eq reach 1e158, whose product overflowed to NaN fluxes; and
     * differences below 1e-154 had their slope dropped to zero.
     */
    private static double slope(double l, double c, double r) {
        final double a = c - l;
        final double b = r - c;
        final double ab = a * b;
        if (ab > 0 && ab < Double.POSITIVE_INFINITY) {
            return 2 * (ab / (a + b));       // the bits of 2ab/(a + b) (doubling is exact), without its overflow
        }
        return a != 0 && b != 0 && (a > 0) == (b > 0) ? 2 / (1 / a + 1 / b) : 0;
    }

    /** d = L(q), the transport's rate of change of the cell probabilities q. */
    private void rates(double[][] q) {
        for (int i = 0; i < nx; i++) {
            final double[] qi = q[i];
            final double[] gi = gv[i];
            final double ie = invE[i];
            for (int j = 0; j < nv; j++) {
                gi[j] = qi[j] * ie * invM[j];
            }
            java.util.Arrays.fill(d[i], 0.0);
        }
        final int half = nv / 2;
        // x faces: v_j < 0 (j < half) flows from i+1 to i, v_j > 0 from i to i+1
        for (int i = 0; i + 1 < nx; i++) {
            final double[] gm = i > 0 ? gv[i - 1] : null;
            final double[] g0 = gv[i];
            final double[] g1 = gv[i + 1];
            final double[] g2 = i + 2 < nx ? gv[i + 2] : null;
            final double[] d0 = d[i];
            final double[] d1 = d[i + 1];
            final double c = cx[i];
            for (int j = 0; j < half; j++) {
                final double s = g2 == null ? 0 : slope(g0[j], g1[j], g2[j]);
                final double f = c * vm[j] * (g1[j] - 0.5 * s);
                d0[j] -= f;
                d1[j] += f;
            }
            for (int j = half; j < nv; j++) {
                final double s = gm == null ? 0 : slope(gm[j], g0[j], g1[j]);
                final double f = c * vm[j] * (g0[j] + 0.5 * s);
                d0[j] -= f;
                d1[j] += f;
            }
        }
        // v faces: the force's sign sets the direction in each column. The face fluxes first, then each cell's
        // balance, (d + in) - out, in the order the flux-by-flux update added them: the same bits, and two loops
        // without a carried dependence, which the compiler can vectorise
        final double[] face = g.face();
        final double[] f = flux;
        for (int i = 0; i < nx; i++) {
            final double[] gi = gv[i];
            final double[] di = d[i];
            final double c = cv[i];
            if (c > 0) {
                f[0] = c * face[1] * gi[0];
                for (int j = 1; j + 1 < nv; j++) {
                    f[j] = c * face[j + 1] * (gi[j] + 0.5 * slope(gi[j - 1], gi[j], gi[j + 1]));
                }
            } else if (c < 0) {
                for (int j = 0; j + 2 < nv; j++) {
                    f[j] = c * face[j + 1] * (gi[j + 1] - 0.5 * slope(gi[j], gi[j + 1], gi[j + 2]));
                }
                f[nv - 2] = c * face[nv - 1] * gi[nv - 1];
            } else {
                continue;
            }
            di[0] -= f[0];
            for (int j = 1; j + 1 < nv; j++) {
                di[j] = (di[j] + f[j - 1]) - f[j];
            }
            di[nv - 1] += f[nv - 2];
        }
    }

}
