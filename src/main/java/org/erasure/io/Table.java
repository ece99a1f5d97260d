package org.erasure.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one table model of the application: named columns (units in the names) and rows of typed cells
 * (Double, Long, Boolean or String; a missing cell is empty). It renders CSV (full precision), Markdown and
 * HTML (four significant digits), and hands figures their columns as numbers, so no value travels through
 * its text on the way. Reading a CSV file is the only place text becomes numbers.
 */
public final class Table {

    /** One row under construction: column → typed value, in insertion order. */
    public static final class Row {
        private final Map<String, Object> cells = new LinkedHashMap<>();

        // one typed setter per cell type, so that nothing but a number, a flag or a text enters a table
        public Row put(String column, double v) { return set(column, v); }
        public Row put(String column, long v) { return set(column, v); }
        public Row put(String column, boolean v) { return set(column, v); }
        public Row put(String column, String v) { return set(column, v); }

        private Row set(String column, Object v) {
            cells.put(column, v);
            return this;
        }

        /** Copies every cell of another row, each column name prefixed. */
        public Row putAll(String prefix, Row other) {
            other.cells.forEach((k, v) -> cells.put(prefix + k, v));
            return this;
        }

        /** Copies one cell of another row (if it has one) under a new column name. */
        public Row putCell(String column, Row other, String fromColumn) {
            final Object v = other.cells.get(fromColumn);
            if (v != null) {
                cells.put(column, v);
            }
            return this;
        }

        /** The cells as an unmodifiable map, column → typed value, in order (for JSON records). */
        public Map<String, Object> asMap() {
            return Collections.unmodifiableMap(cells);
        }

        /** The typed value of a column, or null. */
        public Object get(String column) {
            return cells.get(column);
        }

        /** A numeric cell as a double; NaN when absent or not a number. */
        public double number(String column) {
            return cells.get(column) instanceof Number n ? n.doubleValue() : Double.NaN;
        }

        public Set<String> columns() {
            return Collections.unmodifiableSet(cells.keySet());
        }
    }

    private final List<String> columns;
    private final List<Map<String, Object>> rows;

    private Table(List<String> columns, List<Map<String, Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /** The rows as a table whose columns are the union of theirs, in order of first appearance. */
    public static Table of(List<Row> rows) {
        final Set<String> cols = new LinkedHashSet<>();
        final List<Map<String, Object>> copy = new ArrayList<>();
        for (Row r : rows) {
            cols.addAll(r.cells.keySet());
            copy.add(Map.copyOf(new LinkedHashMap<>(withoutNulls(r.cells))));
        }
        return new Table(new ArrayList<>(cols), copy);
    }

    public static Table of(Row... rows) {
        return of(List.of(rows));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        final Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The typed cell, or null when empty. */
    public Object get(String column, int row) {
        return rows.get(row).get(column);
    }

    /** Row i as a {@link Row} of its typed cells (empty cells left out), to be combined into another table. */
    public Row row(int i) {
        final Row r = new Row();
        rows.get(i).forEach((k, v) -> {
            if (v != null) {
                r.set(k, v);
            }
        });
        return r;
    }

    /** A cell as a number: NaN when empty or not numeric. */
    public double number(String column, int row) {
        return rows.get(row).get(column) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A whole column as numbers (NaN where empty or not numeric). */
    public double[] numbers(String column) {
        final double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(column, i);
        }
        return v;
    }

    /** A cell as a reader sees it (four significant digits, integers plain, empty for NaN). */
    public String text(String column, int row) {
        return display(rows.get(row).get(column));
    }

    /** CSV: a header of column names, values at full precision ({@link Csv#format}), empty cells empty. */
    public String csv() {
        final List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            final List<Object> line = new ArrayList<>();
            for (String c : columns) {
                line.add(r.getOrDefault(c, ""));
            }
            out.add(line);
        }
        return Csv.table(columns, out);
    }

    /** A Markdown table (pipes in values become '/'). */
    public String markdown() {
        if (rows.isEmpty()) {
            return "(none)\n";
        }
        final StringBuilder sb = new StringBuilder("| " + String.join(" | ", columns) + " |\n|");
        columns.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (Map<String, Object> r : rows) {
            sb.append('|');
            for (String c : columns) {
                sb.append(' ').append(display(r.get(c)).replace("|", "/")).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** An HTML table: one header row, one cell per column in every row, text escaped, numbers right-aligned. */
    public String html() {
        final StringBuilder sb = new StringBuilder("<div class=\"table\"><table>\n<tr>");
        for (String c : columns) {
            sb.append("<th>").append(escape(c)).append("</th>");
        }
        sb.append("</tr>\n");
        for (Map<String, Object> r : rows) {
            sb.append("<tr>");
            for (String c : columns) {
                final Object v = r.get(c);
                sb.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(escape(display(v))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table></div>\n").toString();
    }

    /** Four significant digits in one style (1.234e-22), integers and integral doubles plain. */
    public static String display(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e7) {
                return Long.toString(d.longValue());
            }
            final double a = Math.abs(d);
            return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", d) : String.format(Locale.ROOT, "%.3e", d);
        }
        return String.valueOf(v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Reads a CSV file written by {@link #csv()} (or any tidy CSV with RFC 4180 quoting): numbers become
     * Doubles ("inf", "-inf" and "nan" included), "true"/"false" Booleans, empty cells empty, the rest Strings.
     *
     * @throws IllegalArgumentException naming the file and line of a ragged row
     */
    public static Table readCsv(Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty CSV file (no header)");
        }
        final List<String> header = split(lines.get(0));
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            final List<String> v = split(lines.get(i));
            if (v.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + v.size() + " values for "
                        + header.size() + " columns");
            }
            final Map<String, Object> row = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) {
                final Object cell = parse(v.get(k));
                if (cell != null) {
                    row.put(header.get(k), cell);
                }
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    private static Object parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        switch (s) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        final char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return s;
    }

    /** One CSV line into fields (RFC 4180 quotes). */
    static List<String> split(String line) {
        final List<String> out = new ArrayList<>();
        final StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }
}
