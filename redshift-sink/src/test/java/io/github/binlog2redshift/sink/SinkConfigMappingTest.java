package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigMappingTest {

    static SinkConfig config(Map<String, String> values) {
        Settings s = Settings.of(values, Origin.propertiesFile("test.properties"));
        return SinkConfig.from(new ConfigLoader(SinkOptions.ALL).merge(List.of(s)));
    }

    @Test
    void redshiftKeysBecomeTheSinkSettings() {
        WarehouseSink sink =
                WarehouseSink.fromConfig(
                        config(
                                Map.of(
                                        "kafka.bootstrap-servers", "localhost:9092",
                                        "kafka.topics", "cdc",
                                        "sink.redshift.host", "rs.example.com",
                                        "sink.redshift.database", "dev",
                                        "sink.redshift.username", "loader",
                                        "sink.redshift.password", "rs-secret-pw",
                                        "sink.redshift.iam-role", "arn:aws:iam::1:role/copy",
                                        "sink.staging.path", "s3://bucket/stage",
                                        "sink.job-id", "orders-prod",
                                        "sink.commit.retry-backoff", "2s")));
        ApplySettings s = sink.settings();
        assertThat(s.kind()).isEqualTo(WarehouseKind.REDSHIFT);
        assertThat(s.connection().host()).isEqualTo("rs.example.com");
        assertThat(s.connection().password()).isEqualTo("rs-secret-pw");
        assertThat(s.copy().iamRole()).isEqualTo("arn:aws:iam::1:role/copy");
        assertThat(s.copy().maxError()).isNull();
        assertThat(s.copy().truncateColumns()).isFalse();
        assertThat(s.stagingPath()).isEqualTo("s3://bucket/stage/");
        assertThat(s.jobId()).isEqualTo("orders-prod");
        assertThat(s.retry().backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.toString()).doesNotContain("rs-secret-pw");
    }
}
