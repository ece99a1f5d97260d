package org.erasure.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Exact (Clopper–Pearson) confidence interval of a binomial proportion,
 * Biometrika 26, 404 (1934): the bounds are quantiles of Beta distributions. Zero observed
 * events still give a positive upper bound, 1 − (α/2)^(1/n).
 */
public record BinomialInterval(long events, long trials, double confidence, double low, double high) {

    /** 95 % two-sided Clopper–Pearson interval. */
    public static BinomialInterval clopperPearson(long events, long trials) {
        return clopperPearson(events, trials, 0.95);
    }

    public static BinomialInterval clopperPearson(long events, long trials, double confidence) {
        if (trials <= 0 || events < 0 || events > trials) {
            throw new IllegalArgumentException("need 0 <= events <= trials and trials > 0, got "
                    + events + " of " + trials);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        final double alpha = 1 - confidence;
        final double k = events;
        final double n = trials;
        final double low = events == 0 ? 0
                : new BetaDistribution(null, k, n - k + 1, 1e-15).inverseCumulativeProbability(alpha / 2);
        final double high;
        if (events == trials) {
            high = 1;
        } else if (events == 0) {
            high = -Math.expm1(Math.log(alpha / 2) / n);
        } else {
            high = new BetaDistribution(null, k + 1, n - k, 1e-15).inverseCumulativeProbability(1 - alpha / 2);
        }
        return new BinomialInterval(events, trials, confidence, low, high);
    }

    public double rate() {
        return (double) events / trials;
    }
}
