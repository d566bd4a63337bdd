package io.github.binlog2redshift.bench.stack;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the records written to a set of topics by summing their end offsets. Cheap enough to poll
 * every 100 ms while a job catches up, and independent of how the writer batches. With
 * transactional producers the end offset also counts commit markers; callers that need exact counts
 * use it only for idempotent writers or subtract the markers.
 */
public final class TopicCounter implements AutoCloseable {

    private final Admin admin;
    private final Predicate<String> topics;

    public TopicCounter(String bootstrapServers, Predicate<String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(p);
        this.topics = topics;
    }

    public static TopicCounter of(String bootstrapServers, Collection<String> names) {
        return new TopicCounter(bootstrapServers, List.copyOf(names)::contains);
    }

    /** Sum of the end offsets of every matching topic that exists now. */
    public long count() {
        try {
            List<String> names = admin.listTopics().names().get().stream().filter(topics).toList();
            if (names.isEmpty()) {
                return 0;
            }
            Map<String, TopicDescription> described =
                    admin.describeTopics(names).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> request =
                    described.values().stream()
                            .flatMap(
                                    d ->
                                            d.partitions().stream()
                                                    .map(
                                                            p ->
                                                                    new TopicPartition(
                                                                            d.name(),
                                                                            p.partition())))
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(request).all().get();
            return offsets.values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting records", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the records of the benchmark topics", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
