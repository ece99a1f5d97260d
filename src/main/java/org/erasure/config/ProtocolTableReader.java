package org.erasure.config;

import java.util.ArrayList;
import java.util.List;

/** Reads the rows of a protocol table file (protocol.type: table, SPEC 2.3) into control pairs. */
final class ProtocolTableReader {

    private ProtocolTableReader() {
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
}
