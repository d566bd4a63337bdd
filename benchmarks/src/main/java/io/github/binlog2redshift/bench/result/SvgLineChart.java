package io.github.binlog2redshift.bench.result;

import java.util.List;
import java.util.Locale;

/**
 * Time series as small SVG line charts, one panel per series stacked vertically, each scaled to its
 * own maximum (the series mix units: MB, bytes, rows, objects) with the maximum printed beside it.
 * Written by hand like {@link SvgChart}, whose text and rectangle helpers it shares.
 */
public final class SvgLineChart {

    private static final int PANEL_HEIGHT = 90;
    private static final int PLOT_LEFT = 200;
    private static final int PLOT_WIDTH = SvgChart.WIDTH - PLOT_LEFT - 110;

    /** One panel: a name and its values at the shared x positions. */
    public record Series(String name, List<Long> values) {}

    private SvgLineChart() {}

    /** {@code x}: the shared x values (e.g. seconds since start), one per value of each series. */
    public static String render(String title, String xLabel, List<Long> x, List<Series> series) {
        int height = 50 + series.size() * (PANEL_HEIGHT + 20) + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                                + " font-family=\"sans-serif\" font-size=\"11\">%n",
                        SvgChart.WIDTH,
                        height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        SvgChart.text(svg, 10, 20, title, "font-size=\"15\"");
        long xMax = Math.max(1, x.isEmpty() ? 1 : x.get(x.size() - 1));
        int top = 40;
        for (Series s : series) {
            long max = Math.max(1, s.values().stream().mapToLong(Long::longValue).max().orElse(1));
            SvgChart.text(svg, 10, top + PANEL_HEIGHT / 2, s.name(), "font-weight=\"bold\"");
            SvgChart.rect(svg, PLOT_LEFT, top + PANEL_HEIGHT, PLOT_WIDTH, 1, "#999");
            SvgChart.text(
                    svg,
                    PLOT_LEFT + PLOT_WIDTH + 6,
                    top + 10,
                    "max " + ResultTable.number(max),
                    "");
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.values().size() && i < x.size(); i++) {
                double px = PLOT_LEFT + PLOT_WIDTH * (double) x.get(i) / xMax;
                double py = top + PANEL_HEIGHT - PANEL_HEIGHT * (double) s.values().get(i) / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"")
                    .append(points.toString().trim())
                    .append("\"/>\n");
            top += PANEL_HEIGHT + 20;
        }
        SvgChart.text(
                svg, PLOT_LEFT, top + 5, xLabel + " (0 to " + ResultTable.number(xMax) + ")", "");
        svg.append("</svg>\n");
        return svg.toString();
    }
}
