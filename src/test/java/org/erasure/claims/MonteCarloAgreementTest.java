package org.erasure.claims;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The Monte Carlo check of the claims report judges the error probability at the confidence of its 4 s.e. work test. */
class MonteCarloAgreementTest {

    @Test
    void agreementHasTheFalseAlarmRateOfFourStandardErrors() {
        // The default report's check: eps = 1e-3 sampled with 1e5 trajectories. Seed 2 drew 79 errors, outside the
        // 95 % interval [6.25e-4, 9.84e-4]; at the matched confidence that is agreement, and 60 or 150 are not.
        final long n = 100_000;
        final double eps = 1e-3;
        assertTrue(Rows.MonteCarloCheck.errorAgrees(79, n, eps, 0));
        assertFalse(Rows.MonteCarloCheck.errorAgrees(60, n, eps, 0));
        assertFalse(Rows.MonteCarloCheck.errorAgrees(150, n, eps, 0));
        // The exact probability that correct engines are called inconsistent: the binomial mass of the counts whose
        // interval misses eps. At most 1 - AGREE_CONFIDENCE = 6.3e-5 (Clopper-Pearson is conservative), where the 95 %
        // interval rejected about 4 % of seeds. Computed, not sampled: this test cannot fail by chance.
        final BinomialDistribution counts = new BinomialDistribution(null, (int) n, eps);
        double falseAlarm = 0;
        double falseAlarm95 = 0;
        for (int k = 0; k <= 400; k++) {
            if (!Rows.MonteCarloCheck.errorAgrees(k, n, eps, 0)) {
                falseAlarm += counts.probability(k);
            }
            final org.erasure.stats.BinomialInterval ci = org.erasure.stats.BinomialInterval.clopperPearson(k, n);
            if (eps < ci.low() || eps > ci.high()) {
                falseAlarm95 += counts.probability(k);
            }
        }
        falseAlarm += 1 - counts.cumulativeProbability(400);
        assertTrue(falseAlarm <= 1 - ClaimsRunner.AGREE_CONFIDENCE, "false-alarm rate " + falseAlarm);
        assertTrue(falseAlarm > 1e-6, "not a check that never fails: " + falseAlarm);
        assertTrue(falseAlarm95 > 0.02, "the 95 % interval's rate, for contrast: " + falseAlarm95);
    }
}
