package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.source.TopicReader.Rec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kafka's limits against the local broker: topics that are missing or take less than the producer
 * sends fail the preflight at once, naming topic and option; a row too large for Kafka becomes a
 * dead-letter pointer and the job runs on past it.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaLimitsITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(CdcJobs.miniClusterConfig())
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aMissingDeadLetterTopicOrATooSmallTopicFailsTheStartNamingIt(
            MySqlDatabase db, KafkaTopic topic) throws Exception {
        sql(db, "CREATE TABLE t (id INT PRIMARY KEY)");
        long start = System.nanoTime();
        assertThatThrownBy(
                        () ->
                                SourcePreflight.check(
                                        TestConfigs.source(CdcJobs.options(db, topic, "5470"))))
                .isInstanceOf(SourcePreflightException.class)
                .hasMessageContaining(
                        "Kafka topic '"
                                + topic.name()
                                + ".dlq' (kafka.dead-letter-topic) does not exist on "
                                + topic.bootstrapServers()
                                + ": create it")
                .hasMessageNotContaining("'" + topic.name() + "' (kafka.topic)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));

        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                topic.bootstrapServers()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic.name() + ".dlq", 1, (short) 1)
                                            .configs(Map.of("max.message.bytes", "100000"))))
                    .all()
                    .get();
        }
        assertThatThrownBy(
                        () ->
                                SourcePreflight.check(
                                        TestConfigs.source(CdcJobs.options(db, topic, "5470"))))
                .isInstanceOf(SourcePreflightException.class)
                .hasMessageContaining(
                        "Kafka topic '"
                                + topic.name()
                                + ".dlq' (kafka.dead-letter-topic) takes records up to"
                                + " max.message.bytes=100000, less than the producer's"
                                + " max.request.size of 1048576");
        SourcePreflight.check(
                TestConfigs.source(
                        CdcJobs.options(
                                db, topic, "5470", "kafka.properties.max.request.size=100000")));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aRowTooLargeForKafkaIsDeadLetteredAsAPointerAndTheJobGoesOn(
            MySqlDatabase db, KafkaTopic topic, LocalStack stack) throws Exception {
        sql(
                db,
                "CREATE TABLE docs (id INT PRIMARY KEY, body LONGTEXT)",
                "INSERT INTO docs VALUES (1, REPEAT('a', 1500000)), (2, 'small')");
        stack.kafka().createTopic(topic.name() + ".dlq", 1);
        var config = TestConfigs.source(CdcJobs.options(db, topic, "5471"));
        SourcePreflight.check(config);
        JobClient job = CdcJobs.start(config);
        try (TopicReader reader =
                        new TopicReader(topic.bootstrapServers(), topic.name(), 1, false);
                TopicReader dlq =
                        new TopicReader(
                                topic.bootstrapServers(), topic.name() + ".dlq", 1, false)) {
            reader.readUntil(r -> r.stream().anyMatch(x -> x.key().endsWith(".docs.2")), T90);
            sql(
                    db,
                    "UPDATE docs SET body = REPEAT('b', 1100000) WHERE id = 2",
                    "INSERT INTO docs VALUES (3, 'after')");
            List<Rec> all =
                    reader.readUntil(r -> r.stream().anyMatch(x -> x.key().endsWith(".3")), T90);
            List<Rec> letters = dlq.readUntil(r -> r.size() >= 2, T90);

            assertThat(all).noneMatch(r -> r.key().endsWith(".docs.1"));
            assertThat(all).noneMatch(r -> r.key().endsWith(".docs.2") && r.op().equals("u"));
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            JsonNode snapshot = letters.get(0).value();
            assertThat(snapshot.path("key").asText()).isEqualTo(db.name() + ".docs.1");
            assertThat(snapshot.path("op").asText()).isEqualTo("r");
            assertThat(snapshot.path("event_bytes").asInt()).isGreaterThan(1_500_000);
            JsonNode update = letters.get(1).value();
            assertThat(update.path("reason").asText())
                    .startsWith("oversize_event: the change event is ")
                    .contains("max.request.size of 1048576 bytes");
            assertThat(update.path("key").asText()).isEqualTo(db.name() + ".docs.2");
            assertThat(update.path("op").asText()).isEqualTo("u");
            assertThat(update.path("source").path("file").asText()).isNotEmpty();
            assertThat(update.path("source").path("pos").asLong()).isPositive();
            assertThat(update.path("event_bytes").asInt()).isGreaterThan(1_048_576);
            assertThat(letters)
                    .allSatisfy(l -> assertThat(l.value().toString().length()).isLessThan(2000));
        } finally {
            job.cancel().get();
        }
    }

    private static final Duration T90 = Duration.ofSeconds(90);
}
