package io.github.binlog2redshift.sink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.PartitionKey;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.deadletter.DeadLetterOptions;
import io.github.binlog2redshift.sink.kafka.KafkaInputOptions;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.kafka.KafkaSourceFactory;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import java.time.Duration;
import java.util.ArrayList;
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
 * Real Kafka, a MiniCluster and the ingest topology: good records come out deduplicated per key,
 * tombstones vanish, bad records land in the dead-letter topic with their reasons, and the job runs
 * to the end.
 */
@ExtendWith(LocalStackExtension.class)
class SinkIngestITCase {

    private static final TableId ORDERS = TableId.of("shop", "orders");

    private static byte[] update(long id, String v, long pos) {
        SourcePosition p = SourcePosition.binlog(1, "mysql-bin.000001", pos, 0, null, false, pos);
        return ChangeEventJson.toBytes(
                ChangeEvent.update(
                        ORDERS, null, Map.of("id", id, "v", v), p, pos, List.of("id"), List.of()));
    }

    private static byte[] delete(long id, long pos) {
        SourcePosition p = SourcePosition.binlog(1, "mysql-bin.000001", pos, 0, null, false, pos);
        return ChangeEventJson.toBytes(
                ChangeEvent.delete(
                        ORDERS, Map.of("id", id, "v", "x"), p, pos, List.of("id"), List.of()));
    }

    private static byte[] key(long id) {
        return PartitionKey.bytes(ORDERS, List.of("id"), Map.of("id", id));
    }

    @Test
    void survivesBadRecordsAndDeduplicatesTheGoodOnes(
            @Partitions(2) KafkaTopic input, KafkaTopic deadLetterTopic) throws Exception {
        String servers = input.bootstrapServers();
        try (KafkaProducer<byte[], byte[]> producer = producer(servers)) {
            for (int i = 1; i <= 20; i++) {
                producer.send(
                        new ProducerRecord<>(input.name(), 0, key(1), update(1, "v" + i, 100 + i)));
            }
            producer.send(new ProducerRecord<>(input.name(), 1, key(2), update(2, "two", 200)));
            producer.send(new ProducerRecord<>(input.name(), 1, key(2), delete(2, 201)));
            producer.send(new ProducerRecord<>(input.name(), 1, key(2), null));
            producer.send(
                    new ProducerRecord<>(
                            input.name(), 0, "bad".getBytes(), "not json {".getBytes()));
            producer.send(
                    new ProducerRecord<>(
                            input.name(),
                            1,
                            null,
                            "{\"after\":{\"id\":3},\"source\":{}}".getBytes()));
            producer.flush();
        }

        KafkaInputOptions kafka = KafkaInputOptions.of(servers, "ingest-it", input.name());
        IngestOptions options =
                new IngestOptions(
                        kafka,
                        InputFormat.AUTO,
                        RoutingOptions.of(TargetNaming.SCHEMA_PER_DATABASE, null),
                        Optional.of(DeadLetterOptions.topic(servers, deadLetterTopic.name())));
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        // One interval: the bounded run ends, and its final flush emits, long before the first
        // checkpoint. With 500 ms a checkpoint could fall between the first and the later updates
        // of a key (seen once under load), which stages each key twice, correctly, in two batches.
        env.enableCheckpointing(60_000);
        DataStream<KafkaRecord> records =
                env.fromSource(
                        KafkaSourceFactory.builder(kafka)
                                .setBounded(OffsetsInitializer.latest())
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "kafka-source");
        IngestStreams streams = SinkIngestTopology.build(records, options);

        List<StagedChange> staged = new ArrayList<>();
        try (CloseableIterator<StagedChange> it =
                streams.changes().executeAndCollect("ingest-it")) {
            it.forEachRemaining(staged::add);
        }

        assertThat(staged).hasSize(2);
        assertThat(staged)
                .filteredOn(c -> c.event().keyImage().get("id").equals(1L))
                .singleElement()
                .satisfies(c -> assertThat(c.event().after()).containsEntry("v", "v20"));
        assertThat(staged)
                .filteredOn(c -> c.event().keyImage().get("id").equals(2L))
                .singleElement()
                .satisfies(c -> assertThat(c.event().op()).isEqualTo(Op.DELETE));
        assertThat(staged)
                .allSatisfy(c -> assertThat(c.target().toString()).isEqualTo("shop.orders"));

        List<JsonNode> letters = deadLetters(servers, deadLetterTopic.name(), 2);
        assertThat(letters)
                .extracting(n -> n.get("reason").asText())
                .containsExactlyInAnyOrder("not_json", "missing_op");
        assertThat(letters)
                .allSatisfy(n -> assertThat(n.get("topic").asText()).isEqualTo(input.name()));
    }

    private static KafkaProducer<byte[], byte[]> producer(String servers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static List<JsonNode> deadLetters(String servers, String topic, int expected)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-check",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(mapper.readTree(r.value()));
                }
            }
        }
        return out;
    }
}
