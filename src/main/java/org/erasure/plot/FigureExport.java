package org.erasure.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.io.Csv;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One job: a figure as its data and as a small matplotlib script that draws it again, so that a user can restyle any
 * figure of the product without Java. {@code NAME_plot.csv} holds one row per drawn point (series, x, y and, where the
 * figure has error bars, y_error); {@code NAME_plot.py} reads it and draws the same series with the same titles,
 * axes, colours, markers and dashes into {@code NAME_matplotlib.png}. The product never runs the script (it needs
 * no Python); the tests run it where matplotlib is installed.
 */
final class FigureExport {

    /** The name XChart's tick-rounding helper series carries ({@link ChartKit#roundTicks}): not data. */
    static final String TICK_HELPER = "\u2009";

    private FigureExport() {
    }

    /** The series a figure draws, in order: the tick-rounding helper and disabled series left out. */
    private static List<XYSeries> drawn(XYChart chart) {
        final List<XYSeries> out = new ArrayList<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.isEnabled() && !TICK_HELPER.equals(s.getName())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Whether the y values are drawn as log10 on a linear axis labelled with powers of ten (ChartKit's figures over
     * many decades): the data then hold 10^y, and the script uses a log axis.
     */
    private static boolean powersOfTen(XYChart chart) {
        return chart.getStyler().getyAxisTickLabelsFormattingFunction() != null;
    }

    /** Whether any drawn series has error bars. */
    private static boolean errorBars(List<XYSeries> series) {
        for (XYSeries s : series) {
            if (s.getExtraValues() != null) {
                return true;
            }
        }
        return false;
    }

    /** The figure's points, one row each: series, x, y (and y_error where the figure has error bars). */
    static String csv(XYChart chart) {
        final List<XYSeries> series = drawn(chart);
        final boolean bars = errorBars(series);
        final boolean powers = powersOfTen(chart);
        final StringBuilder b = new StringBuilder(bars ? "series,x,y,y_error\n" : "series,x,y\n");
        for (XYSeries s : series) {
            final double[] x = s.getXData();
            final double[] y = s.getYData();
            final double[] e = s.getExtraValues();
            for (int i = 0; i < x.length; i++) {
                final double yi = powers ? Math.pow(10, y[i]) : y[i];
                b.append(Csv.format(s.getName())).append(',').append(Csv.format(x[i])).append(',')
                        .append(Csv.format(yi));
                if (bars) {
                    b.append(',').append(e == null ? "" : Csv.format(e[i]));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** A matplotlib script that draws {@code name}_plot.csv as the figure {@code name} is drawn. */
    static String script(XYChart chart, String name) {
        final List<XYSeries> series = drawn(chart);
        final boolean legend = chart.getStyler().isLegendVisible();
        final StringBuilder b = new StringBuilder();
        b.append("# Draws ").append(name).append(".png again, from ").append(name)
                .append("_plot.csv, with matplotlib: edit freely to restyle it.\n")
                .append("# Written by the erasure simulator beside the figure; the simulator itself never runs it.\n")
                .append("# Run: python3 ").append(name).append("_plot.py  (writes ").append(name)
                .append("_matplotlib.png here)\n")
                .append("import csv\nimport pathlib\n\nimport matplotlib\nmatplotlib.use(\"Agg\")\n")
                .append("import matplotlib.pyplot as plt\n\n")
                .append("HERE = pathlib.Path(__file__).resolve().parent\n")
                .append("with open(HERE / ").append(py(name + "_plot.csv")).append(", newline=\"\", encoding=\"utf-8\")"
                        + " as f:\n    ROWS = list(csv.DictReader(f))\n\n")
                .append("# one entry per series: its name in the CSV, colour, marker, line style and whether it is in "
                        + "the legend\nSERIES = [\n");
        for (XYSeries s : series) {
            b.append("    dict(name=").append(py(s.getName())).append(", color=").append(py(hex(color(s))))
                    .append(", marker=").append(py(marker(s))).append(", linestyle=").append(py(lineStyle(s)))
                    .append(", legend=").append(s.isShowInLegend() && legend ? "True" : "False").append("),\n");
        }
        b.append("]\n\n")
                .append("fig, ax = plt.subplots(figsize=(10, ").append(String.format(Locale.ROOT, "%.2f",
                        chart.getHeight() / 100.0)).append("))\n")
                .append("for s in SERIES:\n")
                .append("    pts = [r for r in ROWS if r[\"series\"] == s[\"name\"]]\n")
                .append("    x = [float(r[\"x\"]) if r[\"x\"] else float(\"nan\") for r in pts]\n")
                .append("    y = [float(r[\"y\"]) if r[\"y\"] else float(\"nan\") for r in pts]\n")
                .append("    label = s[\"name\"] if s[\"legend\"] else \"_nolegend_\"\n")
                .append("    if pts and pts[0].get(\"y_error\"):\n")
                .append("        ax.errorbar(x, y, yerr=[float(r[\"y_error\"]) for r in pts], color=s[\"color\"], "
                        + "marker=s[\"marker\"], linestyle=s[\"linestyle\"], capsize=3, label=label)\n")
                .append("    else:\n")
                .append("        ax.plot(x, y, color=s[\"color\"], marker=s[\"marker\"], linestyle=s[\"linestyle\"], "
                        + "label=label)\n");
        if (chart.getStyler().isXAxisLogarithmic()) {
            b.append("ax.set_xscale(\"log\")\n");
        }
        if (chart.getStyler().isYAxisLogarithmic() || powersOfTen(chart)) {
            b.append("ax.set_yscale(\"log\")\n");
        }
        b.append("ax.set_title(").append(py(chart.getTitle())).append(")\n")
                .append("ax.set_xlabel(").append(py(chart.getXAxisTitle())).append(")\n")
                .append("ax.set_ylabel(").append(py(chart.getYAxisTitle())).append(")\n")
                .append("ax.grid(True, color=\"0.9\")\n");
        if (legend) {
            if (chart.getStyler().getLegendPosition() == Styler.LegendPosition.OutsideS) {
                b.append("ax.legend(loc=\"upper center\", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)\n");
            } else {
                b.append("ax.legend(loc=\"best\")\n");
            }
        }
        b.append("fig.tight_layout()\n")
                .append("fig.savefig(HERE / ").append(py(name + "_matplotlib.png")).append(", dpi=100)\n");
        return b.toString();
    }

    private static Color color(XYSeries s) {
        if ("none".equals(lineStyle(s)) && s.getMarkerColor() != null) {
            return s.getMarkerColor();
        }
        if (s.getLineColor() != null) {
            return s.getLineColor();
        }
        return s.getMarkerColor() != null ? s.getMarkerColor() : Color.BLACK;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** matplotlib's markers for XChart's (any other draws as a circle). */
    private static final java.util.Map<Marker, String> MARKERS = java.util.Map.of(SeriesMarkers.NONE, "",
            SeriesMarkers.SQUARE, "s", SeriesMarkers.DIAMOND, "D", SeriesMarkers.TRIANGLE_UP, "^",
            SeriesMarkers.TRIANGLE_DOWN, "v", SeriesMarkers.CROSS, "x", SeriesMarkers.PLUS, "+");

    /** matplotlib's marker for an XChart marker ("" for none). */
    private static String marker(XYSeries s) {
        return s.getMarker() == null ? "" : MARKERS.getOrDefault(s.getMarker(), "o");
    }

    /** matplotlib's line style: "none" for points alone, "--" for a dashed stroke, "-" otherwise. */
    private static String lineStyle(XYSeries s) {
        if (s.getXYSeriesRenderStyle() == XYSeries.XYSeriesRenderStyle.Scatter || s.getLineStyle() == SeriesLines.NONE) {
            return "none";
        }
        final BasicStroke st = s.getLineStyle();
        return st != null && st.getDashArray() != null ? "--" : "-";
    }

    /** A Python string literal (double quotes; backslash, quote and control characters escaped; UTF-8 kept). */
    static String py(String s) {
        final StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
