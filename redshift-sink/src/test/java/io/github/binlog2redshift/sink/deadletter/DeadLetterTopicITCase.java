package io.github.binlog2redshift.sink.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.ingest.IngestOptions;
import io.github.binlog2redshift.sink.ingest.IngestStreams;
import io.github.binlog2redshift.sink.ingest.SinkIngestTopology;
import io.github.binlog2redshift.sink.kafka.KafkaInputOptions;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.kafka.KafkaSourceFactory;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dead-letter topic against the local broker: a missing one fails the sink at start naming it
 * and its option; a rejected record too large to be sent whole lands as a pointer and a prefix, and
 * the job runs to its end.
 */
@ExtendWith(LocalStackExtension.class)
class DeadLetterTopicITCase {

    @Test
    void aMissingDeadLetterTopicFailsTheStartNamingIt(KafkaTopic input) {
        String servers = input.bootstrapServers();
        IngestOptions options = options(servers, input, input.name() + "-no-such-dlq");
        long start = System.nanoTime();
        assertThatThrownBy(
                        () ->
                                SinkIngestTopology.build(
                                        StreamExecutionEnvironment.getExecutionEnvironment(),
                                        options))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Dead-letter topic '"
                                + input.name()
                                + "-no-such-dlq' (sink.dead-letter.topic) does not exist on "
                                + servers
                                + ": create it (MSK and brokers with"
                                + " auto.create.topics.enable=false do not create topics on first"
                                + " write), or set sink.dead-letter.path instead");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aRejectedRecordTooLargeToSendWholeLandsCut(KafkaTopic input, KafkaTopic deadLetters)
            throws Exception {
        String servers = input.bootstrapServers();
        byte[] big = new byte[900_000];
        Arrays.fill(big, (byte) '{');
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(input.name(), 0, "big".getBytes(), big));
            producer.send(
                    new ProducerRecord<>(input.name(), 0, "small".getBytes(), "x".getBytes()));
            producer.flush();
        }
        IngestOptions options = options(servers, input, deadLetters.name());
        DeadLetterTopicCheck.require(options.deadLetters().orElseThrow());
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        DataStream<KafkaRecord> records =
                env.fromSource(
                        KafkaSourceFactory.builder(options.kafka())
                                .setBounded(OffsetsInitializer.latest())
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "kafka-source");
        IngestStreams streams = SinkIngestTopology.build(records, options);
        // Runs the bounded job to its end: it throws if the dead-letter producer failed.
        try (CloseableIterator<StagedChange> it =
                streams.changes().executeAndCollect("dead-letter-it")) {
            it.forEachRemaining(c -> {});
        }

        List<JsonNode> letters = read(servers, deadLetters.name(), 2);
        JsonNode cut = letters.get(0);
        assertThat(cut.path("reason").asText()).isEqualTo("not_json");
        assertThat(cut.path("cut").asBoolean()).isTrue();
        assertThat(cut.path("value_bytes").asInt()).isEqualTo(900_000);
        assertThat(cut.path("offset").asLong()).isZero();
        assertThat(cut.path("topic").asText()).isEqualTo(input.name());
        assertThat(cut.path("value_prefix_base64").asText().length()).isGreaterThan(900_000);
        assertThat(letters.get(1).path("value_base64").asText()).isEqualTo("eA==");
    }

    private static IngestOptions options(String servers, KafkaTopic input, String deadLetters) {
        return new IngestOptions(
                KafkaInputOptions.of(servers, "dead-letter-it", input.name()),
                InputFormat.AUTO,
                RoutingOptions.of(TargetNaming.SCHEMA_PER_DATABASE, null),
                Optional.of(DeadLetterOptions.topic(servers, deadLetters)));
    }

    private static List<JsonNode> read(String servers, String topic, int expected)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-it-read",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(mapper.readTree(r.value()));
                }
            }
        }
        assertThat(out).hasSize(expected);
        return out;
    }
}
