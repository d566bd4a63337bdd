package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.source.DeliveryGuarantee;
import io.github.binlog2redshift.config.source.TopicRouting;
import java.util.List;

/** Options of the cdc-source job's Kafka producer ({@code kafka.*}). */
public final class KafkaProducerOptions {

    private KafkaProducerOptions() {}

    public static final ConfigOption<TopicRouting> TOPIC_ROUTING =
            ConfigOption.key("kafka.topic-routing", ValueType.enumOf(TopicRouting.class))
                    .defaultValue(TopicRouting.SINGLE)
                    .description(
                            "SINGLE: all events to kafka.topic. PER_DATABASE: kafka.topic-prefix +"
                                    + " lower-case database. PER_TABLE: kafka.topic-prefix +"
                                    + " lower-case <database>.<table>.")
                    .build();

    public static final ConfigOption<String> TOPIC =
            ConfigOption.key("kafka.topic", ValueType.string())
                    .description(
                            "The topic for routing SINGLE (required then, forbidden otherwise).")
                    .build();

    public static final ConfigOption<String> TOPIC_PREFIX =
            ConfigOption.key("kafka.topic-prefix", ValueType.string())
                    .description(
                            "Topic name prefix for PER_DATABASE / PER_TABLE, used verbatim (include"
                                    + " your separator, e.g. cdc_).")
                    .build();

    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE =
            ConfigOption.key("kafka.delivery-guarantee", ValueType.enumOf(DeliveryGuarantee.class))
                    .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE)
                    .description(
                            "AT_LEAST_ONCE, or EXACTLY_ONCE with Kafka transactions (then set"
                                    + " kafka.transactional-id-prefix; consumers need"
                                    + " isolation.level=read_committed). A snapshot that fails"
                                    + " over under AT_LEAST_ONCE can leave rows deleted meanwhile"
                                    + " in the target of a keyless table or of one chunked on a"
                                    + " column that is not an integer (docs/cdc-source.md).")
                    .build();

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            ConfigOption.key("kafka.transactional-id-prefix", ValueType.string())
                    .description(
                            "Transactional-id prefix, unique per job on the cluster; required iff"
                                    + " kafka.delivery-guarantee is EXACTLY_ONCE.")
                    .build();

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOption.key("kafka.dead-letter-topic", ValueType.string())
                    .defaultText("<kafka.topic>.dlq (SINGLE) or <kafka.topic-prefix>dlq")
                    .description(
                            "Topic for changes that cannot be keyed or converted (e.g. a key"
                                    + " column without a value); each carries the reason.")
                    .build();

    public static final List<ConfigOption<?>> ALL =
            List.of(
                    TOPIC_ROUTING,
                    TOPIC,
                    TOPIC_PREFIX,
                    DELIVERY_GUARANTEE,
                    TRANSACTIONAL_ID_PREFIX,
                    DEAD_LETTER_TOPIC);
}
