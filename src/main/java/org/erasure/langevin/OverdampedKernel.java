package org.erasure.langevin;

import org.erasure.physics.Potential;

/**
 * One time step of a block of independent overdamped trajectories, held as primitive arrays
 * (structure of arrays). Pure: no allocation, no I/O; the Gaussian increments are supplied.
 *
 * <p>Per trajectory i the arrays hold the position x, the energy u = U(x_k; λ_k) at the current
 * controls, and the accumulated work w, its total variation wAbs and the heat q of SPEC 2.4
 * (Sekimoto, Prog. Theor. Phys. Suppl. 130, 17 (1998)):
 * w += U(x_k; λ_{k+1}) − U(x_k; λ_k), wAbs += |that increment| (so the gross works of SPEC 2.4 are
 * W⁺ = (w + wAbs)/2 and W⁻ = (w − wAbs)/2: one accumulator, where two would stop C2 vectorising the loop and
 * halve the speed), then the particle moves in U(·; λ_{k+1}),
 * q += U(x_k; λ_{k+1}) − U(x_{k+1}; λ_{k+1}), so that w − q = U(x_k+1; λ_k+1) − U(x_0; λ_0).
 */
public final class OverdampedKernel {

    private OverdampedKernel() {
    }

    /**
     * Euler–Maruyama step: x ← x + F(x; λ') dt + √(2dt) ξ.
     *
     * <p>Written as three short passes over the block (control jump; move; energy at the new
     * position) so that C2 unrolls and vectorises each one; a single fused loop is too large for
     * its default unrolling limit and runs about three times slower.
     *
     * @param jump       scratch, length ≥ n: holds U(x_k; λ_{k+1}) between the passes
     * @param c0         control 0 at the new time, λ_{k+1}
     * @param c1         control 1 at the new time
     * @param dt         time step in τ_D
     * @param noiseScale √(2 dt)
     */
    public static void eulerStep(Potential p, double[] x, double[] u, double[] w, double[] wAbs,
                                 double[] q, double[] noise,
                                 double[] jump, int n, double c0, double c1, double dt, double noiseScale) {
        controlJump(p, x, u, w, wAbs, jump, n, c0, c1);
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            x[i] = xi + p.force(xi, c0, c1) * dt + noiseScale * noise[i];
        }
        relaxHeat(p, x, u, q, jump, n, c0, c1);
    }

    /**
     * Stochastic Heun step with additive noise:
     * x̃ = x + F(x) dt + √(2dt) ξ;  x ← x + ½[F(x) + F(x̃)] dt + √(2dt) ξ, all at λ'.
     *
     * @param jump  scratch, length ≥ n
     * @param force scratch, length ≥ n
     */
    public static void heunStep(Potential p, double[] x, double[] u, double[] w, double[] wAbs,
                                double[] q, double[] noise,
                                double[] jump, double[] force, int n, double c0, double c1, double dt,
                                double noiseScale) {
        controlJump(p, x, u, w, wAbs, jump, n, c0, c1);
        heunMove(p, x, noise, force, n, c0, c1, dt, noiseScale);
        relaxHeat(p, x, u, q, jump, n, c0, c1);
    }

    /**
     * Euler–Maruyama step with the previous step's relaxation still pending: the same numbers as
     * {@link #eulerStep} with {@link #relaxHeat} of the previous step, in two passes instead of three.
     * On entry jump = U(x; λ_k) from the previous control jump (or U(x_0; λ_0) at the start) and the
     * heat lacks its last term; pass one adds it, q += jump − U(x; λ_k), and makes the control jump,
     * w += U(x; λ_{k+1}) − U(x; λ_k) — U(x; λ_k) is the same double {@link #relaxHeat} would have
     * stored in u — then the particle moves. Finish a run with {@link #relaxHeat} at λ_last.
     *
     * @param p0 control 0 of the pending relaxation, λ_k
     * @param p1 control 1 of the pending relaxation
     */
    public static void eulerStepPending(Potential p, double[] x, double[] w, double[] wAbs,
                                        double[] q, double[] noise,
                                        double[] jump, int n, double p0, double p1, double c0, double c1, double dt,
                                        double noiseScale) {
        pendingRelaxAndJump(p, x, w, wAbs, q, jump, n, p0, p1, c0, c1);
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            x[i] = xi + p.force(xi, c0, c1) * dt + noiseScale * noise[i];
        }
    }

    /**
     * Stochastic Heun step with the previous step's relaxation pending, as {@link #eulerStepPending}
     * is to {@link #eulerStep}: the same numbers as {@link #heunStep}, one pass fewer.
     *
     * @param force scratch, length ≥ n
     */
    public static void heunStepPending(Potential p, double[] x, double[] w, double[] wAbs,
                                       double[] q, double[] noise,
                                       double[] jump, double[] force, int n, double p0, double p1, double c0,
                                       double c1, double dt, double noiseScale) {
        pendingRelaxAndJump(p, x, w, wAbs, q, jump, n, p0, p1, c0, c1);
        heunMove(p, x, noise, force, n, c0, c1, dt, noiseScale);
    }

    /**
     * One trajectory's move at λ' (positions only: the rare-event engine needs no energies): the same
     * arithmetic as the moves of {@link #eulerStep} and {@link #heunStep}, so both engines run one dynamics.
     *
     * @param noise a standard normal deviate
     * @return the new position
     */
    public static double move(Integrator integrator, Potential p, double x, double noise, double c0, double c1,
                              double dt, double noiseScale) {
        final double kick = noiseScale * noise;
        if (integrator == Integrator.HEUN) {
            final double f0 = p.force(x, c0, c1);
            final double xp = x + f0 * dt + kick;
            return x + (f0 + p.force(xp, c0, c1)) * (0.5 * dt) + kick;
        }
        if (integrator == Integrator.EULER_MARUYAMA) {
            return x + p.force(x, c0, c1) * dt + kick;
        }
        throw new IllegalArgumentException(integrator.key() + " is not an overdamped integrator");
    }

    /** Heun's move at λ': the force at x in a pass of its own, then predictor and corrector. */
    private static void heunMove(Potential p, double[] x, double[] noise, double[] force, int n, double c0, double c1,
                                 double dt, double noiseScale) {
        for (int i = 0; i < n; i++) {
            force[i] = p.force(x[i], c0, c1);
        }
        final double halfDt = 0.5 * dt;
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            final double f0 = force[i];
            final double kick = noiseScale * noise[i];
            final double xp = xi + f0 * dt + kick;
            x[i] = xi + (f0 + p.force(xp, c0, c1)) * halfDt + kick;
        }
    }

    /**
     * q += jump − U(x; λ_k); w += U(x; λ_{k+1}) − U(x; λ_k) and wAbs += its magnitude; jump = U(x; λ_{k+1}).
     */
    private static void pendingRelaxAndJump(Potential p, double[] x, double[] w, double[] wAbs,
                                            double[] q, double[] jump, int n, double p0, double p1, double c0,
                                            double c1) {
        for (int i = 0; i < n; i++) {
            final double xi = x[i];
            final double un = p.energy(xi, p0, p1);
            final double uj = p.energy(xi, c0, c1);
            final double dw = uj - un;
            q[i] += jump[i] - un;
            w[i] += dw;
            wAbs[i] += Math.abs(dw);
            jump[i] = uj;
        }
    }

    /** The controls jump to λ' at fixed x: w += U(x; λ') − U(x; λ) (wAbs += its magnitude), jump = U(x; λ'). */
    private static void controlJump(Potential p, double[] x, double[] u, double[] w, double[] wAbs,
                                    double[] jump, int n, double c0, double c1) {
        for (int i = 0; i < n; i++) {
            final double uj = p.energy(x[i], c0, c1);
            final double dw = uj - u[i];
            w[i] += dw;
            wAbs[i] += Math.abs(dw);
            jump[i] = uj;
        }
    }

    /** After the move: q += U(x_k; λ') − U(x_{k+1}; λ'), u = U(x_{k+1}; λ'). */
    static void relaxHeat(Potential p, double[] x, double[] u, double[] q, double[] jump, int n, double c0,
                          double c1) {
        for (int i = 0; i < n; i++) {
            final double un = p.energy(x[i], c0, c1);
            q[i] += jump[i] - un;
            u[i] = un;
        }
    }

    /**
     * Dispatches to the integrator's plain step; scratch arrays as for {@link #heunStep}. The engine runs
     * the pending-relaxation forms ({@link #eulerStepPending}, {@link #heunStepPending}), which the tests
     * hold equal to these bit for bit.
     */
    public static void step(Integrator integrator, Potential p, double[] x, double[] u, double[] w,
                            double[] wAbs, double[] q, double[] noise, double[] jump, double[] force, int n,
                            double c0, double c1,
                            double dt, double noiseScale) {
        if (integrator.underdamped()) {
            throw new IllegalArgumentException(integrator.key() + " is not an overdamped integrator");
        }
        if (integrator == Integrator.HEUN) {
            heunStep(p, x, u, w, wAbs, q, noise, jump, force, n, c0, c1, dt, noiseScale);
        } else {
            eulerStep(p, x, u, w, wAbs, q, noise, jump, n, c0, c1, dt, noiseScale);
        }
    }
}
