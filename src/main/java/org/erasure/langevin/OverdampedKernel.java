package org.erasure.langevin;

import org.erasure.physics.Potential;

/**
 * One time step of a block of independent overdamped trajectories, held as primitive arrays
 * (structure of arrays). Pure: no allocation, no I/O; the Gaussian increments are supplied.
 *
 * <p>Per trajectory i the arrays hold the position x, the energy u = U(x_k; λ_k) at the current
 * controls, and the accumulated work w and heat q of SPEC 2.4 (Sekimoto, Prog. Theor. Phys.
 * Suppl. 130, 17 (1998)):
 * w += U(x_k; λ_{k+1}) − U(x_k; λ_k), then the particle moves in U(·; λ_{k+1}),
 * q += U(x_k; λ_{k+1}) − U(x_{k+1}; λ_{k+1}), so that w − q = U(x_k+1; λ_k+1) − U(x_0; λ_0).
 */
public final class OverdampedKernel {

    private OverdampedKernel() {
    }

    /**
     * Euler–Maruyama step: x ← x + F(x; λ') dt + √(2dt) ξ.
     *
     * @param c0 control 0 at the new time, λ_{k+1}
     * @param c1 control 1 at the new time
     * @param dt time step in τ_D
     * @param noiseScale √(2 dt)
     */
    public static void eulerStep(Potential p, double[] x, double[] u, double[] w, double[] q,
                                 double[] noise, int n, double c0, double c1, double dt, double noiseScale) {
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            final double uJump = p.energy(xi, c0, c1);
            final double xn = xi + p.force(xi, c0, c1) * dt + noiseScale * noise[i];
            final double un = p.energy(xn, c0, c1);
            w[i] += uJump - u[i];
            q[i] += uJump - un;
            x[i] = xn;
            u[i] = un;
        }
    }

    /**
     * Stochastic Heun step with additive noise:
     * x̃ = x + F(x) dt + √(2dt) ξ;  x ← x + ½[F(x) + F(x̃)] dt + √(2dt) ξ, all at λ'.
     */
    public static void heunStep(Potential p, double[] x, double[] u, double[] w, double[] q,
                                double[] noise, int n, double c0, double c1, double dt, double noiseScale) {
        final double halfDt = 0.5 * dt;
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            final double uJump = p.energy(xi, c0, c1);
            final double f0 = p.force(xi, c0, c1);
            final double kick = noiseScale * noise[i];
            final double xp = xi + f0 * dt + kick;
            final double xn = xi + (f0 + p.force(xp, c0, c1)) * halfDt + kick;
            final double un = p.energy(xn, c0, c1);
            w[i] += uJump - u[i];
            q[i] += uJump - un;
            x[i] = xn;
            u[i] = un;
        }
    }

    /** Dispatches to the integrator's step. */
    public static void step(OverdampedIntegrator integrator, Potential p, double[] x, double[] u, double[] w,
                            double[] q, double[] noise, int n, double c0, double c1, double dt, double noiseScale) {
        if (integrator == OverdampedIntegrator.HEUN) {
            heunStep(p, x, u, w, q, noise, n, c0, c1, dt, noiseScale);
        } else {
            eulerStep(p, x, u, w, q, noise, n, c0, c1, dt, noiseScale);
        }
    }
}
