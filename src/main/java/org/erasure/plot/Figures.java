package org.erasure.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.io.Csv;
import org.erasure.io.Table;
import org.erasure.physics.ErasureBounds;
import org.erasure.stats.InverseTauFit;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The product's figures, drawn from result files with XChart and saved as PNG and SVG (SPEC 4.2).
 * Lives at the edge: reads CSVs, never touches the engines.
 */
public final class Figures {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Figures() {
    }

    /** All figures a sweep folder supports; returns the files written. */
    public static List<Path> sweepFigures(Path dir) throws IOException {
        final Table csv = Table.readCsv(dir.resolve("sweep.csv"));
        final List<Path> out = new ArrayList<>();
        for (String engine : new String[] {"", "mc_", "fp_"}) {
            if (csv.has(engine + "error_rate") && csv.has(engine + "mean_work_kT")) {
                out.addAll(errorVersusEnergy(csv, engine, dir.resolve("error_vs_energy"
                        + (engine.isEmpty() ? "" : "_" + engine.substring(0, 2)))));
            }
            // tau in tau_D, or in seconds where the sweep's axis is protocol.tau_s
            final String tauKey = csv.has("protocol.tau") ? "protocol.tau" : csv.has("protocol.tau_s") ? "protocol.tau_s"
                    : null;
            if (tauKey != null && csv.has(engine + "mean_work_kT")) {
                out.addAll(workVersusTau(csv, engine, tauKey, dir.resolve("work_vs_tau"
                        + (engine.isEmpty() ? "" : "_" + engine.substring(0, 2)))));
            }
        }
        return out;
    }

    /** The axis keys of a sweep CSV (the columns between "point" and the first summary column). */
    static List<String> axisKeys(Table csv) {
        final List<String> keys = new ArrayList<>();
        for (String k : csv.columns()) {
            if (k.contains(".")) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** Groups row indices by the value of one axis ("tau = 10"), or one group if the axis is absent. */
    static Map<String, List<Integer>> groupsBy(Table csv, String key) {
        final Map<String, List<Integer>> g = new LinkedHashMap<>();
        final int rows = csv.size();
        for (int r = 0; r < rows; r++) {
            final String label = csv.has(key) ? shortKey(key) + " = " + label(csv, key, r) : "all points";
            g.computeIfAbsent(label, x -> new ArrayList<>()).add(r);
        }
        return g;
    }

    /** Groups row indices by the values of the axes other than {@code exclude}. */
    static Map<String, List<Integer>> groups(Table csv, String exclude) {
        final List<String> keys = axisKeys(csv);
        keys.remove(exclude);
        // a series is named by the physics that varies: an axis with one value, or a solver setting, names none
        keys.removeIf(k -> isSolverSetting(k) || csv.size() > 0 && java.util.stream.IntStream.range(0, csv.size())
                .mapToObj(r -> label(csv, k, r)).distinct().count() < 2);
        final Map<String, List<Integer>> g = new LinkedHashMap<>();
        final int rows = csv.size();
        for (int r = 0; r < rows; r++) {
            final StringBuilder label = new StringBuilder();
            for (String k : keys) {
                label.append(label.length() == 0 ? "" : ", ").append(shortKey(k)).append(" = ")
                        .append(label(csv, k, r));
            }
            g.computeIfAbsent(label.length() == 0 ? "all points" : label.toString(), x -> new ArrayList<>()).add(r);
        }
        return g;
    }

    /** Keys that set how a point is computed, not what is computed (grids, steps, trajectories, seeds). */
    static boolean isSolverSetting(String key) {
        return key.startsWith("fokker_planck.") || key.startsWith("simulation.") || key.startsWith("rare_event.")
                || key.equals("dynamics.dt") || key.equals("dynamics.integrator");
    }

    /** A swept value in a series name: numbers to four significant digits, text as it is. */
    private static String label(Table csv, String column, int row) {
        return csv.get(column, row) instanceof Number n ? String.format(Locale.ROOT, "%.4g", n.doubleValue())
                : csv.text(column, row);
    }

    private static String shortKey(String k) {
        return k.substring(k.lastIndexOf('.') + 1);
    }

    /**
     * log10 ε against ⟨W⟩/kT, one series per value of τ (when swept), joined in order of work, in distinct
     * colours, with the curves kT[ln2 − H(ε)] and kT ln(1/ε). MC points carry error bars: the larger half-width
     * of the 95 % interval in log10 (XChart draws symmetric bars); a point with no observed error is drawn at the
     * upper end of its interval as an upper limit (a downward triangle), not dropped.
     */
    public static List<Path> errorVersusEnergy(Table csv, String engine, Path base)
            throws IOException {
        final XYChart chart = chart("Error probability versus work", "<W> (kT)", "log10 error probability");
        Map<String, List<Integer>> groups = groupsBy(csv, "protocol.tau");
        if (groups.size() > 1 && groups.values().stream().allMatch(g -> g.size() == 1)) {
            // tau is the only axis: one curve through the durations, not one dot per duration
            groups = Map.of(csv.has("protocol.tau") ? "tau = " + label(csv, "protocol.tau", 0) + " ... "
                    + label(csv, "protocol.tau", csv.size() - 1) : "all points", java.util.stream.IntStream
                    .range(0, csv.size()).boxed().toList());
        }
        double minLog = -1;
        double maxW = 1;
        // Monte Carlo rows carry the interval of sampling and time step together: drawn where the run has it
        final String ci = csv.has(engine + "error_total_ci_low") ? engine + "error_total_ci_" : engine + "error_ci_";
        final boolean bars = csv.has(ci + "low");
        final List<double[]> limits = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            final List<double[]> pts = new ArrayList<>();
            for (int r : g.getValue()) {
                final double eps = csv.number(engine + "error_rate", r);
                final double w = csv.number(engine + "mean_work_kT", r);
                if (eps == 0 && bars && Double.isFinite(w) && csv.number(ci + "high", r) > 0) {
                    // no error observed: the upper end of the 95 % interval, drawn as an upper limit
                    final double hi = Math.log10(csv.number(ci + "high", r));
                    limits.add(new double[] {w, hi});
                    minLog = Math.min(minLog, hi);
                    maxW = Math.max(maxW, w);
                } else if (eps > 0 && Double.isFinite(w)) {
                    double bar = 0;
                    if (bars) {
                        final double lo = csv.number(ci + "low", r);
                        final double hi = csv.number(ci + "high", r);
                        bar = Math.max(Math.log10(hi / eps), lo > 0 ? Math.log10(eps / lo) : 1);
                    }
                    pts.add(new double[] {w, Math.log10(eps), bar});
                    minLog = Math.min(minLog, Math.log10(eps));
                    maxW = Math.max(maxW, w);
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            final double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
            final double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
            final XYSeries s = bars
                    ? chart.addSeries(g.getKey(), x, y, pts.stream().mapToDouble(p -> p[2]).toArray())
                    : chart.addSeries(g.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);       // joined in order of work
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(palette(colour));
            s.setMarkerColor(palette(colour++));
        }
        if (!limits.isEmpty()) {
            final XYSeries s = chart.addSeries("no error observed: 95 % upper limit",
                    limits.stream().mapToDouble(p -> p[0]).toArray(), limits.stream().mapToDouble(p -> p[1]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_DOWN);
            s.setMarkerColor(Color.DARK_GRAY);
        }
        final int n = 200;
        final double[] ly = new double[n];
        final double[] lx = new double[n];
        final double[] bx = new double[n];
        for (int i = 0; i < n; i++) {
            ly[i] = Math.log10(0.5) + (Math.floor(minLog) - 1 - Math.log10(0.5)) * i / (n - 1);
            final double eps = Math.pow(10, ly[i]);
            lx[i] = ErasureBounds.generalizedLandauer(eps);
            bx[i] = ErasureBounds.logInverseError(eps);
        }
        line(chart, "kT[ln 2 - H(eps)] (generalized Landauer)", lx, ly, Color.BLACK, false);
        final List<double[]> visible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (bx[i] <= Math.max(maxW * 1.3, 5)) {
                visible.add(new double[] {bx[i], ly[i]});
            }
        }
        if (visible.size() > 1) {
            line(chart, "kT ln(1/eps) (claim B)", visible.stream().mapToDouble(p -> p[0]).toArray(),
                    visible.stream().mapToDouble(p -> p[1]).toArray(), Color.GRAY, true);
        }
        return save(chart, base);
    }

    /**
     * ⟨W⟩ against τ on a log axis, with the fit W∞ + B/τ (and their standard errors in the legend) per
     * series, and the line kT ln 2.
     */
    public static List<Path> workVersusTau(Table csv, String engine, Path base) throws IOException {
        return workVersusTau(csv, engine, "protocol.tau", base);
    }

    /**
     * As {@link #workVersusTau(Table, String, Path)} with τ from the axis {@code tauKey} ({@code protocol.tau} in τ_D
     * or {@code protocol.tau_s} in seconds, the figure and fit in that unit); the fits also go to
     * {@code <base>_fit.csv}: per series W∞ and B with their standard errors and χ².
     */
    public static List<Path> workVersusTau(Table csv, String engine, String tauKey, Path base) throws IOException {
        final String unit = tauKey.endsWith("_s") ? "s" : "tau_D";
        final String unitColumn = tauKey.endsWith("_s") ? "s" : "tauD";
        final XYChart chart = chart("Work versus protocol duration", "tau (" + unit + ")", "<W> (kT)");
        final List<Table.Row> fits = new ArrayList<>();
        chart.getStyler().setXAxisLogarithmic(true);
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = 0;
        int colour = 0;
        for (Map.Entry<String, List<Integer>> g : groups(csv, tauKey).entrySet()) {
            final List<Integer> rows = g.getValue();
            final double[] tau = rows.stream().mapToDouble(r -> csv.number(tauKey, r)).toArray();
            final double[] w = rows.stream().mapToDouble(r -> csv.number(engine + "mean_work_kT", r)).toArray();
            // error bars: sampling and time-step error together where the run has both
            final String errColumn = csv.has(engine + "mean_work_total_error_kT") ? engine + "mean_work_total_error_kT"
                    : engine + "stderr_work_kT";
            final boolean hasErr = csv.has(errColumn);
            final double[] se = hasErr
                    ? rows.stream().mapToDouble(r -> csv.number(errColumn, r)).toArray() : null;
            for (double t : tau) {
                tMin = Math.min(tMin, t);
                tMax = Math.max(tMax, t);
            }
            final XYSeries s = se != null ? chart.addSeries(g.getKey(), tau, w, se) : chart.addSeries(g.getKey(), tau, w);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);       // joined in order of tau
            s.setMarker(SeriesMarkers.CIRCLE);
            final Color c = palette(colour++);
            s.setLineColor(c);
            s.setMarkerColor(c);
            if (tau.length >= 3) {
                final InverseTauFit fit = InverseTauFit.fit(tau, w, se);
                final int n = 100;
                final double[] ft = new double[n];
                final double[] fw = new double[n];
                final double lo = Math.log(min(tau));
                final double hi = Math.log(max(tau));
                for (int i = 0; i < n; i++) {
                    ft[i] = Math.exp(lo + (hi - lo) * i / (n - 1));
                    fw[i] = fit.at(ft[i]);
                }
                line(chart, String.format(Locale.ROOT, "fit: W_inf = %.4f +- %.4f kT, B = %.4g +- %.2g kT %s",
                        fit.wInf(), fit.wInfError(), fit.b(), fit.bError(), unit), ft, fw, c, true);
                fits.add(new Table.Row().put("series", g.getKey()).put("points", (long) tau.length)
                        .put("tau_min_" + unitColumn, min(tau)).put("tau_max_" + unitColumn, max(tau))
                        .put("w_inf_kT", fit.wInf()).put("w_inf_stderr_kT", fit.wInfError())
                        .put("b_kT_" + unitColumn, fit.b()).put("b_stderr_kT_" + unitColumn, fit.bError())
                        .put("chi_square", fit.chiSquare()).put("weighted", se != null));
            }
        }
        if (tMax > 0) {
            line(chart, "kT ln 2", new double[] {tMin, tMax}, new double[] {Math.log(2), Math.log(2)}, Color.BLACK,
                    false);
        }
        final List<Path> out = new ArrayList<>(save(chart, base));
        if (!fits.isEmpty()) {
            final String name = base.getFileName() + "_fit.csv";
            final Path dir = base.toAbsolutePath().getParent();
            org.erasure.io.AtomicFiles.writeAll(dir, Map.of(name, Table.of(fits).csv()));
            out.add(dir.resolve(name));
        }
        return out;
    }

    /** One named curve or point set of {@link #lines}. */
    public record Series(String name, double[] x, double[] y, boolean markers, boolean dashed, Color color,
                         boolean joined) {
        /** A series in the chart's next default colour. */
        public Series(String name, double[] x, double[] y, boolean markers, boolean dashed) {
            this(name, x, y, markers, dashed, null, true);
        }

        /** A series in the given colour, its points joined. */
        public Series(String name, double[] x, double[] y, boolean markers, boolean dashed, Color color) {
            this(name, x, y, markers, dashed, color, true);
        }

        /** The same points, not joined (markers only). */
        public Series scatter() {
            return new Series(name, x, y, true, false, color, false);
        }
    }

    /**
     * Distinct colours for the series of one figure (Okabe &amp; Ito's colour-blind-safe set, then darker
     * variants), so that neighbouring series never look alike.
     */
    public static Color palette(int i) {
        final Color[] base = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120),
            new Color(160, 40, 40)};
        final Color c = base[i % base.length];
        return i < base.length ? c : c.darker();
    }

    /** A general figure of named series (markers or lines), optionally on log axes. */
    public static List<Path> lines(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                                   List<Series> series, Path base) throws IOException {
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        double xMin = Double.POSITIVE_INFINITY;
        for (Series sr : series) {
            for (double v : sr.y()) {
                yMin = v > 0 ? Math.min(yMin, v) : yMin;
                yMax = Math.max(yMax, v);
            }
            for (double v : sr.x()) {
                xMin = v > 0 ? Math.min(xMin, v) : xMin;
            }
        }
        // a log axis labels every decade: give many decades the height to keep the labels apart
        final double decades = logY && yMin > 0 && yMax > 0 ? Math.log10(yMax / yMin) : 0;
        final XYChart chart = chart(title, xLabel, yLabel, decades > 12 ? (int) Math.min(1400, 650 + 18 * (decades - 12))
                : 650);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (logY && yMin < 1e-3) {
            chart.getStyler().setYAxisDecimalPattern("0E0");   // 1E-25, not 0
        }
        if (logX && xMin < 1e-3) {
            chart.getStyler().setXAxisDecimalPattern("0E0");
        }
        for (Series sr : series) {
            if (sr.x().length == 0) {
                continue;
            }
            final XYSeries xs = chart.addSeries(sr.name(), sr.x(), sr.y());
            if (sr.color() != null) {
                xs.setLineColor(sr.color());
                xs.setMarkerColor(sr.color());
            }
            if (sr.markers()) {
                xs.setXYSeriesRenderStyle(sr.joined() ? XYSeries.XYSeriesRenderStyle.Line
                        : XYSeries.XYSeriesRenderStyle.Scatter);
                xs.setMarker(SeriesMarkers.CIRCLE);
            } else {
                xs.setMarker(SeriesMarkers.NONE);
            }
            if (sr.dashed()) {
                xs.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {8f, 6f}, 0f));
            }
        }
        return save(chart, base);
    }

    /** simulate --paths: x(t) of each sample path. */
    public static List<Path> samplePaths(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        // seconds where the run has a physical time scale
        final boolean seconds = csv.has("time_s");
        final double[] t = csv.numbers(seconds ? "time_s" : "time_tauD");
        final List<Series> series = new ArrayList<>();
        int i = 0;
        for (String c : csv.columns()) {
            if (c.startsWith("x_xm_trajectory_")) {
                series.add(new Series("trajectory " + c.substring("x_xm_trajectory_".length()), t, csv.numbers(c), false, false,
                        palette(i++)));
            }
        }
        return lines("Sample paths", seconds ? "t (s)" : "t (tau_D)", "x (x_m)", false, false, series, base);
    }

    /** simulate --error-times: ε(t) with its 95 % interval (zero counts drawn at the interval's upper end). */
    public static List<Path> errorVersusTime(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        final boolean seconds = csv.has("time_s");
        final double[] t = csv.numbers(seconds ? "time_s" : "time_tauD");
        final double[] eps = csv.numbers("error_rate");
        final double[] hi = csv.numbers("error_ci_high");
        final double[] lo = csv.numbers("error_ci_low");
        final List<double[]> seen = new ArrayList<>();
        final List<double[]> limits = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            (eps[i] > 0 ? seen : limits).add(new double[] {t[i], eps[i] > 0 ? eps[i] : hi[i]});
        }
        final List<Series> series = new ArrayList<>();
        series.add(new Series("eps(t)", seen.stream().mapToDouble(p -> p[0]).toArray(),
                seen.stream().mapToDouble(p -> p[1]).toArray(), true, false, palette(0)));
        series.add(new Series("95 % interval, upper end", t, hi, false, true, palette(1)));
        final double[] loPos = java.util.Arrays.stream(lo).map(v -> v > 0 ? v : Double.NaN).toArray();
        if (java.util.Arrays.stream(loPos).anyMatch(Double::isFinite)) {
            series.add(new Series("95 % interval, lower end", t, loPos, false, true, palette(2)));
        }
        if (!limits.isEmpty()) {
            series.add(new Series("no error observed: upper limit", limits.stream().mapToDouble(p -> p[0]).toArray(),
                    limits.stream().mapToDouble(p -> p[1]).toArray(), true, false, Color.DARK_GRAY).scatter());
        }
        return lines("Error probability during the run", seconds ? "t (s)" : "t (tau_D)",
                "eps(t): fraction on the wrong side", false, true, series, base);
    }

    /** The finite values of an array. */
    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    /** Histogram of the work from simulate's work_histogram.csv. */
    public static List<Path> workHistogram(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        final XYChart chart = chart("Work distribution", "W (kT)", "probability density (1/kT)");
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
                Csv.format(min(finite(lo))), 100 * over / total, Csv.format(max(finite(hi))));
        final XYSeries s = chart.addSeries("W histogram" + outside, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
        return save(chart, base);
    }

    /**
     * Density snapshots (log scale) and the potential at the same times, from fokker-planck's
     * densities.csv; returns the files of both figures.
     */
    public static List<Path> densities(Path csvFile, Path base) throws IOException {
        final Table csv = Table.readCsv(csvFile);
        final double[] x = csv.numbers("x_xm");
        final XYChart dens = chart("Probability density over the protocol", "x (x_m)", "log10 density (1/x_m)");
        final XYChart pot = chart("Potential over the protocol", "x (x_m)", "U (kT)");
        for (String col : csv.columns()) {
            final boolean rho = col.startsWith("rho_");
            if (!rho && !col.startsWith("U_")) {
                continue;
            }
            final String label = "t = " + col.replaceAll("^(rho|U)_at_", "").replaceAll("tau_(per_xm|kT)$", "") + " tau";
            final List<double[]> pts = new ArrayList<>();
            final double[] v = csv.numbers(col);
            double uMin = Double.POSITIVE_INFINITY;
            for (double d : v) {
                uMin = Math.min(uMin, d);
            }
            for (int i = 0; i < x.length; i++) {
                final double d = v[i];
                if (rho ? d > 1e-35 : d - uMin < 40) {         // the range where error probabilities live
                    pts.add(new double[] {x[i], rho ? Math.log10(d) : d});
                }
            }
            final XYSeries s = (rho ? dens : pot).addSeries(label, pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray());
            s.setMarker(SeriesMarkers.NONE);
        }
        final List<Path> out = new ArrayList<>(save(dens, base));
        if (!pot.getSeriesMap().isEmpty()) {
            out.addAll(save(pot, base.resolveSibling("potentials")));
        }
        return out;
    }

    static XYChart chart(String title, String xLabel, String yLabel) {
        return chart(title, xLabel, yLabel, 650);
    }

    static XYChart chart(String title, String xLabel, String yLabel, int height) {
        final XYChart chart = new XYChartBuilder().width(1000).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        final org.knowm.xchart.style.XYStyler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setMarkerSize(8);
        st.setXAxisDecimalPattern("#,##0.###");
        st.setYAxisDecimalPattern("#,##0.###");
        return chart;
    }

    static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        final XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        if (color != null) {
            s.setLineColor(color);
        }
        if (dashed) {
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 6f}, 0f));
        }
    }

    /**
     * Saves PNG and SVG atomically: drawn in a private staging folder of an unpredictable name, created exclusively
     * (owner-only) in the target folder, then renamed into place. Nothing is written through a path that existed
     * before (fixed staging names let a planted symbolic link redirect the figure onto a file outside the folder),
     * and a link standing at the final name is replaced, not followed.
     */
    static List<Path> save(XYChart chart, Path base) throws IOException {
        final Path dir = base.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final String name = base.getFileName().toString();
        final Path stage = Files.createTempDirectory(dir, ".figure-");
        final Path tmpPng = stage.resolve(name + ".png");
        final Path tmpSvg = stage.resolve(name + ".svg");
        try {
            BitmapEncoder.saveBitmap(chart, tmpPng.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, tmpSvg.toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            describeSvg(tmpSvg, chart);
            final Path png = dir.resolve(name + ".png");
            final Path svg = dir.resolve(name + ".svg");
            Files.move(tmpPng, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpSvg, svg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return List.of(png, svg);
        } finally {
            Files.deleteIfExists(tmpPng);
            Files.deleteIfExists(tmpSvg);
            Files.deleteIfExists(stage);
        }
    }

    /**
     * XChart draws text as outlines, so the SVG carries no readable text; a {@code <title>} and a
     * {@code <desc>} naming the axes and series make the file searchable and accessible.
     */
    static void describeSvg(Path svg, XYChart chart) throws IOException {
        final String text = Files.readString(svg, StandardCharsets.UTF_8);
        final int open = text.indexOf("<svg");
        final int end = open < 0 ? -1 : text.indexOf('>', open);
        if (end < 0) {
            return;
        }
        final String desc = "x axis: " + chart.getXAxisTitle() + "; y axis: " + chart.getYAxisTitle() + "; series: "
                + String.join(" | ", chart.getSeriesMap().keySet());
        Files.writeString(svg, text.substring(0, end + 1) + "\n  <title>" + xml(chart.getTitle()) + "</title>\n  <desc>"
                + xml(desc) + "</desc>" + text.substring(end + 1), StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
