package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.sink.KafkaConsumerSettings;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the sink's consumer group is behind the end of its topics. The sink commits its offsets
 * when a checkpoint completes, so a backlog of zero means every record on the topics belongs to a
 * completed checkpoint, i.e. has been handed to the warehouse committer.
 */
final class KafkaBacklog implements AutoCloseable {

    private final Admin admin;
    private final KafkaConsumerSettings settings;

    /** Totals over the sink's topics. */
    record Backlog(long endOffsets, long committed) {
        long behind() {
            return endOffsets - committed;
        }
    }

    KafkaBacklog(KafkaConsumerSettings settings) {
        this.settings = settings;
        Properties props = settings.properties().toProperties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        this.admin = Admin.create(props);
    }

    Backlog backlog() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(settings.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request =
                admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                        .filter(this::readBySink)
                        .flatMap(t -> partitions(t).stream())
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        // The sink reads read_committed: the last stable offset is its end.
        ListOffsetsResult ends =
                admin.listOffsets(
                        request,
                        new org.apache.kafka.clients.admin.ListOffsetsOptions(
                                IsolationLevel.READ_COMMITTED));
        long end = 0;
        long done = 0;
        for (var e : ends.all().get(5, TimeUnit.SECONDS).entrySet()) {
            end += e.getValue().offset();
            OffsetAndMetadata c = committed.get(e.getKey());
            done += c == null ? 0 : c.offset();
        }
        return new Backlog(end, done);
    }

    private boolean readBySink(String topic) {
        return settings.topics().contains(topic)
                || settings.topicPattern().map(p -> p.matcher(topic).matches()).orElse(false);
    }

    private java.util.List<TopicPartition> partitions(String topic) {
        try {
            return admin
                    .describeTopics(java.util.List.of(topic))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe topic " + topic, e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
