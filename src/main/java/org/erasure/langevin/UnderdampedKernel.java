package org.erasure.langevin;

import org.erasure.physics.Potential;

/**
 * One BAOAB step (Leimkuhler &amp; Matthews 2013) of a block of underdamped trajectories in reduced units
 * (kT = 1): μ dv = F dt − γ v dt + √(2γ) dW, dx = v dt. Pure: no allocation, no I/O.
 *
 * <p>The controls jump first at fixed (x, v) — work w += U(x; λ') − U(x; λ), its magnitude added to wAbs
 * (W⁺ = (w + wAbs)/2, W⁻ = (w − wAbs)/2) — then the particle moves in
 * U(·; λ'). The heat to the bath is minus the change of the total energy during the move,
 * q += [U(x_k; λ') + ½μv_k²] − [U(x_{k+1}; λ') + ½μv_{k+1}²] (SPEC 2.4 with the kinetic term), so that
 * w − q = ΔU + ΔK per trajectory.
 */
public final class UnderdampedKernel {

    private UnderdampedKernel() {
    }

    /**
     * @param e     scratch, length ≥ n: total energy after the jump
     * @param mass  reduced mass μ
     * @param gamma reduced friction (1 in τ_D units; 0 for Hamiltonian dynamics)
     */
    public static void baoabStep(Potential p, double[] x, double[] v, double[] u, double[] w, double[] wAbs,
                                 double[] q,
                                 double[] noise, double[] e, int n, double c0, double c1, double dt, double mass,
                                 double gamma) {
        final double halfDt = 0.5 * dt;
        final double kick = halfDt / mass;
        final double c = StrictMath.exp(-gamma * dt / mass);
        final double s = Math.sqrt((1 - c * c) / mass);
        final double halfMass = 0.5 * mass;
        // jump of the controls at fixed x (short passes, so that C2 vectorises each)
        for (int i = 0; i < n; i++) {
            final double uj = p.energy(x[i], c0, c1);
            final double dw = uj - u[i];
            w[i] += dw;
            wAbs[i] += Math.abs(dw);
            e[i] = uj + halfMass * v[i] * v[i];
        }
        // B: half kick; A: half drift
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            final double vh = v[i] + kick * p.force(xi, c0, c1);
            v[i] = vh;
            x[i] = xi + halfDt * vh;
        }
        // O: exact Ornstein–Uhlenbeck velocity step; A: half drift; B: half kick
        for (int i = 0; i < n; i++) {
            final double vo = c * v[i] + s * noise[i];
            final double xn = x[i] + halfDt * vo;
            x[i] = xn;
            v[i] = vo + kick * p.force(xn, c0, c1);
        }
        // energy at the new state: heat
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            final double vi = v[i];
            final double un = p.energy(xi, c0, c1);
            q[i] += e[i] - (un + halfMass * vi * vi);
            u[i] = un;
        }
    }

    /**
     * One trajectory's BAOAB move at λ' (state only, no energies): the arithmetic of {@link #baoabStep}'s move.
     *
     * @param state {x, v}, updated in place
     * @param noise a standard normal deviate
     */
    public static void move(Potential p, double[] state, double noise, double c0, double c1, double dt, double mass,
                            double gamma) {
        final double halfDt = 0.5 * dt;
        final double kick = halfDt / mass;
        final double c = StrictMath.exp(-gamma * dt / mass);
        final double s = Math.sqrt((1 - c * c) / mass);
        final double xi = state[0];
        final double vh = state[1] + kick * p.force(xi, c0, c1);
        final double xh = xi + halfDt * vh;
        final double vo = c * vh + s * noise;
        final double xn = xh + halfDt * vo;
        state[0] = xn;
        state[1] = vo + kick * p.force(xn, c0, c1);
    }
}
