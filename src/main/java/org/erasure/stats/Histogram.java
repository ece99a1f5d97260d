package org.erasure.stats;

import java.util.Arrays;

/** Fixed-bin histogram with under- and overflow counts; mergeable; 64-bit counts. */
public final class Histogram {

    private final double min;
    private final double max;
    private final long[] counts;
    private long underflow;
    private long overflow;

    public Histogram(double min, double max, int bins) {
        if (!(max > min) || bins <= 0) {
            throw new IllegalArgumentException("histogram needs min < max and bins > 0");
        }
        this.min = min;
        this.max = max;
        this.counts = new long[bins];
    }

    public static Histogram likeOf(Histogram h) {
        return new Histogram(h.min, h.max, h.counts.length);
    }

    public void add(double v) {
        if (v < min) {
            underflow++;
        } else if (v >= max) {
            overflow++;
        } else {
            int i = (int) ((v - min) / (max - min) * counts.length);
            counts[Math.min(i, counts.length - 1)]++;
        }
    }

    public void merge(Histogram o) {
        if (o.counts.length != counts.length || o.min != min || o.max != max) {
            throw new IllegalArgumentException("histograms with different bins cannot be merged");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += o.counts[i];
        }
        underflow += o.underflow;
        overflow += o.overflow;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public int bins() {
        return counts.length;
    }

    public double binLow(int i) {
        return min + (max - min) * i / counts.length;
    }

    public double binHigh(int i) {
        return min + (max - min) * (i + 1) / counts.length;
    }

    public long count(int i) {
        return counts[i];
    }

    public long[] counts() {
        return Arrays.copyOf(counts, counts.length);
    }

    public long underflow() {
        return underflow;
    }

    public long overflow() {
        return overflow;
    }
}
