package org.erasure.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erasure.physics.PhysicalUnits;
import org.erasure.stats.Histogram;
import org.erasure.stats.Recording;

/** The files of what a Monte Carlo run recorded: trajectories.csv, paths.csv, error_vs_time.csv, work_histogram.csv. */
public final class RecordingFiles {

    private RecordingFiles() {
    }

    /** trajectories.csv, paths.csv and error_vs_time.csv, as asked; times also in seconds with a physical time scale. */
    public static Map<String, String> of(Recording r, PhysicalUnits units, String lengthKey) {
        final Map<String, String> files = new LinkedHashMap<>();
        if (r.trajectories() > 0) {
            final StringBuilder sb = new StringBuilder("trajectory,initial_well,initial_x_" + lengthKey + ",final_x_"
                    + lengthKey + ",work_kT,"
                    + "work_plus_kT,work_minus_kT,heat_kT,wrong\n");
            for (int i = 0; i < r.trajectories(); i++) {
                sb.append(i).append(',').append(r.initialBit(i) == 0 ? "left" : "right").append(',')
                        .append(Csv.format(r.initialX(i))).append(',')
                        .append(Csv.format(r.finalX(i))).append(',')
                        .append(Csv.format(r.work(i))).append(',')
                        .append(Csv.format(r.workPlus(i))).append(',')
                        .append(Csv.format(r.workMinus(i))).append(',')
                        .append(Csv.format(r.heat(i))).append(',').append(r.wrong(i)).append('\n');
            }
            files.put("trajectories.csv", sb.toString());
        }
        if (r.paths() > 0) {
            final List<Table.Row> rows = new java.util.ArrayList<>();
            final double[] t = r.pathTimes();
            for (int j = 0; j < t.length; j++) {
                final Table.Row row = new Table.Row().put("time_tauD", t[j]);
                if (units.hasTimeScale()) {
                    row.put("time_s", t[j] * units.timeUnitS());
                }
                for (int p = 0; p < r.paths(); p++) {
                    row.put("x_" + lengthKey + "_trajectory_" + p, r.path(p)[j]);   // numbered as trajectories.csv
                }
                // with a physical length scale (a bead's well half-distance), the same positions in micrometres
                for (int p = 0; p < r.paths() && units.hasLengthScale(); p++) {
                    row.put("x_um_trajectory_" + p, r.path(p)[j] * units.lengthUnitM() * 1e6);
                }
                rows.add(row);
            }
            files.put("paths.csv", Table.of(rows).csv());
        }
        final double[] et = r.errorTimes();
        if (et.length > 0) {
            final List<Table.Row> rows = new java.util.ArrayList<>();
            for (int j = 0; j < et.length; j++) {
                final long w0 = r.wrongAt(j, 0);
                final long w1 = r.wrongAt(j, 1);
                final org.erasure.stats.BinomialInterval ci = org.erasure.stats.BinomialInterval.clopperPearson(w0 + w1,
                        r.started(0) + r.started(1));
                final Table.Row row = new Table.Row().put("time_tauD", et[j]);
                if (units.hasTimeScale()) {
                    row.put("time_s", et[j] * units.timeUnitS());
                }
                rows.add(row.put("error_rate", ci.rate())
                        .put("error_ci_low", ci.low()).put("error_ci_high", ci.high())
                        .put("error_rate_from_left", r.started(0) == 0 ? Double.NaN : (double) w0 / r.started(0))
                        .put("error_rate_from_right", r.started(1) == 0 ? Double.NaN : (double) w1 / r.started(1))
                        .put("wrong", w0 + w1));
            }
            files.put("error_vs_time.csv", Table.of(rows).csv());
        }
        return files;
    }

    /** The work histogram with its open-ended end bins (-inf and inf edges). */
    public static String histogramCsv(Histogram h) {
        final StringBuilder sb = new StringBuilder("work_low_kT,work_high_kT,count\n");
        sb.append("-inf,").append(h.min()).append(',').append(h.underflow()).append('\n');
        for (int i = 0; i < h.bins(); i++) {
            sb.append(h.binLow(i)).append(',').append(h.binHigh(i)).append(',').append(h.count(i)).append('\n');
        }
        sb.append(h.max()).append(",inf,").append(h.overflow()).append('\n');
        return sb.toString();
    }
}
