package io.github.binlog2redshift.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgChartTest {

    @Test
    void isWellFormedWithOneBarPerFigure() throws Exception {
        String svg = SvgChart.render(Samples.run(), Samples.info());
        Document doc =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new InputSource(new StringReader(svg)));
        NodeList rects = doc.getElementsByTagName("rect");
        // background + 4 legend swatches (ours, peer, reference; the latency group reuses colours)
        // + 5 bars
        assertThat(rects.getLength()).isEqualTo(1 + 3 + 5);
        assertThat(svg).contains("latency-800/s p99 [ms] (lower is better)");
        assertThat(svg).contains("busy machine, quick sizes");
    }

    @Test
    void eachGroupIsScaledToItsOwnMaximum() {
        String svg = SvgChart.render(Samples.run(), Samples.info());
        int full = SvgChart.BAR_SPACE;
        // the largest bar of each group spans the whole bar space: reference (800k) and peer p99
        assertThat(svg).contains("width=\"" + full + "\"");
        assertThat(svg).contains("width=\"" + full / 2 + "\"");
    }

    @Test
    void aMedianOfRunsShowsItsRange() {
        BenchResults r = new BenchResults("quick");
        r.add(
                Measurement.median(
                        "sink-catch-up",
                        Measurement.OURS,
                        "rate",
                        List.of(30_000.0, 20_000.0, 40_000.0),
                        "events/s",
                        Direction.HIGHER_IS_BETTER,
                        ""));
        String svg = SvgChart.render(r, Samples.info());
        // the bar ends at the median (3/4 of the space), the whisker spans 1/2 to all of it
        int lo = SvgChart.LABEL_WIDTH + SvgChart.BAR_SPACE / 2;
        int hi = SvgChart.LABEL_WIDTH + SvgChart.BAR_SPACE;
        assertThat(svg).contains("width=\"" + Math.round(SvgChart.BAR_SPACE * 0.75) + "\"");
        assertThat(svg).contains("<path d=\"M" + lo + " ").contains("H" + hi + "v-4v8");
        assertThat(svg).contains("30,000 (20,000-40,000 (3))");
    }

    @Test
    void escapesMarkup() {
        assertThat(SvgChart.escape("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
    }
}
