package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.KafkaOptions;
import io.github.binlog2redshift.config.RedshiftOptions;
import io.github.binlog2redshift.config.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPropertiesTest {

    @TempDir Path dir;

    private UserProperties read(String text) throws Exception {
        Path file = dir.resolve("my.properties");
        Files.writeString(file, text);
        return UserProperties.read(file);
    }

    @Test
    void sharedKeysGoToBothJobsAndPrefixesToOne() throws Exception {
        UserProperties p =
                read(
                        """
                        kafka.bootstrap-servers=broker:9092
                        source.hostname=db1
                        sink.jdbc.url=jdbc:postgresql://wh/dw
                        redshift-sink.pipeline.parallelism=4
                        cdc-source.pipeline.job-name=cdc-shop
                        flink.s3.access-key=AK
                        """);
        assertThat(p.source())
                .containsOnlyKeys(
                        "kafka.bootstrap-servers", "source.hostname", "pipeline.job-name");
        assertThat(p.sink())
                .containsOnlyKeys(
                        "kafka.bootstrap-servers", "sink.jdbc.url", "pipeline.parallelism");
        assertThat(p.flink()).containsEntry("s3.access-key", "AK");
        assertThat(p.setsSource(SourceOptions.HOSTNAME)).isTrue();
        assertThat(p.setsSink(KafkaOptions.BOOTSTRAP_SERVERS)).isTrue();
        assertThat(p.setsSink(RedshiftOptions.HOST)).isFalse();
    }

    @Test
    void legacyKeysCountAsSettingTheirOption() throws Exception {
        UserProperties p = read("host=db1:3307\nredshift_host=cluster.example.com\n");
        assertThat(p.setsSource(SourceOptions.HOSTNAME)).isTrue();
        assertThat(p.setsSink(RedshiftOptions.HOST)).isTrue();
    }

    @Test
    void unknownKeysAreNamed() {
        assertThatThrownBy(() -> read("source.hostnam=db1\nzzzzzz=1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Unknown keys 'source.hostnam' (did you mean 'source.hostname'?), 'zzzzzz'"
                                + " in ")
                .hasMessageContaining("cdc-source.")
                .hasMessageNotContaining("db1");
    }
}
