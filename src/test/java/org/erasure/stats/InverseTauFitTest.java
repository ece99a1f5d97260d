package org.erasure.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class InverseTauFitTest {

    @Test
    void recoversParametersFromSyntheticDataWithinTheirErrors() {
        // W = 0.7 + 4.5/tau plus Gaussian noise of known s.e.; 200 independent data sets: the fitted
        // values must scatter around the truth with the reported standard errors (pull mean ~0, sd ~1).
        final double[] tau = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
        final double[] se = new double[tau.length];
        for (int i = 0; i < tau.length; i++) {
            se[i] = 0.01 + 0.02 / Math.sqrt(tau[i]);
        }
        final var gauss = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(8L));
        final RunningMoments pullW = new RunningMoments();
        final RunningMoments pullB = new RunningMoments();
        for (int rep = 0; rep < 200; rep++) {
            final double[] w = new double[tau.length];
            for (int i = 0; i < tau.length; i++) {
                w[i] = 0.7 + 4.5 / tau[i] + se[i] * gauss.sample();
            }
            final InverseTauFit f = InverseTauFit.fit(tau, w, se);
            pullW.add((f.wInf() - 0.7) / f.wInfError());
            pullB.add((f.b() - 4.5) / f.bError());
        }
        // 200 pulls: mean within 4/sqrt(200) = 0.28 of 0, sd within 0.2 of 1 (false-failure rate < 1e-3)
        assertEquals(0, pullW.mean(), 0.28);
        assertEquals(0, pullB.mean(), 0.28);
        assertEquals(1, pullW.standardDeviation(), 0.2);
        assertEquals(1, pullB.standardDeviation(), 0.2);
    }

    @Test
    void exactDataGiveExactParameters() {
        final double[] tau = {1, 3, 10, 30};
        final double[] w = new double[4];
        for (int i = 0; i < 4; i++) {
            w[i] = Math.log(2) + 2 / tau[i];
        }
        final InverseTauFit f = InverseTauFit.fit(tau, w, null);
        assertEquals(Math.log(2), f.wInf(), 1e-10);
        assertEquals(2, f.b(), 1e-9);
        assertTrue(f.wInfError() < 1e-8);
    }
}
