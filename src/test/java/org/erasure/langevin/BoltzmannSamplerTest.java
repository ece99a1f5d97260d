package org.erasure.langevin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.erasure.physics.Potential;
import org.erasure.physics.Quadrature;
import org.erasure.physics.QuarticDoubleWell;
import org.junit.jupiter.api.Test;

/** The initial-state sampler draws exactly from exp(−U): chi-square against quadrature. */
class BoltzmannSamplerTest {

    /** Chi-square p-value of samples binned on [lo, hi] against Boltzmann bin probabilities. */
    static double chiSquarePValue(Potential p, double c0, double c1, double[] xs, double lo, double hi, int bins) {
        final long[] counts = new long[bins + 2];
        for (double x : xs) {
            final int i = x < lo ? 0 : x >= hi ? bins + 1 : 1 + (int) ((x - lo) / (hi - lo) * bins);
            counts[Math.min(i, bins + 1)]++;
        }
        final double[] range = {-4, 4};
        double chi2 = 0;
        double inside = 0;
        for (int i = 0; i < bins; i++) {
            final double a = lo + (hi - lo) * i / bins;
            final double b = lo + (hi - lo) * (i + 1) / bins;
            final double prob = Quadrature.probability(p, c0, c1, a, b, range[0], range[1]);
            inside += prob;
            final double e = prob * xs.length;
            chi2 += (counts[i + 1] - e) * (counts[i + 1] - e) / e;
        }
        final double eOut = (1 - inside) * xs.length;
        final long out = counts[0] + counts[bins + 1];
        if (eOut > 5) {
            chi2 += (out - eOut) * (out - eOut) / eOut;
        }
        return 1 - new ChiSquaredDistribution(bins).cumulativeProbability(chi2);
    }

    @Test
    void samplesTheTiltedDoubleWell() {
        // A false failure needs p < 1e-4: rate 1e-4 per seed (fixed seed: deterministic).
        final QuarticDoubleWell well = QuarticDoubleWell.of(3);
        final BoltzmannSampler s = BoltzmannSampler.of(well, 0.8, 1.5);
        final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        final double[] xs = new double[200_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = s.sample(rng);
        }
        final double pValue = chiSquarePValue(well, 0.8, 1.5, xs, -1.6, 1.8, 60);
        assertTrue(pValue > 1e-4, "chi-square p = " + pValue);
    }

    @Test
    void detectsAWrongDistribution() {
        // The same test must reject samples from a different barrier (guards against a test that cannot fail).
        final QuarticDoubleWell well = QuarticDoubleWell.of(3);
        final BoltzmannSampler wrong = BoltzmannSampler.of(QuarticDoubleWell.of(3.3), 0.8, 1.5);
        final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        final double[] xs = new double[200_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = wrong.sample(rng);
        }
        assertTrue(chiSquarePValue(well, 0.8, 1.5, xs, -1.6, 1.8, 60) < 1e-4);
    }
}
