package org.erasure.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.io.Csv;
import org.erasure.io.Table;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of one run from its CSV files: sample paths, eps(t), the work histogram, the densities. */
public final class RunFigures {

    private RunFigures() {
    }

    /**
     * Times in seconds on an axis in s, ms or µs, whichever keeps the longest time at 1 or more: a run of a cantilever
     * lasts half a millisecond, which an axis in seconds would label 0, 0, 0.
     */
    record TimeAxis(double[] values, String label) {
        static TimeAxis of(double[] seconds) {
            double most = 0;
            for (double v : seconds) {
                most = Math.max(most, Math.abs(v));
            }
            final double scale = most >= 1 || most == 0 ? 1 : most >= 1e-3 ? 1e3 : 1e6;
            final double[] v = new double[seconds.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = seconds[i] * scale;
            }
            return new TimeAxis(v, scale == 1 ? "t (s)" : scale == 1e3 ? "t (ms)" : "t (µs)");
        }
    }

    /** More sample paths than this are counted in the title, not listed in a legend. */
    static final int MAX_PATHS_IN_LEGEND = 8;

    /** Axis labels of the length units the files name. */
    private static final java.util.Map<String, String> LENGTH_LABELS = java.util.Map.of("xm", "x_m", "sigma",
            "sqrt(kT/k)", "um", "µm");

    /** simulate --paths: x(t) of each sample path. */
    public static List<Path> samplePaths(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        // seconds where the run has a physical time scale
        final boolean seconds = csv.has("time_s");
        final TimeAxis axis = seconds ? TimeAxis.of(csv.numbers("time_s")) : null;
        final double[] t = seconds ? axis.values() : csv.numbers("time_tauD");
        // micrometres where the run has a physical length scale, else the reduced unit the file names
        final String unit = csv.columns().stream().filter(c -> c.startsWith("x_um_trajectory_")).findFirst()
                .map(c -> "um").orElse(csv.columns().stream().filter(c -> c.matches("x_[a-z]+_trajectory_\\d+"))
                        .findFirst().map(c -> c.substring(2, c.indexOf("_trajectory_"))).orElse("xm"));
        final String prefix = "x_" + unit + "_trajectory_";
        final List<ChartKit.Series> series = new ArrayList<>();
        int i = 0;
        for (String c : csv.columns()) {
            if (c.startsWith(prefix)) {
                series.add(new ChartKit.Series("trajectory " + c.substring(prefix.length()), t, csv.numbers(c), false,
                        false, ChartKit.palette(i++)));
            }
        }
        // twenty sample paths listed one by one took three quarters of the figure: beyond a few, the title counts them
        return ChartKit.lines("Sample paths", seconds ? axis.label() : "t (tau_D)", "x (" + LENGTH_LABELS.get(unit) + ")",
                false, false, series, base, series.size() <= MAX_PATHS_IN_LEGEND);
    }

    /** simulate --error-times: ε(t) with its 95 % interval (zero counts drawn at the interval's upper end). */
    public static List<Path> errorVersusTime(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        final boolean seconds = csv.has("time_s");
        final TimeAxis axis = seconds ? TimeAxis.of(csv.numbers("time_s")) : null;
        final double[] t = seconds ? axis.values() : csv.numbers("time_tauD");
        final double[] eps = csv.numbers("error_rate");
        final double[] hi = csv.numbers("error_ci_high");
        final double[] lo = csv.numbers("error_ci_low");
        final List<double[]> seen = new ArrayList<>();
        final List<double[]> limits = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            (eps[i] > 0 ? seen : limits).add(new double[] {t[i], eps[i] > 0 ? eps[i] : hi[i]});
        }
        final List<ChartKit.Series> series = new ArrayList<>();
        series.add(new ChartKit.Series("eps(t)", seen.stream().mapToDouble(p -> p[0]).toArray(),
                seen.stream().mapToDouble(p -> p[1]).toArray(), true, false, ChartKit.palette(0)));
        series.add(new ChartKit.Series("95 % interval, upper end", t, hi, false, true, ChartKit.palette(1)));
        final double[] loPos = java.util.Arrays.stream(lo).map(v -> v > 0 ? v : Double.NaN).toArray();
        if (java.util.Arrays.stream(loPos).anyMatch(Double::isFinite)) {
            series.add(new ChartKit.Series("95 % interval, lower end", t, loPos, false, true, ChartKit.palette(2)));
        }
        if (!limits.isEmpty()) {
            series.add(new ChartKit.Series("no error observed: upper limit", limits.stream().mapToDouble(p -> p[0]).toArray(),
                    limits.stream().mapToDouble(p -> p[1]).toArray(), true, false, Color.DARK_GRAY).scatter());
        }
        return ChartKit.lines("Error probability during the run", seconds ? axis.label() : "t (tau_D)",
                "eps(t): fraction on the wrong side", false, true, series, base);
    }

    /** Histogram of the work from simulate's work_histogram.csv. */
    public static List<Path> workHistogram(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        final XYChart chart = ChartKit.chart("Work distribution", "W (kT)", "probability density (1/kT)");
        final double[] lo = csv.numbers("work_low_kT");
        final double[] hi = csv.numbers("work_high_kT");
        final double[] c = csv.numbers("count");
        double total = 0;
        for (double v : c) {
            total += v;
        }
        final List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            if (Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                pts.add(new double[] {0.5 * (lo[i] + hi[i]), c[i] / (total * (hi[i] - lo[i]))});
            }
        }
        // the open-ended bins (below the first edge, above the last) are not drawn: their share is named in the legend
        double under = 0;
        double over = 0;
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(lo[i])) {
                under += c[i];
            } else if (!Double.isFinite(hi[i])) {
                over += c[i];
            }
        }
        final String outside = under + over == 0 ? "" : String.format(java.util.Locale.ROOT,
                " (not drawn: %.3g %% below %s kT, %.3g %% above %s kT)", 100 * under / total,
                Csv.format(ChartKit.min(ChartKit.finite(lo))), 100 * over / total, Csv.format(ChartKit.max(ChartKit.finite(hi))));
        final XYSeries s = chart.addSeries("W histogram" + outside, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
        return ChartKit.save(chart, base);
    }

    /**
     * Density snapshots (log scale) and the potential at the same times, from fokker-planck's
     * densities.csv; returns the files of both figures.
     */
    public static List<Path> densities(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        // the reduced unit the file names (x_xm, or x_sigma), drawn in micrometres where x_um is given
        final String reduced = csv.has("x_sigma") ? "sigma" : "xm";
        final boolean um = csv.has("x_um");
        final double[] xr = csv.numbers("x_" + reduced);
        final double[] x = um ? csv.numbers("x_um") : xr;
        // a density per reduced unit is per micrometre once divided by the unit's length in micrometres
        final double perUnit = um && xr.length > 1 ? (x[1] - x[0]) / (xr[1] - xr[0]) : 1;
        final String unit = LENGTH_LABELS.get(um ? "um" : reduced);
        final XYChart dens = ChartKit.chart("Probability density over the protocol", "x (" + unit + ")",
                "log10 density (1/" + unit + ")");
        final XYChart pot = ChartKit.chart("Potential over the protocol", "x (" + unit + ")", "U (kT)");
        for (String col : csv.columns()) {
            final boolean rho = col.startsWith("rho_");
            if (!rho && !col.startsWith("U_")) {
                continue;
            }
            final String label = "t = " + col.replaceAll("^(rho|U)_at_", "").replaceAll("tau_(per_[a-z]+|kT)$", "")
                    + " tau";
            final List<double[]> pts = new ArrayList<>();
            final double[] v = csv.numbers(col);
            double uMin = Double.POSITIVE_INFINITY;
            for (double d : v) {
                uMin = Math.min(uMin, d);
            }
            for (int i = 0; i < x.length; i++) {
                final double d = v[i];
                if (rho ? d > 1e-35 : d - uMin < 40) {         // the range where error probabilities live
                    pts.add(new double[] {x[i], rho ? Math.log10(d / perUnit) : d});
                }
            }
            final boolean end = col.matches("(rho|U)_at_1(\\.0)?tau_.*");
            final double[][] xy = {pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray()};
            // 80 points keep a density's shape and leave each segment longer than a dash
            final double[][] drawn = end ? ChartKit.forDashes(xy[0], xy[1], 80, false, false) : xy;
            final XYSeries s = (rho ? dens : pot).addSeries(label, drawn[0], drawn[1]);
            s.setMarker(SeriesMarkers.NONE);
            if (end) {
                // the end of a protocol that restores the potential lies on its start: dashed, both stay visible
                s.setLineStyle(new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {10f, 6f}, 0f));
            }
        }
        final List<Path> out = new ArrayList<>(ChartKit.save(dens, base));
        if (!pot.getSeriesMap().isEmpty()) {
            out.addAll(ChartKit.save(pot, base.resolveSibling("potentials")));
        }
        return out;
    }
}
