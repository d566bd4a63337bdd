package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catch-up rate: a binlog backlog of 10 tables x 100k inserted rows, then an UPDATE of every row
 * (2M row events), read from the EARLIEST offset through the job into Kafka at parallelism 1.
 * Disabled unless {@code -Dbenchmark=true}:
 *
 * <pre>./mvnw -B -pl cdc-source -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 *   -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=CatchUpBenchmarkITCase -Dbenchmark=true</pre>
 *
 * The result is logged at WARN (the test log level) in the failsafe output file.
 */
@ExtendWith(LocalStackExtension.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CatchUpBenchmarkITCase {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUpBenchmarkITCase.class);
    private static final int TABLES = 10;
    private static final int ROWS = 100_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(CdcJobs.miniClusterConfig())
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void catchUpFromEarliest(MySqlDatabase db, @Partitions(4) KafkaTopic topic) throws Exception {
        long prepare = System.nanoTime();
        for (int t = 0; t < TABLES; t++) {
            sql(
                    db,
                    "CREATE TABLE sbtest"
                            + t
                            + " (id INT PRIMARY KEY, k INT, c CHAR(120),"
                            + " pad CHAR(60))",
                    "INSERT INTO sbtest"
                            + t
                            + " SELECT seq, seq % 1000, REPEAT('c', 120),"
                            + " REPEAT('p', 60) FROM seq_1_to_"
                            + ROWS);
        }
        for (int t = 0; t < TABLES; t++) {
            sql(db, "UPDATE sbtest" + t + " SET k = k + 1");
        }
        long events = 2L * TABLES * ROWS;
        LOG.warn("Backlog of {} row events prepared in {} s", events, seconds(prepare));

        var config =
                TestConfigs.source(
                        CdcJobs.options(
                                db,
                                topic,
                                "5430",
                                "source.startup.mode=EARLIEST",
                                "pipeline.checkpoint.interval=10s",
                                "kafka.properties.linger.ms=20",
                                "kafka.properties.batch.size=262144"));
        long start = System.nanoTime();
        JobClient job = CdcJobs.start(config);
        try (KafkaConsumer<byte[], byte[]> offsets = consumer(topic)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < topic.partitions(); p++) {
                tps.add(new TopicPartition(topic.name(), p));
            }
            long first = -1;
            long written = 0;
            while (written < events) {
                Thread.sleep(250);
                written =
                        offsets.endOffsets(tps).values().stream().mapToLong(Long::longValue).sum();
                if (first < 0 && written > 0) {
                    first = System.nanoTime();
                }
            }
            double total = seconds(start);
            double streaming = (System.nanoTime() - first) / 1e9;
            LOG.warn(
                    "Caught up {} events in {} s from job start ({} events/s); {} s from the first"
                            + " record ({} events/s)",
                    written,
                    String.format("%.1f", total),
                    Math.round(written / total),
                    String.format("%.1f", streaming),
                    Math.round(written / streaming));
            assertThat(written).isEqualTo(events);
        } finally {
            job.cancel().get();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaTopic topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
