package org.erasure.fokkerplanck;

import java.util.function.LongConsumer;
import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * One density of the Klein–Kramers equation (SPEC 3.2b) in reduced units,
 * ∂ₜρ = −v ∂ₓρ + (1/μ) ∂ᵥ[(∂ₓU + v) ρ] + (1/μ²) ∂ᵥ²ρ, evolved over an erasure protocol, with the running sums of
 * work. The two bit values are two such runs ({@link KramersSolver}).
 *
 * <p><b>Scheme.</b> Finite volumes on a {@link PhaseSpaceGrid}, in the variable g = ρ/ρ_eq of the grid's
 * Boltzmann–Maxwell density ρ_eq = E_i M_j (E_i the logarithmic mean of e^{−U} at the cell's faces, the cell average
 * of e^{−U} where U is linear across it; M_j the discrete Maxwellian), which makes every part of the operator vanish
 * on ρ_eq to rounding (well-balanced):
 * <ul>
 * <li>Liouville transport ({@link LiouvilleTransport}), fluxes v_j M_j E_{i+½} ĝ in x and (a_i/μ) E_i Mf_{j+½} ĝ in v,
 * E_{i+½} = e^{−U(x_{i+½})}, with the face-averaged force a_i = (E_{i+½} − E_{i−½})/(h_x E_i), which for these E_i is
 * exactly −(U_{i+½} − U_{i−½})/h_x; the discrete divergence of ρ_eq is then
 * v_j M_j a_i E_i − a_i E_i v_j M_j = 0 exactly (the transported variable is g, as in well-balanced schemes for
 * kinetic equations with a potential). The face value ĝ is the upwind cell's, reconstructed with van Leer's
 * limiter (second order where smooth, within its neighbours' range); time stepping by the two-stage
 * strong-stability-preserving Runge–Kutta method (Shu &amp; Osher, J. Comput. Phys. 77, 439 (1988)), a convex
 * combination of forward-Euler steps, each positive and mass-conserving when every cell's outflow in a sub-step
 * stays below its content: each step of the protocol runs as many sub-steps as that needs.</li>
 * <li>the Ornstein–Uhlenbeck part in v, fluxes −(E_i Mf_{j+½}/(μ² h_v)) (g_{j+1} − g_j)/h_v: the Chang–Cooper /
 * Scharfetter–Gummel form in g (Chang &amp; Cooper, J. Comput. Phys. 6, 1 (1970)), backward Euler, one tridiagonal
 * M-matrix per column solved by {@link PositiveTridiagonal} (positive, relative accuracy in the tails).</li>
 * </ul>
 * The two parts are combined by Strang splitting (OU for dt/2, transport for dt, OU for dt/2), in the spirit of Roy
 * &amp; Borzì, J. Comput. Phys. 2024 (doi:10.1016/j.jcp.2024.112841), who combine positive transport in x with
 * Chang–Cooper in v. No flux crosses the grid's edges (the outer faces carry none), so mass is conserved to
 * rounding; the largest probability ever found in the edge cells is reported, since a reflecting edge is not
 * physics.
 *
 * <p><b>Energetics</b> as in the 1-D solver and the Monte Carlo (SPEC 2.4): in step k the controls jump to those of
 * t_k at fixed density (work Σ m_i ΔU_i on the position marginal m), then the density evolves for dt at them.
 */
final class KramersRun {
    /** Outflow of a cell in one forward-Euler sub-step, as a fraction of its content, at most this. */
    static final double COURANT = 0.9;

    private final PhaseSpaceGrid g;
    private final Potential potential;
    private final Protocol protocol;
    private final TimeGrid time;
    private final int nx;
    private final int nv;
    private final double hx;
    private final double[] x;
    private final double[][] p;
    private final double[] up;
    private final double[] down;
    private final double[][] scratch;
    private final double[] u;
    private final double[] marginal;
    private final LiouvilleTransport transport;
    private final LongConsumer progress;
    private double work;
    private double workPlus;
    private double workMinus;
    private double edgeMass;
    private long transportSteps;

    /**
     * The grid's Boltzmann–Maxwell density at the controls of t = 0, on the cells with x left of the initial barrier
     * ({@code left}) or right of it (the weights E_i M_j the transport keeps stationary), normalised so that both runs together hold probability 1.
     */
    KramersRun(PhaseSpaceGrid g, Potential potential, Protocol protocol, TimeGrid time, boolean left,
               LongConsumer progress) {
        this.g = g;
        this.potential = potential;
        this.protocol = protocol;
        this.time = time;
        this.nx = g.nx();
        this.nv = g.nv();
        this.hx = g.x().h();
        this.x = g.x().centres();
        this.p = new double[nx][nv];
        this.transport = new LiouvilleTransport(g, potential);
        final double[] m = g.maxwell();
        final double[] face = g.face();
        // Ornstein–Uhlenbeck rates between velocity cells j and j+1: flux (Mf/(μ² h_v²)) (P_j/M_j − P_{j+1}/M_{j+1})
        this.up = new double[nv - 1];
        this.down = new double[nv - 1];
        final double k = 1 / (g.mass() * g.mass() * g.hv() * g.hv());
        for (int j = 0; j + 1 < nv; j++) {
            up[j] = k * face[j + 1] / m[j];
            down[j] = k * face[j + 1] / m[j + 1];
        }
        this.scratch = new double[4][nv];
        this.u = new double[nx];
        this.marginal = new double[nx];
        this.progress = progress;

        final double c0 = protocol.control0(0);
        final double c1 = protocol.control1(0);
        final double xb = potential.barrierPosition(c0, c1);
        DensityFunctionals.energies(potential, x, c0, c1, u);
        final double[] e = transport.weights(u, c0, c1);
        double total = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < nv; j++) {
                final double w = e[i] * m[j];
                total += w;
                if ((x[i] < xb) == left) {
                    p[i][j] = w;
                }
            }
        }
        for (double[] row : p) {
            for (int j = 0; j < nv; j++) {
                row[j] /= total;
            }
        }
    }

    /** The controls of step k's jump and evolution (t_k = k dt, the last at τ), as the 1-D solver and Monte Carlo. */
    private double control0(long k) {
        return protocol.control0(Math.min(k * time.dt(), protocol.duration()));
    }

    private double control1(long k) {
        return protocol.control1(Math.min(k * time.dt(), protocol.duration()));
    }

    /**
     * The protocol's steps, each a control jump and an evolution for dt, recording the position marginal at the
     * given steps into {@code snapshots} (1/x_m; null entries for steps not recorded).
     */
    void runProtocol(long[] snapshotSteps, double[][] snapshots) {
        // u holds the energies at t = 0 (the constructor's)
        recordSnapshots(0, snapshotSteps, snapshots);
        final double[] uPrev = new double[nx];
        for (long k = 1; k <= time.protocolSteps(); k++) {
            System.arraycopy(u, 0, uPrev, 0, nx);
            final double c0 = control0(k);
            final double c1 = control1(k);
            DensityFunctionals.energies(potential, x, c0, c1, u);
            positionMarginal(marginal);
            for (int i = 0; i < nx; i++) {
                final double dw = marginal[i] * (u[i] - uPrev[i]);
                work += dw;
                if (dw > 0) {
                    workPlus += dw;
                } else {
                    workMinus += dw;
                }
            }
            evolve(c0, c1, time.dt());
            recordSnapshots(k, snapshotSteps, snapshots);
            if (progress != null) {
                progress.accept(g.cells());
            }
        }
    }

    /** The hold at the final controls: {@code steps} evolutions of dt, no work. */
    void runHold(long steps) {
        final double c0 = protocol.control0(protocol.duration());
        final double c1 = protocol.control1(protocol.duration());
        for (long k = 0; k < steps; k++) {
            evolve(c0, c1, time.dt());
            if (progress != null) {
                progress.accept(g.cells());
            }
        }
    }

    private void recordSnapshots(long k, long[] at, double[][] snapshots) {
        for (int s = 0; s < at.length; s++) {
            if (at[s] == k) {
                final double[] m = new double[nx];
                positionMarginal(m);
                for (int i = 0; i < nx; i++) {
                    m[i] /= hx;
                }
                snapshots[s] = m;
            }
        }
    }

    /** One evolution for dt at fixed controls: OU for dt/2, transport for dt in sub-steps, OU for dt/2. */
    private void evolve(double c0, double c1, double dt) {
        ornsteinUhlenbeck(dt / 2);
        final double rate = transport.prepare(u, c0, c1);
        final long sub = Math.max(1, (long) Math.ceil(dt * rate / COURANT));
        final double h = dt / sub;
        for (long s = 0; s < sub; s++) {
            transport.subStep(p, h);
        }
        transportSteps += sub;
        ornsteinUhlenbeck(dt / 2);
        trackEdges();
    }

    private void ornsteinUhlenbeck(double dt) {
        int i = 0;
        for (; i + 1 < nx; i += 2) {
            PositiveTridiagonal.solve2Twisted(up, down, dt, nv, p[i], p[i + 1], scratch);
        }
        if (i < nx) {
            PositiveTridiagonal.solve2Twisted(up, down, dt, nv, p[i], null, scratch);
        }
    }

    private void trackEdges() {
        double s = 0;
        for (int i = 0; i < nx; i++) {
            s += p[i][0] + p[i][nv - 1];
        }
        for (int j = 1; j + 1 < nv; j++) {
            s += p[0][j] + p[nx - 1][j];
        }
        edgeMass = Math.max(edgeMass, s);
    }

    /** m_i = Σ_j P_ij. */
    void positionMarginal(double[] m) {
        for (int i = 0; i < nx; i++) {
            double s = 0;
            for (double v : p[i]) {
                s += v;
            }
            m[i] = s;
        }
    }

    /** n_j = Σ_i P_ij. */
    void velocityMarginal(double[] n) {
        java.util.Arrays.fill(n, 0.0);
        for (double[] row : p) {
            for (int j = 0; j < nv; j++) {
                n[j] += row[j];
            }
        }
    }

    PhaseSpaceGrid grid() {
        return g;
    }

    /** The cell probabilities (live, not a copy). */
    double[][] density() {
        return p;
    }

    /** The energies of the last controls (kT per cell). */
    double[] energies() {
        return u;
    }

    double work() { return work; }
    double workPlus() { return workPlus; }
    double workMinus() { return workMinus; }
    double edgeMass() { return edgeMass; }
    long transportSteps() { return transportSteps; }

    /** Throws when any cell went negative (the sub-step rule should make that impossible). */
    void requirePositive() {
        for (double[] row : p) {
            for (double v : row) {
                if (!(v >= 0)) {
                    throw new IllegalStateException("the phase-space density went negative or NaN (" + v + ")");
                }
            }
        }
    }

    /** Σ P ln(P/(h_x h_v)), −S of the phase-space density (entropy per k_B). */
    double negEntropy() {
        final double area = hx * g.hv();
        double s = 0;
        for (double[] row : p) {
            for (double v : row) {
                if (v > 0) {
                    s += v * Math.log(v / area);
                }
            }
        }
        return s;
    }

    /** Mass on the wrong side of the final barrier (a face of the grid). */
    double wrongMass(TargetWell target) {
        positionMarginal(marginal);
        return DensityFunctionals.wrongMass(marginal, g.x().firstRight(), target);
    }
}
