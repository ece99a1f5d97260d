package org.erasure.langevin;

import org.erasure.model.*;
import org.erasure.model.TargetWell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolver;
import org.erasure.physics.HarmonicTrap;
import org.erasure.physics.Potential;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.RunningMoments;
import org.junit.jupiter.api.Test;

/** BAOAB against analytic results: equipartition, the damped oscillator, limits of friction, first law. */
class UnderdampedTest {

    /** Equilibrium (x, v) in a harmonic trap of stiffness k and mass μ, then n steps; returns {x, v} arrays. */
    private static double[][] harmonicRun(int n, double k, double mass, double gamma, double dt, int steps,
                                          long seed, double[] corrTimes, double[] corr) {
        final Potential trap = HarmonicTrap.of();
        final GaussianStream rng = GaussianStream.ofSeed(seed);
        final double[] x = new double[n];
        final double[] v = new double[n];
        final double[] u = new double[n];
        final double[] w = new double[n];
        final double[] q = new double[n];
        final double[] e = new double[n];
        final double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian() / Math.sqrt(k);
            v[i] = rng.nextGaussian() / Math.sqrt(mass);
            u[i] = trap.energy(x[i], 0, k);
        }
        final double[] x0 = x.clone();
        int next = 0;
        for (int s = 1; s <= steps; s++) {
            rng.fillGaussian(noise, n);
            UnderdampedKernel.baoabStep(trap, x, v, u, w, new double[n], q, noise, e, n, 0, k, dt, mass, gamma);
            if (corrTimes != null && next < corrTimes.length && Math.abs(s * dt - corrTimes[next]) < dt / 2) {
                double c = 0;
                for (int i = 0; i < n; i++) {
                    c += x0[i] * x[i];
                }
                corr[next++] = c / n;
            }
        }
        return new double[][] {x, v};
    }

    @Test
    void equipartitionInAHarmonicWell() {
        // <v^2> = kT/m = 1/mu and <x^2> = kT/k; s.e. sqrt(2/N) relative; 4 s.e.: false-failure rate 6e-5 each.
        final int n = 40_000;
        final double mass = 2;
        final double k = 3;
        final double[][] xv = harmonicRun(n, k, mass, 1, 0.05, 400, 17, null, null);
        final RunningMoments x2 = new RunningMoments();
        final RunningMoments v2 = new RunningMoments();
        for (int i = 0; i < n; i++) {
            x2.add(xv[0][i] * xv[0][i]);
            v2.add(xv[1][i] * xv[1][i]);
        }
        assertEquals(1 / k, x2.mean(), 4 * x2.standardError(), "<x^2>");
        assertEquals(1 / mass, v2.mean(), 4 * v2.standardError(), "<v^2>");
    }

    @Test
    void positionAutocorrelationOfTheDampedOscillator() {
        // C(t) = (kT/k) e^{-g t/2m} [cos w1 t + (g/(2 m w1)) sin w1 t], w1 = sqrt(k/m - g^2/4m^2).
        final int n = 40_000;
        final double k = 1;
        final double mass = 4;
        final double dt = 0.02;
        final double[] times = {1, 2, 4, 6, 9, 13};
        final double[] corr = new double[times.length];
        harmonicRun(n, k, mass, 1, dt, 700, 23, times, corr);
        final double damp = 1 / (2 * mass);
        final double w1 = Math.sqrt(k / mass - damp * damp);
        for (int j = 0; j < times.length; j++) {
            final double t = times[j];
            final double exact = Math.exp(-damp * t) * (Math.cos(w1 * t) + damp / w1 * Math.sin(w1 * t)) / k;
            // s.e. of a product mean of unit Gaussians with correlation C: sqrt((1 + C^2)/N); 4 s.e. (6e-5 each)
            final double se = Math.sqrt((1 + exact * exact) / n) / k;
            assertEquals(exact, corr[j], 4 * se, "C(" + t + ")");
        }
        assertTrue(corr[3] < 0, "underdamped: the correlation swings negative");
    }

    @Test
    void energyIsConservedAtZeroFrictionToSecondOrder() {
        // gamma = 0: BAOAB is velocity Verlet; the energy error of a fixed trajectory scales as dt^2.
        final Potential well = QuarticDoubleWell.of(2);
        final double[] worst = new double[2];
        for (int level = 0; level < 2; level++) {
            final double dt = 0.02 / (1 << level);
            final double[] x = {1.3};
            final double[] v = {0.7};
            final double[] u = {well.energy(1.3, 1, 0.5)};
            final double e0 = u[0] + 0.5 * v[0] * v[0];
            final double[] w = new double[1];
            final double[] q = new double[1];
            final double[] e = new double[1];
            final double[] noise = new double[1];
            for (int s = 0; s < (int) Math.round(20 / dt); s++) {
                UnderdampedKernel.baoabStep(well, x, v, u, w, new double[1], q, noise, e, 1, 1, 0.5, dt, 1, 0);
                worst[level] = Math.max(worst[level], Math.abs(u[0] + 0.5 * v[0] * v[0] - e0));
            }
        }
        assertTrue(worst[0] < 0.05, "small energy error: " + worst[0]);
        assertEquals(4, worst[0] / worst[1], 0.8, "second order: " + worst[0] + " / " + worst[1]);
    }

    @Test
    void firstLawWithKineticEnergyPerTrajectory() {
        final Potential well = QuarticDoubleWell.of(6);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(3, 0, 5);
        final int n = 128;
        final GaussianStream rng = GaussianStream.ofSeed(3);
        final double[] x = new double[n];
        final double[] v = new double[n];
        final double[] u = new double[n];
        final double[] w = new double[n];
        final double[] q = new double[n];
        final double[] e = new double[n];
        final double[] noise = new double[n];
        final double[] e0 = new double[n];
        final double[] wAbs = new double[n];
        final double[] plus = new double[n];
        final double[] minus = new double[n];
        final double mass = 0.5;
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1 : 1;
            v[i] = rng.nextGaussian() / Math.sqrt(mass);
            u[i] = well.energy(x[i], 1, 0);
            e0[i] = u[i] + 0.5 * mass * v[i] * v[i];
        }
        final double dt = 2e-3;
        for (int s = 1; s <= 1500; s++) {
            rng.fillGaussian(noise, n);
            for (int i = 0; i < n; i++) {
                final double d = well.energy(x[i], p.control0(s * dt), p.control1(s * dt))
                        - well.energy(x[i], p.control0((s - 1) * dt), p.control1((s - 1) * dt));
                plus[i] += Math.max(d, 0);
                minus[i] += Math.min(d, 0);
            }
            UnderdampedKernel.baoabStep(well, x, v, u, w, wAbs, q, noise, e, n, p.control0(s * dt), p.control1(s * dt),
                    dt, mass, 1);
        }
        for (int i = 0; i < n; i++) {
            final double dE = u[i] + 0.5 * mass * v[i] * v[i] - e0[i];
            assertEquals(dE, w[i] - q[i], 1e-10 * (1 + Math.abs(w[i]) + Math.abs(q[i])), "trajectory " + i);
            // gross work from the total variation, against W+ and W- summed here from the positions
            assertEquals(plus[i], 0.5 * (w[i] + wAbs[i]), 1e-10 * (1 + plus[i] - minus[i]), "W+, trajectory " + i);
            assertEquals(minus[i], 0.5 * (w[i] - wAbs[i]), 1e-10 * (1 + plus[i] - minus[i]), "W-, trajectory " + i);
            assertTrue(plus[i] > 0.5, "gross work " + plus[i]);
        }
    }

    @Test
    void highFrictionApproachesTheOverdampedEngine() {
        // mu = m kT/(gamma^2 x_m^2) -> 0 is the Smoluchowski limit; corrections are O(mu * curvature).
        final QuarticDoubleWell well = QuarticDoubleWell.of(4);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(2, 0, 4);
        final FokkerPlanckResult od = FokkerPlanckSolver.solveSecondOrder(well, p, TargetWell.RIGHT, 800, 1e-3);
        final double[] gap = new double[2];
        final double[] se = new double[2];
        final double[] masses = {0.03, 0.003};
        for (int j = 0; j < 2; j++) {
            final double mass = masses[j];
            final double dt = Math.min(1e-3, 0.15 * Math.sqrt(mass / 32));
            final ErasureTally t = LangevinMonteCarlo.run(LangevinRun.of(ErasureProblem.of(well, p).withDynamics(Dynamics.underdamped(mass)),
                    Integrator.BAOAB, dt, 20_000, 41), 2, null);
            gap[j] = Math.abs(t.work().mean() - od.meanWork());
            se[j] = t.work().standardError();
            if (j == 1) {
                assertTrue(t.errorInterval().low() <= od.error() * 1.5 && t.errorInterval().high() >= od.error() / 1.5,
                        "eps MC " + t.errorInterval() + " vs overdamped " + od.error());
            }
        }
        assertTrue(gap[1] < gap[0], "closer at higher friction: " + gap[0] + " -> " + gap[1]);
        assertTrue(gap[1] < 3 * se[1] + 0.02, "within 3 s.e. + O(mu) of the overdamped <W>: gap " + gap[1]);
    }
}
