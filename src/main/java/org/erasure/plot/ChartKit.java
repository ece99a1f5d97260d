package org.erasure.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart kit every figure is drawn with (XChart): a journal style, series, palette, and writing a chart as PNG and
 * SVG (with a text description for screen readers) through staging files.
 */
public final class ChartKit {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartKit() {
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
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(117, 112, 179),
            new Color(160, 40, 40)};
        final Color c = base[i % base.length];
        return i < base.length ? c : c.darker();
    }

    /** The marker shapes of successive series with markers. */
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
        SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP};

    /** A general figure of named series (markers or lines), optionally on log axes. */
    public static List<Path> lines(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                                   List<Series> series, Path base) throws IOException {
        return lines(title, xLabel, yLabel, logX, logY, series, base, true);
    }

    /**
     * As {@link #lines(String, String, String, boolean, boolean, List, Path)}; without a legend when {@code legend}
     * is false (many anonymous series, such as sample paths: the title then counts them).
     */
    public static List<Path> lines(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                                   List<Series> series, Path base, boolean legend) throws IOException {
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = 0;
        for (Series sr : series) {
            for (double v : sr.y()) {
                yMin = v > 0 ? Math.min(yMin, v) : yMin;
                yMax = Math.max(yMax, v);
            }
            for (double v : sr.x()) {
                xMin = v > 0 ? Math.min(xMin, v) : xMin;
                xMax = Math.max(xMax, v);
            }
        }
        final double decades = logY && yMin > 0 && yMax > 0 ? Math.log10(yMax / yMin) : 0;
        final XYChart chart = chart(title, xLabel, yLabel, 650);
        chart.getStyler().setXAxisLogarithmic(logX);
        // powers of ten as a journal prints them (10⁻²⁵, not 1E-25), and over many decades a tick and grid line every
        // few decades, not nine minor lines in each (a barcode over 30 decades): the values are drawn as log10 on a
        // linear axis whose integer ticks are labelled as powers (XChart 3.8.8 ignores the log axis once a label
        // function is set)
        final boolean powers = logY && yMin > 0 && (yMin < 1e-3 || decades > 8);
        chart.getStyler().setYAxisLogarithmic(logY && !powers);
        // under two decades a log axis labelled only at its decades shows one or two numbers ("1" and "10"): label
        // 2, 3, ... 9 times each power as well
        chart.getStyler().setYAxisLogarithmicDecadeOnly(!(logY && !powers && decades < 2));
        if (logY && !powers && decades < 2) {
            // such an axis ends at labelled ticks: the data's range widened to whole digits (0.693 .. 14.7 kT drew
            // from 0.69 to 16 with no label above 10; now 0.6 .. 20)
            chart.getStyler().setYAxisMin(roundDigit(yMin, false));
            chart.getStyler().setYAxisMax(roundDigit(yMax, true));
        }
        chart.getStyler().setXAxisLogarithmicDecadeOnly(!(logX && xMin < xMax && xMax / xMin < 100));
        if (powers) {
            chart.getStyler().setyAxisTickLabelsFormattingFunction(ChartKit::powerLabel);
        }
        if (logX && xMin < 1e-3) {
            chart.getStyler().setXAxisDecimalPattern("0E0");
        }
        int marked = 0;
        for (Series sr : series) {
            if (sr.x().length == 0 && !(xMin < Double.POSITIVE_INFINITY)) {
                continue;
            }
            // a series with no point keeps its legend entry (one undrawn point), whose name says why: data do not
            // leave a figure without a word (the cantilever figure's kT ln(1/eps) when no duration resolves it)
            final double[][] pts = sr.x().length == 0 ? new double[][] {{xMin}, {Double.NaN}}
                    : sr.dashed() ? forDashes(sr.x(), sr.y(), DASHED_POINTS, logX, logY)
                    : new double[][] {sr.x(), sr.y()};
            final XYSeries xs = chart.addSeries(sr.name(), pts[0], powers ? log10(pts[1]) : pts[1]);
            if (sr.color() != null) {
                xs.setLineColor(sr.color());
                xs.setMarkerColor(sr.color());
            }
            if (sr.markers()) {
                xs.setXYSeriesRenderStyle(sr.joined() ? XYSeries.XYSeriesRenderStyle.Line
                        : XYSeries.XYSeriesRenderStyle.Scatter);
                // shapes as well as colours tell series apart: in black and white, and where two series overlap
                xs.setMarker(MARKERS[marked++ % MARKERS.length]);
            } else {
                xs.setMarker(SeriesMarkers.NONE);
            }
            if (sr.dashed()) {
                xs.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {8f, 6f}, 0f));
            }
        }
        if (!legend) {
            chart.getStyler().setLegendVisible(false);
            chart.setTitle(title + " (" + series.size() + ")");
        }
        return save(chart, base);
    }

    /**
     * A positive value rounded to one significant digit d·10ᵏ (d = 1 … 9), up or down: the ticks a log axis labels
     * when it labels 2, 3, … 9 times each power.
     */
    static double roundDigit(double v, boolean up) {
        final double p = Math.pow(10, Math.floor(Math.log10(v)));
        final double d = v / p;
        // a value a rounding error off a digit stays on it
        final double r = up ? Math.ceil(d - 1e-9) : Math.floor(d + 1e-9);
        return Math.max(1, r) * p;
    }

    /** log10 of each value (NaN where it is not positive: no point drawn). */
    static double[] log10(double[] y) {
        final double[] l = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            l[i] = y[i] > 0 ? Math.log10(y[i]) : Double.NaN;
        }
        return l;
    }

    /**
     * The label of a tick at log10 value k: 10 to the power k in superscript digits ("1", "10", "100", "1000" up to
     * 10³), "" off the integers.
     */
    static String powerLabel(double k) {
        final long n = Math.round(k);
        if (Math.abs(k - n) > 1e-9) {
            return "";
        }
        if (n >= 0 && n <= 3) {
            return Long.toString(Math.round(Math.pow(10, n)));
        }
        final String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        final StringBuilder b = new StringBuilder("10");
        if (n < 0) {
            b.append('⁻');
        }
        for (char c : Long.toString(Math.abs(n)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
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
        // solid, light grid lines: XChart's default dashed ones were written to the SVG as one small rectangle per
        // dash (a third of the size of a figure with log axes) and read as a barcode over many decades
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        // no thousands separator: "1000", as a journal prints it, not "1,000"
        st.setXAxisDecimalPattern("0.###");
        st.setYAxisDecimalPattern("0.###");
        return chart;
    }

    /** Points of a dashed curve at most: see {@link #forDashes}. */
    static final int DASHED_POINTS = 30;

    /**
     * A dashed curve's points thinned to at most {@code max}, the first and last kept: XChart strokes each segment of
     * a series on its own, restarting the dash pattern, so a curve of a few hundred points (segments of a few pixels,
     * shorter than one dash) is drawn solid, and the dashed bound looked like the solid one beside it. The points kept
     * are equally spaced in arc length on the plot (each axis scaled to its range, on a log scale where the axis is
     * logarithmic), so a sharp bend keeps its points where equal steps in index cut it to a polygon.
     */
    static double[][] forDashes(double[] x, double[] y, int max, boolean logX, boolean logY) {
        final int n = x.length;
        if (n <= max) {
            return new double[][] {x, y};
        }
        final double[] u = scaled(x, logX);
        final double[] v = scaled(y, logY);
        final double[] length = new double[n];
        for (int i = 1; i < n; i++) {
            final double du = u[i] - u[i - 1];
            final double dv = v[i] - v[i - 1];
            length[i] = length[i - 1] + (Double.isFinite(du) && Double.isFinite(dv) ? Math.hypot(du, dv) : 0);
        }
        final double[] tx = new double[max];
        final double[] ty = new double[max];
        int k = 0;
        for (int j = 0; j < max; j++) {
            final double at = length[n - 1] * j / (max - 1);
            while (k < n - 1 && length[k] < at) {
                k++;
            }
            tx[j] = x[k];
            ty[j] = y[k];
        }
        tx[max - 1] = x[n - 1];
        ty[max - 1] = y[n - 1];
        return new double[][] {tx, ty};
    }

    /** Values scaled to [0, 1] over their finite range (log10 first when {@code log}; NaN where not drawable). */
    private static double[] scaled(double[] a, boolean log) {
        final double[] s = new double[a.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            s[i] = log ? (a[i] > 0 ? Math.log10(a[i]) : Double.NaN) : a[i];
            if (Double.isFinite(s[i])) {
                lo = Math.min(lo, s[i]);
                hi = Math.max(hi, s[i]);
            }
        }
        final double span = hi > lo ? hi - lo : 1;
        for (int i = 0; i < s.length; i++) {
            s[i] = (s[i] - lo) / span;
        }
        return s;
    }

    static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        final double[][] pts = dashed ? forDashes(x, y, DASHED_POINTS,
                chart.getStyler().isXAxisLogarithmic(), chart.getStyler().isYAxisLogarithmic()) : new double[][] {x, y};
        final XYSeries s = chart.addSeries(name, pts[0], pts[1]);
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

    /** More equally spaced x values than this are a grid (a time grid, the cells), not points to label one by one. */
    static final int GRID_POINTS = 20;

    /**
     * Ticks at round numbers where the x values are a grid. XChart labels equally spaced x values at the values
     * themselves (AxisTickCalculator_.calculateForEquallySpacedAxisValues), which on a grid of cells or times gives
     * ticks like 34.402, 68.805; one invisible point between the first two x values, at the first y value (inside
     * both ranges: nothing drawn, no axis moved, not in the legend), makes the values unequally spaced, and XChart
     * then steps its ticks by 1, 2 or 5 times a power of ten.
     */
    static void roundTicks(XYChart chart) {
        if (chart.getStyler().isXAxisLogarithmic()) {
            return;
        }
        for (XYSeries s : chart.getSeriesMap().values()) {
            final double[] x = s.getXData();
            if (x.length > GRID_POINTS && equallySpaced(x)) {
                final XYSeries breaker = chart.addSeries("\u2009", new double[] {0.5 * (x[0] + x[1])},
                        new double[] {s.getYData()[0]});
                breaker.setMarker(SeriesMarkers.NONE);
                breaker.setLineStyle(SeriesLines.NONE);
                breaker.setShowInLegend(false);
                return;
            }
        }
    }

    private static boolean equallySpaced(double[] x) {
        final double step = x[1] - x[0];
        for (int i = 2; i < x.length; i++) {
            if (Math.abs(x[i] - x[i - 1] - step) > 1e-9 * Math.abs(step)) {
                return false;
            }
        }
        return step != 0;
    }

    /**
     * Saves PNG and SVG, and the figure's data and matplotlib script ({@link FigureExport}), atomically: drawn in a
     * private staging folder of an unpredictable name, created exclusively
     * (owner-only) in the target folder, then renamed into place. Nothing is written through a path that existed
     * before (fixed staging names let a planted symbolic link redirect the figure onto a file outside the folder),
     * and a link standing at the final name is replaced, not followed.
     */
    static List<Path> save(XYChart chart, Path base) throws IOException {
        roundTicks(chart);
        final Path dir = base.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final String name = base.getFileName().toString();
        org.erasure.io.Staging.sweepLitter(dir);
        final Path stage = Files.createTempDirectory(dir, org.erasure.io.Staging.prefix("figure"));
        final Path tmpPng = stage.resolve(name + ".png");
        final Path tmpSvg = stage.resolve(name + ".svg");
        final Path tmpCsv = stage.resolve(name + "_plot.csv");
        final Path tmpPy = stage.resolve(name + "_plot.py");
        try {
            BitmapEncoder.saveBitmap(chart, tmpPng.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, tmpSvg.toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            SvgText.compact(tmpSvg);
            SvgText.describe(tmpSvg, chart);
            // the figure as data and as an editable matplotlib script (after painting: XChart assigns the colours)
            Files.writeString(tmpCsv, FigureExport.csv(chart), StandardCharsets.UTF_8);
            Files.writeString(tmpPy, FigureExport.script(chart, name), StandardCharsets.UTF_8);
            final java.util.List<Path> out = new java.util.ArrayList<>();
            for (Path tmp : List.of(tmpPng, tmpSvg, tmpCsv, tmpPy)) {
                final Path target = dir.resolve(tmp.getFileName().toString());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.add(target);
            }
            return List.copyOf(out);
        } finally {
            Files.deleteIfExists(tmpPng);
            Files.deleteIfExists(tmpSvg);
            Files.deleteIfExists(tmpCsv);
            Files.deleteIfExists(tmpPy);
            Files.deleteIfExists(stage);
        }
    }

    static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The finite values of an array. */
    static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
