package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.localstack.KafkaBroker;
import io.github.binlog2redshift.source.kafka.ChangeEventKafkaSink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics run-local creates on its own Kafka broker, as a user creates them on MSK (which does
 * not create topics on first write): the change topics of the captured tables (4 partitions), both
 * jobs' dead-letter topics (1). Each takes records of the jobs' {@code max.request.size}: when
 * {@code kafka.properties.max.request.size} raises it past the broker's default {@code
 * message.max.bytes} (1048588), the topics get {@code max.message.bytes} to match, as
 * docs/cdc-source.md tells a user to do, so larger rows travel instead of being dead-lettered.
 */
final class LocalTopics {

    /** Apache Kafka's default {@code message.max.bytes}, which topics inherit. */
    static final int BROKER_DEFAULT_MAX_MESSAGE_BYTES = 1048588;

    private LocalTopics() {}

    /**
     * Creates the topics of {@code tables} ({@code db.table}) and the dead-letter topics.
     *
     * @return each topic created, with its partitions
     */
    static Map<String, Integer> create(
            KafkaBroker kafka, SourceConfig source, SinkConfig sink, List<String> tables) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String table : tables) {
            String[] name = table.split("\\.", 2);
            topics.putIfAbsent(source.kafka().topicFor(name[0], name[1]), 4);
        }
        topics.putIfAbsent(source.kafka().deadLetterTopic(), 1);
        // The sink checks at start that its dead-letter topic exists.
        sink.deadLetter().topic().ifPresent(t -> topics.putIfAbsent(t, 1));
        topics.forEach(kafka::createTopic);
        int maxMessageBytes = maxMessageBytes(source, sink);
        if (maxMessageBytes > BROKER_DEFAULT_MAX_MESSAGE_BYTES) {
            allowRecordsOf(
                    kafka.bootstrapServers(), new ArrayList<>(topics.keySet()), maxMessageBytes);
        }
        return topics;
    }

    /** The larger {@code max.request.size} of cdc-source's producer and the sink's dead letters. */
    static int maxMessageBytes(SourceConfig source, SinkConfig sink) {
        return Math.max(
                ChangeEventKafkaSink.maxRequestSize(source.kafka().properties().toProperties()),
                ChangeEventKafkaSink.maxRequestSize(sink.kafka().properties().toProperties()));
    }

    private static void allowRecordsOf(String servers, List<String> topics, int bytes) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (String topic : topics) {
            changes.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(
                            new AlterConfigOp(
                                    new ConfigEntry(
                                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                            Integer.toString(bytes)),
                                    AlterConfigOp.OpType.SET)));
        }
        try (Admin admin = Admin.create(props)) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot set max.message.bytes=" + bytes + " on the local topics " + topics, e);
        }
    }
}
