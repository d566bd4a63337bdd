package io.github.binlog2redshift.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.TargetKind;
import io.github.binlog2redshift.config.source.DeliveryGuarantee;
import io.github.binlog2redshift.config.source.SourceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration example in README.md parses for both jobs, so the front door stays true. */
class ReadmeExampleTest {

    @TempDir Path dir;

    @Test
    void readmeExampleIsAValidSourceAndSinkConfiguration() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```properties\n# cdc-source\n");
        assertThat(start).as("README has the properties example").isNotNegative();
        String block = readme.substring(start, readme.indexOf("```\n", start + 3));
        String source = block.substring(block.indexOf('\n') + 1, block.indexOf("# redshift-sink"));
        String sink = block.substring(block.indexOf("# redshift-sink"));

        SourceConfig s = SourceConfig.from(load(SourceOptions.ALL, source));
        assertThat(s.kafka().deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        SinkConfig k = SinkConfig.from(load(SinkOptions.ALL, sink));
        assertThat(k.connection().kind()).isEqualTo(TargetKind.REDSHIFT);
    }

    private Settings load(OptionCatalog catalog, String text) throws IOException {
        Path f = Files.writeString(dir.resolve(catalog.jobName() + ".properties"), text);
        return new JobCommandLine(catalog, dir.resolve("none"), new PrintWriter(new StringWriter()))
                .load(new String[] {"--config-file", f.toString()})
                .orElseThrow();
    }
}
