package io.github.binlog2redshift.bench.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as an SVG bar chart, written by hand so no plotting library enters the build: one group
 * per scenario and metric, one bar per system. Each group is scaled to its own largest value,
 * because the groups mix units (events/s, ms, MB); the value is printed at the end of each bar. A
 * median of runs has a black whisker from its lowest to its highest run, and its range printed.
 */
public final class SvgChart {

    static final int WIDTH = 1000;
    static final int LABEL_WIDTH = 230;
    static final int BAR_HEIGHT = 16;
    static final int GROUP_GAP = 22;
    // room after the longest bar for its value and range
    static final int BAR_SPACE = WIDTH - LABEL_WIDTH - 220;
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"};

    private SvgChart() {}

    public static String render(BenchResults results, RunInfo run) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : results.measurements()) {
            groups.computeIfAbsent(m.scenario() + " " + m.metric(), k -> new ArrayList<>()).add(m);
        }
        Map<String, String> colors = new LinkedHashMap<>();
        for (Measurement m : results.measurements()) {
            colors.computeIfAbsent(m.system(), s -> PALETTE[colors.size() % PALETTE.length]);
        }
        int height = 70 + 20 * colors.size();
        for (List<Measurement> g : groups.values()) {
            height += GROUP_GAP + BAR_HEIGHT * g.size();
        }
        StringBuilder svg = new StringBuilder();
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                                + " font-family=\"sans-serif\" font-size=\"11\">%n",
                        WIDTH,
                        height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(
                svg,
                10,
                20,
                "binlog2redshift benchmarks (" + results.mode() + ")",
                "font-size=\"15\"");
        text(svg, 10, 38, run.warning().isEmpty() ? "" : run.warning(), "fill=\"#b00\"");
        int y = 60;
        int legend = 0;
        for (Map.Entry<String, String> c : colors.entrySet()) {
            rect(svg, 10, y + legend * 20 - 10, 12, 12, c.getValue());
            text(svg, 28, y + legend * 20, c.getKey(), "");
            legend++;
        }
        y += legend * 20 + 10;
        int barSpace = BAR_SPACE;
        for (Map.Entry<String, List<Measurement>> g : groups.entrySet()) {
            List<Measurement> bars = g.getValue();
            Measurement first = bars.get(0);
            String suffix =
                    first.direction() == Direction.LOWER_IS_BETTER ? " (lower is better)" : "";
            text(
                    svg,
                    10,
                    y + 12,
                    g.getKey() + " [" + first.unit() + "]" + suffix,
                    "font-weight=\"bold\"");
            y += 16;
            double max = bars.stream().mapToDouble(Measurement::max).max().orElse(1);
            for (Measurement m : bars) {
                int w = max <= 0 ? 0 : (int) Math.round(barSpace * m.value() / max);
                text(svg, 20, y + 12, m.system(), "");
                rect(
                        svg,
                        LABEL_WIDTH,
                        y + 2,
                        Math.max(w, 1),
                        BAR_HEIGHT - 4,
                        colors.get(m.system()));
                String label = ResultTable.number(m.value());
                int end = LABEL_WIDTH + w;
                if (!m.runs().isEmpty()) {
                    int lo = LABEL_WIDTH + (int) Math.round(barSpace * m.min() / max);
                    int hi = LABEL_WIDTH + (int) Math.round(barSpace * m.max() / max);
                    whisker(svg, lo, hi, y + BAR_HEIGHT / 2);
                    end = Math.max(end, hi);
                    label += " (" + ResultTable.range(m) + ")";
                }
                text(svg, end + 6, y + 12, label, "");
                y += BAR_HEIGHT;
            }
            y += GROUP_GAP - 16;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A min-to-max line with end ticks, over a bar. */
    private static void whisker(StringBuilder svg, int lo, int hi, int y) {
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<path d=\"M%d %dv-4v8v-4H%dv-4v8\" stroke=\"black\" fill=\"none\"/>%n",
                        lo,
                        y,
                        hi));
    }

    static void rect(StringBuilder svg, int x, int y, int w, int h, String fill) {
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                        x,
                        y,
                        w,
                        h,
                        fill));
    }

    static void text(StringBuilder svg, int x, int y, String s, String attrs) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>", x, y, attrs))
                .append(escape(s))
                .append("</text>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
