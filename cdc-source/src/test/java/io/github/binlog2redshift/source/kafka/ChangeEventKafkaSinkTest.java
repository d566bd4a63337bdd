package io.github.binlog2redshift.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.source.TestConfigs;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The producer is sized explicitly, and the size is what changes are dead-lettered above. */
class ChangeEventKafkaSinkTest {

    @Test
    void theProducerSendsUpToOneMebibyteUnlessTold() {
        Properties p = ChangeEventKafkaSink.producerProperties(TestConfigs.source().kafka());
        assertThat(p.getProperty("max.request.size")).isEqualTo("1048576");
        assertThat(ChangeEventKafkaSink.maxRequestSize(p)).isEqualTo(1048576);

        Properties raised =
                ChangeEventKafkaSink.producerProperties(
                        TestConfigs.source("kafka.properties.max.request.size=8388608").kafka());
        assertThat(ChangeEventKafkaSink.maxRequestSize(raised)).isEqualTo(8388608);
    }

    @Test
    void aBadSizeNamesTheOption() {
        Properties p = new Properties();
        p.setProperty("max.request.size", "lots");
        assertThatThrownBy(() -> ChangeEventKafkaSink.maxRequestSize(p))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.properties.max.request.size")
                .hasMessageContaining("'lots'");
    }
}
