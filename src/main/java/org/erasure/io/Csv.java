package org.erasure.io;

import java.util.List;

/** Tidy CSV text: one header row, values formatted with full double precision. */
public final class Csv {

    private Csv() {
    }

    public static String format(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            return plain(d);
        }
        final String s = String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * The shortest text that reads back as the same double (Java's {@link Double#toString} digits), with a
     * lowercase exponent and no ".0" before it: 1e-6, 2.5e-22, 0.001, 12.0 — not 1.0E-6.
     */
    static String plain(double d) {
        final String s = Double.toString(d);
        final int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        final String mantissa = s.substring(0, e);
        return (mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa) + "e"
                + s.substring(e + 1);
    }

    public static String table(List<String> header, List<List<Object>> rows) {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header)).append('\n');
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values for " + header.size() + " columns");
            }
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(format(row.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
