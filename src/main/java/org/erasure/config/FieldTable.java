package org.erasure.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.physics.TabulatedField;

/**
 * The file of a field protocol (SPEC 2.3, {@code potential.type: field}, {@code protocol.type: field}): U(x, t) as
 * numbers, one row per frame and grid position,
 * <pre>
 *   frame,t_over_tau,x,U_kT
 *   0,0,-2.5,250.0
 *   …
 * </pre>
 * Frames are numbered 0, 1, … in order, each on the same uniform grid of x (the problem's length unit) in increasing
 * order, at a time t/τ that does not decrease from frame to frame; two frames at one time are a jump (see
 * {@link org.erasure.protocol.FieldSchedule}). Blank lines and {@code #} comments are skipped. U is written in the
 * shortest form that reads back exactly, x as the grid's start plus i steps.
 *
 * @param field     the frames
 * @param fractions t/τ of each frame
 */
public record FieldTable(TabulatedField field, double[] fractions) {

    /** The header line. */
    public static final String HEADER = "frame,t_over_tau,x,U_kT";

    /**
     * Parses the lines of a field file; throws IllegalArgumentException naming the file, the line and the problem.
     * Reading the file is the caller's business.
     *
     * @param file names the file in messages
     */
    public static FieldTable parse(String file, List<String> lines) {
        final List<double[]> frames = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        double[] grid = null;
        List<Double> xs = new ArrayList<>();
        List<Double> us = new ArrayList<>();
        boolean header = false;
        int frame = -1;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String where = file + " line " + (i + 1) + ": ";
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(where + "expected the header '" + HEADER + "', found '" + line
                            + "'");
                }
                header = true;
                continue;
            }
            final String[] parts = line.split(",", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException(where + "expected 4 columns (" + HEADER + "), found " + parts.length);
            }
            final double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                try {
                    v[k] = Double.parseDouble(parts[k].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "'" + parts[k] + "' is not a number");
                }
                if (!Double.isFinite(v[k])) {
                    throw new IllegalArgumentException(where + "'" + parts[k] + "' is not finite");
                }
            }
            if (v[0] != frame) {
                if (v[0] != frame + 1) {
                    throw new IllegalArgumentException(where + "frame " + parts[0].strip() + " follows frame " + frame
                            + " (frames are numbered 0, 1, … in order)");
                }
                if (frame >= 0) {
                    grid = close(file, frame, xs, us, grid, frames);
                }
                frame++;
                xs = new ArrayList<>();
                us = new ArrayList<>();
                times.add(v[1]);
            } else if (v[1] != times.get(frame)) {
                throw new IllegalArgumentException(where + "frame " + frame + " changes its time from t/tau = "
                        + times.get(frame) + " to " + v[1]);
            }
            xs.add(v[2]);
            us.add(v[3]);
        }
        if (frame < 0) {
            throw new IllegalArgumentException(file + ": no frames (a field needs at least 2)");
        }
        grid = close(file, frame, xs, us, grid, frames);
        final double[] fractions = new double[times.size()];
        for (int k = 0; k < fractions.length; k++) {
            fractions[k] = times.get(k);
        }
        try {
            org.erasure.protocol.FieldSchedule.of(1, fractions);
            return new FieldTable(TabulatedField.of(grid[0], (grid[grid.length - 1] - grid[0]) / (grid.length - 1),
                    frames.toArray(new double[0][])), fractions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Adds a finished frame; the first one's x defines the grid, which must be uniform and increasing. */
    private static double[] close(String file, int frame, List<Double> xs, List<Double> us, double[] grid,
                                  List<double[]> frames) {
        final int n = xs.size();
        final double[] x = new double[n];
        final double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xs.get(i);
            u[i] = us.get(i);
        }
        if (grid == null) {
            if (n < 4) {
                throw new IllegalArgumentException(file + ": frame 0 has " + n + " grid points, a field needs 4");
            }
            final double step = (x[n - 1] - x[0]) / (n - 1);
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(x[i] - (x[0] + i * step)) <= 1e-9 * Math.abs(x[n - 1] - x[0])) || !(step > 0)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: frame 0's x = %s is off the "
                            + "uniform increasing grid from %s to %s (%d points)", file, x[i], x[0], x[n - 1], n));
                }
            }
            grid = x;
        } else {
            if (n != grid.length) {
                throw new IllegalArgumentException(file + ": frame " + frame + " has " + n + " grid points, frame 0 has "
                        + grid.length);
            }
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(x[i] - grid[i]) <= 1e-9 * Math.abs(grid[n - 1] - grid[0]))) {
                    throw new IllegalArgumentException(file + ": frame " + frame + " has x = " + x[i] + " where frame 0 "
                            + "has " + grid[i]);
                }
            }
        }
        frames.add(u);
        return grid;
    }

    /** The file's text, with {@code comment} lines (each prefixed '# ') first. */
    public String csv(String comment) {
        final StringBuilder sb = new StringBuilder();
        for (String c : comment.split("\n")) {
            sb.append("# ").append(c).append('\n');
        }
        sb.append(HEADER).append('\n');
        final int n = field.gridPoints();
        for (int k = 0; k < field.frames(); k++) {
            final String head = k + "," + fractions[k] + ",";
            for (int i = 0; i < n; i++) {
                sb.append(head).append(field.gridStart() + i * field.gridStep()).append(',')
                        .append(field.value(k, i)).append('\n');
            }
        }
        return sb.toString();
    }
}
