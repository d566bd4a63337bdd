package io.github.binlog2redshift.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
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
        int full = SvgChart.WIDTH - SvgChart.LABEL_WIDTH - 120;
        // the largest bar of each group spans the whole bar space: reference (800k) and peer p99
        assertThat(svg).contains("width=\"" + full + "\"");
        assertThat(svg).contains("width=\"" + full / 2 + "\"");
    }

    @Test
    void escapesMarkup() {
        assertThat(SvgChart.escape("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
    }
}
