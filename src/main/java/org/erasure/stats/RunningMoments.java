package org.erasure.stats;

/**
 * Streaming mean and variance (Welford), mergeable with Chan, Golub &amp; LeVeque's pairwise
 * formula (Am. Stat. 37, 242 (1983)). Mutable accumulator; not thread-safe: one per block,
 * merged in a fixed order so that results do not depend on scheduling.
 */
public final class RunningMoments {

    private long n;
    private double mean;
    private double m2;

    public void add(double value) {
        n++;
        final double d = value - mean;
        mean += d / n;
        m2 += d * (value - mean);
    }

    public void merge(RunningMoments other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            n = other.n;
            mean = other.mean;
            m2 = other.m2;
            return;
        }
        final long total = n + other.n;
        final double d = other.mean - mean;
        mean += d * other.n / total;
        m2 += other.m2 + d * d * ((double) n * other.n / total);
        n = total;
    }

    public long count() {
        return n;
    }

    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** Unbiased sample variance. */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** Standard error of the mean. */
    public double standardError() {
        return n < 2 ? Double.NaN : Math.sqrt(variance() / n);
    }
}
