package org.erasure.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Control values sampled at equal times (SPEC 2.3), the format of public protocol-optimisation
 * benchmarks: a text file of whitespace-separated columns "c0 c1", no header, one row per time.
 * With N rows, row i holds the controls at t_i = (i + 1) τ/(N + 1); the values at t = 0 and t = τ come
 * from the configuration. Between samples the controls are joined linearly or held (piecewise
 * constant: the latest sample at or before t).
 */
public final class TableProtocol implements Protocol {

    private final double tau;
    private final double[] c0;
    private final double[] c1;
    private final boolean linear;

    private TableProtocol(double tau, double[] c0, double[] c1, boolean linear) {
        this.tau = tau;
        this.c0 = c0;
        this.c1 = c1;
        this.linear = linear;
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
        return new TableProtocol(tau, a, b, linear);
    }

    /**
     * Parses the lines of a table (whitespace-separated {@code c0 c1} rows; blank lines and {@code #}
     * comments skipped); throws IllegalArgumentException naming the source, line and problem for a
     * non-number, a ragged row or fewer than 2 rows. Reading the file is the caller's business.
     *
     * @param file names the table in messages
     */
    public static List<double[]> parse(String file, List<String> lines) {
        final List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 2 columns (c0 c1), found "
                        + parts.length);
            }
            final double[] row = new double[2];
            for (int k = 0; k < 2; k++) {
                try {
                    row[k] = Double.parseDouble(parts[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": '" + parts[k] + "' is not a number");
                }
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": '" + parts[k] + "' is not finite");
                }
            }
            rows.add(row);
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(file + ": a protocol table needs at least 2 rows, found " + rows.size());
        }
        return rows;
    }

    @Override
    public double duration() {
        return tau;
    }

    private double at(double[] c, double t) {
        final int last = c.length - 1;
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
        return "TableProtocol[tau=" + tau + ", samples=" + c0.length + ", " + (linear ? "linear" : "piecewise constant")
                + "]";
    }
}
