package org.erasure.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** One job: the SVG text XChart writes, made small (coordinates rounded) and described (title, axes, series). */
final class SvgText {

    private SvgText() {
    }

    private static final java.util.regex.Pattern PATH_DATA = java.util.regex.Pattern.compile(
            " (d|x1|x2|y1|y2|x|y|width|height)=\"([^\"]*)\"");
    private static final java.util.regex.Pattern LONG_DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d{3,}");

    /**
     * Coordinates (path data, and the x, y, width, height of lines and shapes) rounded to 1/100 of a pixel:
     * VectorGraphics2D writes them to full double precision, and XChart draws every glyph as a path and every
     * segment of a series as a line, which made the figures 0.3–2 MB; at 1/100 px no rendering can tell the
     * difference. (The dashed grid lines, one rectangle per dash, were the other half: {@link ChartKit} draws them
     * solid.)
     */
    static void compact(Path svg) throws IOException {
        final String text = Files.readString(svg, StandardCharsets.UTF_8);
        final java.util.regex.Matcher d = PATH_DATA.matcher(text);
        final StringBuilder out = new StringBuilder(text.length() / 2);
        while (d.find()) {
            final java.util.regex.Matcher num = LONG_DECIMAL.matcher(d.group(2));
            final StringBuilder data = new StringBuilder(d.group(2).length());
            while (num.find()) {
                num.appendReplacement(data, hundredths(Double.parseDouble(num.group())));
            }
            num.appendTail(data);
            d.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(" " + d.group(1) + "=\"" + data + "\""));
        }
        d.appendTail(out);
        Files.writeString(svg, out, StandardCharsets.UTF_8);
    }

    /** v to two decimals, trailing zeros dropped ("-5.03", "12.5", "3"). */
    static String hundredths(double v) {
        final long c = Math.round(v * 100);
        final String sign = c < 0 ? "-" : "";
        final long a = Math.abs(c);
        final long whole = a / 100;
        final long frac = a % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + "." + (frac % 10 == 0 ? Long.toString(frac / 10) : String.format(java.util.Locale.ROOT, "%02d", frac));
    }

    /**
     * XChart draws text as outlines, so the SVG carries no readable text; a {@code <title>} and a
     * {@code <desc>} naming the axes and series make the file searchable and accessible.
     */
    static void describe(Path svg, XYChart chart) throws IOException {
        final String text = Files.readString(svg, StandardCharsets.UTF_8);
        final int open = text.indexOf("<svg");
        final int end = open < 0 ? -1 : text.indexOf('>', open);
        if (end < 0) {
            return;
        }
        final String desc = "x axis: " + chart.getXAxisTitle() + "; y axis: " + chart.getYAxisTitle() + "; series: "
                + String.join(" | ", chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName).toList());
        Files.writeString(svg, text.substring(0, end + 1) + "\n  <title>" + xml(chart.getTitle()) + "</title>\n  <desc>"
                + xml(desc) + "</desc>" + text.substring(end + 1), StandardCharsets.UTF_8);
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
