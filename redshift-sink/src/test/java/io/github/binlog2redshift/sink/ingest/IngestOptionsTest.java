package io.github.binlog2redshift.sink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.StartingOffsets;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.route.ChangeRetention;
import io.github.binlog2redshift.sink.route.Route;
import io.github.binlog2redshift.sink.route.TableRouter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed job configuration maps onto the ingest options it documents. */
class IngestOptionsTest {

    private static IngestOptions from(String... extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kafka.bootstrap-servers", "localhost:9092");
        m.put("kafka.topics", "cdc_a,cdc_b");
        m.put("sink.redshift.host", "rs.example.com");
        m.put("sink.redshift.database", "dev");
        m.put("sink.redshift.username", "loader");
        m.put("sink.redshift.password", "pw");
        m.put("sink.redshift.iam-role", "arn:aws:iam::1:role/copy");
        m.put("sink.staging.path", "s3://bucket/stage");
        for (String e : extra) {
            m.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Settings settings =
                new ConfigLoader(SinkOptions.ALL)
                        .merge(List.of(Settings.of(m, Origin.propertiesFile("test.properties"))));
        return IngestOptions.from(SinkConfig.from(settings));
    }

    @Test
    void defaults() {
        IngestOptions o = from();
        assertThat(o.kafka().topics()).containsExactly("cdc_a", "cdc_b");
        assertThat(o.kafka().startingOffsets()).isEqualTo(StartingOffsets.COMMITTED);
        assertThat(o.kafka().maxRecordsPerCheckpoint()).isZero();
        assertThat(o.format()).isEqualTo(InputFormat.AUTO);
        assertThat(o.deadLetters().orElseThrow().kafkaTopic()).isEqualTo("redshift-sink.dlq");
        assertThat(
                        new TableRouter(o.routing())
                                .route(TableId.of("shop", "orders"))
                                .orElseThrow()
                                .target())
                .isEqualTo(new TargetTable("public", "shop__orders"));
    }

    @Test
    void rulesLimitsAndDeadLetters() {
        IngestOptions o =
                from(
                        "kafka.max-records-per-checkpoint=50000",
                        "sink.input-format=CANAL",
                        "sink.dead-letter.topic=dlq",
                        "sink.dead-letter.path=s3://bucket/dlq/",
                        "sink.tables=[{\"db\":\"shop\",\"table\":\"product\",\"primary_key\":\"pid\","
                                + "\"target_table\":\"products\"}]");
        assertThat(o.kafka().maxRecordsPerCheckpoint()).isEqualTo(50_000);
        assertThat(o.format()).isEqualTo(InputFormat.CANAL);
        assertThat(o.deadLetters())
                .hasValueSatisfying(
                        d -> {
                            assertThat(d.kafkaTopic()).isEqualTo("dlq");
                            assertThat(d.kafkaBootstrapServers()).isEqualTo("localhost:9092");
                            assertThat(d.path()).isEqualTo("s3://bucket/dlq/");
                        });
        assertThat(new TableRouter(o.routing()).route(TableId.of("shop", "product")))
                .contains(new Route(new TargetTable("public", "products"), List.of("pid")));
    }

    @Test
    void aHistoryRuleKeepsEveryChangeOfItsTables() {
        IngestOptions o =
                from("sink.tables=[{\"db\":\"shop\",\"table\":\"orders\",\"history\":true}]");
        TableRouter router = new TableRouter(o.routing());
        assertThat(router.route(TableId.of("shop", "orders")).orElseThrow().retention())
                .isEqualTo(ChangeRetention.EVERY);
        assertThat(router.route(TableId.of("shop", "items")).orElseThrow().retention())
                .isEqualTo(ChangeRetention.LATEST);
    }
}
