package org.erasure.langevin;

import org.erasure.model.*;
import org.erasure.model.TargetWell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.physics.ErasureBounds;
import org.erasure.physics.Quadrature;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo engine against analytic results: Boltzmann equilibrium, Jarzynski's equality,
 * the quasi-static work and the generalized Landauer bound. Seeds are fixed; each statistical
 * assertion states its false-failure rate for a random seed.
 */
class OverdampedPhysicsTest {

    private static ErasureTally run(QuarticDoubleWell w, KeyframeProtocol p, double dt, long n, long seed) {
        return LangevinMonteCarlo.run(LangevinRun.of(w, p, Integrator.HEUN, dt, n, seed), 2, null);
    }

    @Test
    void relaxesToBoltzmannFromAFixedStart() {
        // Start every particle at x = 1.2 in a tilted 2 kT double well and let it relax for 15 tau_D
        // (the slowest relaxation time, the inverse hopping rate, is about 1 tau_D here).
        final QuarticDoubleWell well = QuarticDoubleWell.of(2);
        final KeyframeProtocol constant = KeyframeProtocol.constant(15, 1, 0.5);
        final LangevinRun r = LangevinRun.of(ErasureProblem.of(well, constant).withInitial(InitialState.at(1.2)),
                Integrator.HEUN, 2e-3, 4096, 11);
        final double[] xs = finalPositions(r);
        // false-failure rate 1e-4 (chi-square p-value threshold)
        final double p = BoltzmannSamplerTest.chiSquarePValue(well, 1, 0.5, xs, -1.8, 1.8, 30);
        assertTrue(p > 1e-4, "chi-square p = " + p);
    }

    /** Final positions of a run, trajectory by trajectory, via the block worker. */
    static double[] finalPositions(LangevinRun r) {
        final int n = (int) r.trajectories();
        final double[] out = new double[n];
        final BlockWorker worker = new BlockWorker(r, null);
        final GaussianStream rng = GaussianStream.ofSeed(r.seed());
        int done = 0;
        while (done < n) {
            final int m = Math.min(BlockWorker.BLOCK_SIZE, n - done);
            final double[] xs = worker.runBlockPositions(m, rng.longJump());
            System.arraycopy(xs, 0, out, done, m);
            done += m;
        }
        return out;
    }

    @Test
    void jarzynskiEqualityForACyclicProtocol() {
        // Cyclic four-step protocol (U(tau) = U(0)) far from quasi-static: <W> is well above 0,
        // yet <exp(-W)> = Z(tau)/Z(0) = 1 (Jarzynski, PRL 78, 2690 (1997)).
        final ErasureTally t = run(QuarticDoubleWell.of(2), KeyframeProtocol.fourStep(1, 0.3, 2), 1e-3, 40_000, 3);
        assertTrue(t.work().mean() > 0.2, "dissipative protocol");
        // 4 s.e.: false-failure rate 6e-5 (the exponential average is nearly normal at this sample size)
        assertEquals(1, t.jarzynski().mean(), 4 * t.jarzynski().standardError(),
                "<exp(-W)> = " + t.jarzynski().mean() + " +- " + t.jarzynski().standardError());
    }

    @Test
    void slowTiltApproachesTheQuasiStaticWork() {
        // Tilt a 1 kT double well from F = 0 to F = 1 over tau = 2000: W_qs = -ln Z(F=1)/Z(F=0).
        final QuarticDoubleWell well = QuarticDoubleWell.of(1);
        final KeyframeProtocol tilt = KeyframeProtocol.of(2000, new double[] {0, 1}, new double[] {1, 1},
                new double[] {0, 1});
        final double wqs = Quadrature.freeEnergy(well, 1, 1, -4, 4) - Quadrature.freeEnergy(well, 1, 0, -4, 4);
        final ErasureTally t = run(well, tilt, 1e-2, 1024, 5);
        // The residual dissipation B/tau (B ~ 0.9 kT tau_D, measured at tau = 100) is ~0.5 s.e. here, and
        // the s.e. shrinks with it (var W ~ 2 B/tau near equilibrium); with 3 s.e. the false-failure
        // rate is about 0.5 %.
        assertEquals(wqs, t.work().mean(), 3 * t.work().standardError(),
                "W_qs = " + wqs + ", <W> = " + t.work().mean() + " +- " + t.work().standardError());
        assertTrue(wqs < -0.1, "a real free-energy change");
    }

    @Test
    void slowErasureStaysAboveGeneralizedLandauer() {
        // Four-step erasure of a 12 kT bit over tau = 100: reliable (eps << 1) and close to kT ln 2.
        // (With a 5 kT barrier the bit leaks back during the last step: eps ~ 0.1.)
        final ErasureTally t = run(QuarticDoubleWell.of(12), KeyframeProtocol.fourStep(100, 0, 6), 2e-3, 2048, 9);
        final double eps = t.errorInterval().rate();
        final double bound = ErasureBounds.generalizedLandauer(t.errorInterval().high());
        assertTrue(eps < 0.01, "erasure works: eps = " + eps);
        // <W> >= kT[ln2 - H(eps)] is a theorem; 3 s.e. allows for sampling (false-failure rate <= 1.3e-3).
        assertTrue(t.work().mean() + 3 * t.work().standardError() >= bound,
                "<W> = " + t.work().mean() + " below the bound " + bound);
        assertTrue(t.work().mean() < Math.log(2) + 0.3, "slow erasure is near kT ln 2: " + t.work().mean());
    }

    @Test
    void firstLawHoldsPerTrajectory() {
        // W - Q = U(x_tau; lambda_tau) - U(x_0; lambda_0) for every trajectory, to rounding; and the gross work
        // of SPEC 2.4 from the kernel's total variation, W+- = (W +- |W|_tv)/2, against W+ and W- summed here
        // step by step from the positions (max/min of each control increment), with W+ + W- = W.
        final QuarticDoubleWell well = QuarticDoubleWell.of(8);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(2, 0, 6);
        // the overdamped integrators (BAOAB's first law, kinetic energy included, is UnderdampedTest's)
        for (Integrator integrator : new Integrator[] {Integrator.EULER_MARUYAMA, Integrator.HEUN}) {
            final int n = 64;
            final double[] x = new double[n];
            final double[] u = new double[n];
            final double[] u0 = new double[n];
            final double[] w = new double[n];
            final double[] wAbs = new double[n];
            final double[] plus = new double[n];
            final double[] minus = new double[n];
            final double[] q = new double[n];
            final double[] noise = new double[n];
            final var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
            final var gauss = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < n; i++) {
                x[i] = i % 2 == 0 ? -1 : 1;
                u[i] = well.energy(x[i], 1, 0);
                u0[i] = u[i];
            }
            final double dt = 1e-3;
            for (int k = 1; k <= 2000; k++) {
                for (int i = 0; i < n; i++) {
                    noise[i] = gauss.sample();
                }
                for (int i = 0; i < n; i++) {
                    final double d = well.energy(x[i], p.control0(k * dt), p.control1(k * dt))
                            - well.energy(x[i], p.control0((k - 1) * dt), p.control1((k - 1) * dt));
                    plus[i] += Math.max(d, 0);
                    minus[i] += Math.min(d, 0);
                }
                OverdampedKernel.step(integrator, well, x, u, w, wAbs, q, noise, new double[n], new double[n], n,
                        p.control0(k * dt), p.control1(k * dt), dt, Math.sqrt(2 * dt));
            }
            double worstWork = 0;
            double grossGap = 0;
            for (int i = 0; i < n; i++) {
                final double du = well.energy(x[i], p.control0(2), p.control1(2)) - u0[i];
                assertEquals(du, w[i] - q[i], 1e-10 * (1 + Math.abs(w[i]) + Math.abs(q[i])),
                        integrator + " trajectory " + i);
                worstWork = Math.max(worstWork, Math.abs(w[i]));
                final double scale = 1e-10 * (1 + plus[i] - minus[i]);
                assertEquals(plus[i], 0.5 * (w[i] + wAbs[i]), scale, integrator + " W+ " + i);
                assertEquals(minus[i], 0.5 * (w[i] - wAbs[i]), scale, integrator + " W- " + i);
                assertEquals(w[i], plus[i] + minus[i], scale, integrator + " W+ + W- = W " + i);
                grossGap = Math.max(grossGap, Math.min(plus[i], -minus[i]));
            }
            assertTrue(worstWork > 1, "work was actually done");
            assertTrue(grossGap > 1, "some trajectory both received and returned over 1 kT: " + grossGap);
        }
    }

    @Test
    void stepsWithPendingRelaxationGiveTheSameNumbersBitForBit() {
        // The engine's steps (each relaxation folded into the next control jump) against the plain
        // steps, Euler and Heun: positions, work, heat and energy after 3000 steps of a four-step protocol.
        final QuarticDoubleWell well = QuarticDoubleWell.of(8);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(3, 0, 8);
        final int n = 256;
        final double dt = 1e-3;
        final double noiseScale = Math.sqrt(2 * dt);
        for (Integrator integrator : new Integrator[] {Integrator.EULER_MARUYAMA, Integrator.HEUN}) {
            final double[][] x = new double[2][n];
            final double[][] u = new double[2][n];
            final double[][] w = new double[2][n];
            final double[][] wAbs = new double[2][n];
            final double[][] q = new double[2][n];
            final double[][] jump = new double[2][n];
            final double[] force = new double[n];
            for (int i = 0; i < n; i++) {
                x[0][i] = -1.5 + 3.0 * i / n;
                x[1][i] = x[0][i];
                u[0][i] = well.energy(x[0][i], p.control0(0), p.control1(0));
                u[1][i] = u[0][i];
            }
            System.arraycopy(u[1], 0, jump[1], 0, n);
            final GaussianLanes lanes = new GaussianLanes(n);
            lanes.reseed(GaussianStream.ofSeed(4), n);
            final double[] noise = new double[n];
            double prev0 = p.control0(0);
            double prev1 = p.control1(0);
            for (int k = 1; k <= 3000; k++) {
                lanes.fill(noise, n);
                final double c0 = p.control0(k * dt);
                final double c1 = p.control1(k * dt);
                OverdampedKernel.step(integrator, well, x[0], u[0], w[0], wAbs[0], q[0], noise, jump[0], force, n, c0, c1, dt,
                        noiseScale);
                if (integrator == Integrator.HEUN) {
                    OverdampedKernel.heunStepPending(well, x[1], w[1], wAbs[1], q[1], noise, jump[1], force, n, prev0,
                            prev1, c0, c1, dt, noiseScale);
                } else {
                    OverdampedKernel.eulerStepPending(well, x[1], w[1], wAbs[1], q[1], noise, jump[1], n, prev0, prev1, c0,
                            c1, dt, noiseScale);
                }
                prev0 = c0;
                prev1 = c1;
            }
            OverdampedKernel.relaxHeat(well, x[1], u[1], q[1], jump[1], n, prev0, prev1);
            for (int i = 0; i < n; i++) {
                assertEquals(x[0][i], x[1][i], 0.0, integrator + " x " + i);
                assertEquals(w[0][i], w[1][i], 0.0, integrator + " w " + i);
                assertEquals(wAbs[0][i], wAbs[1][i], 0.0, integrator + " |w| " + i);
                assertEquals(q[0][i], q[1][i], 0.0, integrator + " q " + i);
                assertEquals(u[0][i], u[1][i], 0.0, integrator + " u " + i);
            }
        }
    }
}
