package org.erasure.fokkerplanck;

import org.erasure.model.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.LangevinRun;
import org.erasure.model.TargetWell;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/** The exact hopping rate against Kramers, against EJML's dense spectrum, and against Monte Carlo. */
class HoppingSpectrumTest {

    @Test
    void approachesKramersWithTheExpectedOneOverBarrierCorrection() {
        // Symmetric quartic well: U''(±1) = 8E_b, U''(0) = −4E_b, λ₁ = 2 k_Kramers (1 + c/E_b + ...).
        // Kramers' formula is the leading term of a 1/E_b expansion, so (ratio − 1)·E_b must settle to
        // a constant (measured: −0.41, −0.40, −0.39 at E_b = 10, 15, 20).
        double previous = Double.NaN;
        for (double eb : new double[] {10, 15, 20}) {
            final double lambda = HoppingSpectrum.slowestRate(QuarticDoubleWell.of(eb), 1, 0, 2000);
            final double ratio = lambda / (2 * HoppingSpectrum.kramersRate(8 * eb, -4 * eb, eb));
            final double c = (ratio - 1) * eb;
            assertTrue(c > -0.5 && c < -0.3, "E_b = " + eb + ": ratio " + ratio);
            if (!Double.isNaN(previous)) {
                assertTrue(Math.abs(ratio - 1) < Math.abs(previous - 1), "correction shrinks with E_b");
            }
            previous = ratio;
        }
    }

    @Test
    void keepsRelativeAccuracyAtBarriersNoDenseSolverResolves() {
        // λ₁ ~ e^{−40} next to eigenvalues ~1e6: still converged in the grid (O(h²)) to 1e-4 relative.
        final QuarticDoubleWell well = QuarticDoubleWell.of(40);
        final double a = HoppingSpectrum.slowestRate(well, 1, 0, 2000);
        final double b = HoppingSpectrum.slowestRate(well, 1, 0, 4000);
        assertTrue(a > 1e-17 && a < 1e-15, "λ₁ = " + a);
        assertEquals(1, a / b, 1e-4);
    }

    @Test
    void agreesWithEjmlWhereTheDenseSpectrumIsAccurate() {
        for (double eb : new double[] {1, 2, 4}) {
            final QuarticDoubleWell w = QuarticDoubleWell.of(eb);
            final double[] ev = HoppingSpectrum.lowestEigenvalues(w, 1, 0.3, 300, 3);
            assertEquals(0, ev[0], 1e-9, "stationary state");
            assertEquals(ev[1], HoppingSpectrum.slowestRate(w, 1, 0.3, 300), 1e-9 * ev[2] + 1e-8 * ev[1]);
            assertTrue(ev[2] > 10 * ev[1] || eb < 2, "time-scale separation");
        }
    }

    @Test
    void matchesMonteCarloRelaxationBetweenTheWells() {
        // E_b = 2: start at x = −1; once intra-well modes have died (λ₂ ≈ 8), 2 P_left(t) − 1 ∝ e^{−λ₁ t}.
        // λ_MC = ln[d(1)/d(3)]/2 with d = 2 P_left − 1; its s.e. by the delta method. 3 s.e.: false-failure 0.3 %.
        final QuarticDoubleWell well = QuarticDoubleWell.of(2);
        final double lambda = HoppingSpectrum.slowestRate(well, 1, 0, 2000);
        final long n = 100_000;
        final double[] d = new double[2];
        final double[] var = new double[2];
        final double[] times = {1, 3};
        for (int k = 0; k < 2; k++) {
            final ErasureTally t = LangevinMonteCarlo.run(LangevinRun.of(ErasureProblem.of(well,
                    KeyframeProtocol.constant(times[k], 1, 0)).withInitial(InitialState.at(-1)), Integrator.HEUN,
                    1e-3, n, 31 + k), 2, null);
            final double pLeft = (double) t.errors() / n;
            d[k] = 2 * pLeft - 1;
            var[k] = 4 * pLeft * (1 - pLeft) / n;
        }
        final double mc = Math.log(d[0] / d[1]) / (times[1] - times[0]);
        final double se = Math.sqrt(var[0] / (d[0] * d[0]) + var[1] / (d[1] * d[1])) / (times[1] - times[0]);
        assertEquals(lambda, mc, 3 * se, "FP λ₁ = " + lambda + ", MC " + mc + " +- " + se);
    }

    @Test
    void meanFirstPassageTimeMatchesMonteCarloAndTheRateAtHighBarriers() {
        // High barrier: λ₁ · T(−1 → 1) / 2 → 1 (two-state limit).
        final QuarticDoubleWell high = QuarticDoubleWell.of(15);
        final double t = HoppingSpectrum.meanFirstPassageTime(high, 1, 0, -1, 1, 200_000);
        assertEquals(1, HoppingSpectrum.slowestRate(high, 1, 0, 2000) * t / 2, 1e-3);
        // Low barrier: against first passages sampled with the Heun kernel (dt = 1e-4, 4000 particles).
        final QuarticDoubleWell low = QuarticDoubleWell.of(2);
        final double exact = HoppingSpectrum.meanFirstPassageTime(low, 1, 0, -1, 1, 200_000);
        final org.erasure.langevin.GaussianStream rng = org.erasure.langevin.GaussianStream.ofSeed(5);
        final int n = 4000;
        final double dt = 1e-4;
        final double s = Math.sqrt(2 * dt);
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double x = -1;
            long steps = 0;
            while (x < 1) {
                final double f0 = low.force(x, 1, 0);
                final double kick = s * rng.nextGaussian();
                final double xp = x + f0 * dt + kick;
                x += 0.5 * (f0 + low.force(xp, 1, 0)) * dt + kick;
                steps++;
            }
            final double time = steps * dt;
            sum += time;
            sum2 += time * time;
        }
        final double mean = sum / n;
        final double se = Math.sqrt((sum2 / n - mean * mean) / n);
        // discrete monitoring adds a small positive bias (~0.6 sqrt(2 dt) in the boundary); 3 s.e.: 0.3 %
        assertEquals(exact, mean, 3 * se + 0.01 * exact, "MFPT quadrature " + exact + ", MC " + mean + " +- " + se);
    }

    @Test
    void retentionInvertsTheRate() {
        final double lambda = HoppingSpectrum.slowestRate(QuarticDoubleWell.of(20), 1, 0, 1000);
        final double t = Retention.retentionTime(lambda, 1e-9);
        assertEquals(2e-9 / lambda, t, 1e-6 * t);
        final double eb = Retention.barrierNeeded(QuarticDoubleWell::of, 1, 0, t, 1e-9, 1000);
        assertEquals(20, eb, 1e-6);
    }

    @Test
    void neededBarrierCarriesAnHonestNumericalError() {
        // The barrier that keeps a bit 1e6 tau_D at eps = 1e-15, with its error from half the cells: the barrier on a
        // grid four times finer must lie within that error, and the error must be small enough to be useful.
        final Retention.Barrier b = Retention.barrierNeededWithError(QuarticDoubleWell::of, 1, 0, 1e6, 1e-15, 1000);
        final double finer = Retention.barrierNeeded(QuarticDoubleWell::of, 1, 0, 1e6, 1e-15, 4000);
        assertTrue(Math.abs(b.kT() - finer) <= b.numericalErrorKT(), b + " against " + finer + " on 4000 cells");
        assertTrue(b.numericalErrorKT() < 1e-2 && b.numericalErrorKT() > Math.abs(b.kT() - finer) / 10,
                "an error of the size of the discretisation's: " + b);
    }
}
