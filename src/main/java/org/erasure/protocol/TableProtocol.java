package org.erasure.protocol;

import java.util.List;

/**
 * Control values sampled at equal times (SPEC 2.3), the format of public protocol-optimisation
 * benchmarks: a text file of whitespace-separated columns "c0 c1", no header, one row per time.
 * Two timings. Samples (the default): with N rows, row i holds the controls at t_i = (i + 1) τ/(N + 1); the
 * values at t = 0 and t = τ come from the configuration, and between samples the controls are joined linearly
 * or held (piecewise constant: the latest sample at or before t). Intervals (the NESTbench25 benchmark's
 * timing): row i holds over [iτ/N, (i + 1)τ/N), and the configuration's start and end values hold outside
 * [0, τ) — before the protocol and from t = τ on (the hold).
 */
public final class TableProtocol implements Protocol {

    private final double tau;
    private final double[] c0;
    private final double[] c1;
    private final boolean linear;
    private final boolean intervals;

    private TableProtocol(double tau, double[] c0, double[] c1, boolean linear, boolean intervals) {
        this.tau = tau;
        this.c0 = c0;
        this.c1 = c1;
        this.linear = linear;
        this.intervals = intervals;
    }

    /**
     * The intervals timing: row i of N holds over [iτ/N, (i + 1)τ/N); {@code start} before t = 0 (never used by a
     * run, which starts at t = 0) and {@code end} from t = τ on.
     */
    public static TableProtocol intervals(double tau, List<double[]> rows, double[] start, double[] end) {
        final TableProtocol p = of(tau, rows, start, end, false);
        return new TableProtocol(tau, p.c0, p.c1, false, true);
    }

    /**
     * @param rows  the interior samples {c0, c1}
     * @param start controls at t = 0
     * @param end   controls at t = τ
     */
    public static TableProtocol of(double tau, List<double[]> rows, double[] start, double[] end, boolean linear) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite, got " + tau);
        }
        final int n = rows.size() + 2;
        final double[] a = new double[n];
        final double[] b = new double[n];
        a[0] = start[0];
        b[0] = start[1];
        for (int i = 0; i < rows.size(); i++) {
            a[i + 1] = rows.get(i)[0];
            b[i + 1] = rows.get(i)[1];
        }
        a[n - 1] = end[0];
        b[n - 1] = end[1];
        return new TableProtocol(tau, a, b, linear, false);
    }

    @Override
    public double duration() {
        return tau;
    }

    private double at(double[] c, double t) {
        final int last = c.length - 1;
        if (intervals) {                                   // c[1..N] are the rows, c[0] start, c[last] end
            if (t < 0) {
                return c[0];
            }
            if (t >= tau) {
                return c[last];
            }
            final int rows = last - 1;
            return c[1 + Math.min(rows - 1, (int) Math.floor(t / tau * rows))];
        }
        final double u = t / tau * last;
        if (u <= 0) {
            return c[0];
        }
        if (u >= last) {
            return c[last];
        }
        final int j = (int) Math.floor(u);
        if (!linear) {
            return c[j];
        }
        final double f = u - j;
        return c[j] + f * (c[j + 1] - c[j]);
    }

    @Override
    public double control0(double t) {
        return at(c0, t);
    }

    @Override
    public double control1(double t) {
        return at(c1, t);
    }

    /** Number of samples including the two boundary values. */
    public int samples() {
        return c0.length;
    }

    @Override
    public String toString() {
        return "TableProtocol[tau=" + tau + ", samples=" + c0.length + ", " + (intervals ? "intervals"
                : linear ? "linear" : "piecewise constant") + "]";
    }
}
