package org.erasure.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.io.Table;
import org.erasure.physics.ErasureBounds;
import org.erasure.stats.InverseTauFit;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of a sweep (sweep.csv): error versus work per engine and work versus tau with the W-inf + B/tau fit,
 * one series per value of the other axes.
 */
public final class SweepFigures {

    private SweepFigures() {
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
    static String label(Table csv, String column, int row) {
        return csv.get(column, row) instanceof Number n ? String.format(Locale.ROOT, "%.4g", n.doubleValue())
                : csv.text(column, row);
    }

    static String shortKey(String k) {
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
        final XYChart chart = ChartKit.chart("Error probability versus work", "<W> (kT)", "log10 error probability");
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
            s.setLineColor(ChartKit.palette(colour));
            s.setMarkerColor(ChartKit.palette(colour++));
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
        ChartKit.line(chart, "kT[ln 2 - H(eps)] (generalized Landauer)", lx, ly, Color.BLACK, false);
        final List<double[]> visible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (bx[i] <= Math.max(maxW * 1.3, 5)) {
                visible.add(new double[] {bx[i], ly[i]});
            }
        }
        if (visible.size() > 1) {
            ChartKit.line(chart, "kT ln(1/eps) (claim B)", visible.stream().mapToDouble(p -> p[0]).toArray(),
                    visible.stream().mapToDouble(p -> p[1]).toArray(), Color.GRAY, true);
        }
        return ChartKit.save(chart, base);
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
        final XYChart chart = ChartKit.chart("Work versus protocol duration", "tau (" + unit + ")", "<W> (kT)");
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
            final Color c = ChartKit.palette(colour++);
            s.setLineColor(c);
            s.setMarkerColor(c);
            if (tau.length >= 3) {
                final InverseTauFit fit = InverseTauFit.fit(tau, w, se);
                final int n = 100;
                final double[] ft = new double[n];
                final double[] fw = new double[n];
                final double lo = Math.log(ChartKit.min(tau));
                final double hi = Math.log(ChartKit.max(tau));
                for (int i = 0; i < n; i++) {
                    ft[i] = Math.exp(lo + (hi - lo) * i / (n - 1));
                    fw[i] = fit.at(ft[i]);
                }
                ChartKit.line(chart, String.format(Locale.ROOT, "fit: W_inf = %.4f +- %.4f kT, B = %.4g +- %.2g kT %s",
                        fit.wInf(), fit.wInfError(), fit.b(), fit.bError(), unit), ft, fw, c, true);
                fits.add(new Table.Row().put("series", g.getKey()).put("points", (long) tau.length)
                        .put("tau_min_" + unitColumn, ChartKit.min(tau)).put("tau_max_" + unitColumn, ChartKit.max(tau))
                        .put("w_inf_kT", fit.wInf()).put("w_inf_stderr_kT", fit.wInfError())
                        .put("b_kT_" + unitColumn, fit.b()).put("b_stderr_kT_" + unitColumn, fit.bError())
                        .put("chi_square", fit.chiSquare()).put("weighted", se != null));
            }
        }
        if (tMax > 0) {
            ChartKit.line(chart, "kT ln 2", new double[] {tMin, tMax}, new double[] {Math.log(2), Math.log(2)}, Color.BLACK,
                    false);
        }
        final List<Path> out = new ArrayList<>(ChartKit.save(chart, base));
        if (!fits.isEmpty()) {
            final String name = base.getFileName() + "_fit.csv";
            final Path dir = base.toAbsolutePath().getParent();
            org.erasure.io.AtomicFiles.writeAll(dir, Map.of(name, Table.of(fits).csv()));
            out.add(dir.resolve(name));
        }
        return out;
    }
}
