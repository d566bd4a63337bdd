package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.KafkaProducerOptions.DEAD_LETTER_TOPIC;
import static io.github.binlog2redshift.config.KafkaProducerOptions.DELIVERY_GUARANTEE;
import static io.github.binlog2redshift.config.KafkaProducerOptions.TOPIC;
import static io.github.binlog2redshift.config.KafkaProducerOptions.TOPIC_PREFIX;
import static io.github.binlog2redshift.config.KafkaProducerOptions.TOPIC_ROUTING;
import static io.github.binlog2redshift.config.KafkaProducerOptions.TRANSACTIONAL_ID_PREFIX;

import io.github.binlog2redshift.config.ClientProperties;
import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.KafkaOptions;
import io.github.binlog2redshift.config.Settings;
import java.util.Locale;
import java.util.Optional;

/**
 * The cdc-source job's Kafka producer settings.
 *
 * @param bootstrapServers bootstrap servers
 * @param routing how topics are chosen; see {@link #topicFor}
 * @param topic SINGLE: the topic
 * @param topicPrefix PER_DATABASE / PER_TABLE: the prefix
 * @param deliveryGuarantee the producer guarantee
 * @param transactionalIdPrefix present iff EXACTLY_ONCE
 * @param properties pass-through producer properties
 * @param deadLetterTopic where changes that cannot be keyed or converted go
 */
public record KafkaProducerSettings(
        String bootstrapServers,
        TopicRouting routing,
        Optional<String> topic,
        Optional<String> topicPrefix,
        DeliveryGuarantee deliveryGuarantee,
        Optional<String> transactionalIdPrefix,
        ClientProperties properties,
        String deadLetterTopic) {

    public static KafkaProducerSettings from(Settings s) {
        TopicRouting routing = s.get(TOPIC_ROUTING);
        String because = "kafka.topic-routing is " + routing;
        Optional<String> topic = Optional.empty();
        Optional<String> prefix = Optional.empty();
        if (routing == TopicRouting.SINGLE) {
            topic = Optional.of(s.require(TOPIC, "required because " + because));
            ConfigConstraints.forbid(s, TOPIC_PREFIX, because);
        } else {
            prefix = Optional.of(s.require(TOPIC_PREFIX, "required because " + because));
            ConfigConstraints.forbid(s, TOPIC, because);
        }
        DeliveryGuarantee guarantee = s.get(DELIVERY_GUARANTEE);
        Optional<String> txPrefix = Optional.empty();
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            // As KafkaSinkBuilder.sanityCheck: transactions need ids that survive restarts.
            txPrefix =
                    Optional.of(
                            s.require(
                                    TRANSACTIONAL_ID_PREFIX,
                                    "EXACTLY_ONCE delivery guarantee requires a transactional-id prefix"));
        } else {
            ConfigConstraints.forbid(
                    s, TRANSACTIONAL_ID_PREFIX, "kafka.delivery-guarantee is " + guarantee);
        }
        return new KafkaProducerSettings(
                s.get(KafkaOptions.BOOTSTRAP_SERVERS),
                routing,
                topic,
                prefix,
                guarantee,
                txPrefix,
                KafkaOptions.clientProperties(s),
                s.getOptional(DEAD_LETTER_TOPIC).orElse(defaultDeadLetterTopic(topic, prefix)));
    }

    private static String defaultDeadLetterTopic(Optional<String> topic, Optional<String> prefix) {
        return topic.map(t -> t + ".dlq").orElseGet(() -> prefix.orElseThrow() + "dlq");
    }

    /** The topic of a change event of {@code db.table}, per {@link #routing}. */
    public String topicFor(String db, String table) {
        return switch (routing) {
            case SINGLE -> topic.orElseThrow();
            case PER_DATABASE -> topicPrefix.orElseThrow() + db.toLowerCase(Locale.ROOT);
            case PER_TABLE ->
                    topicPrefix.orElseThrow()
                            + db.toLowerCase(Locale.ROOT)
                            + "."
                            + table.toLowerCase(Locale.ROOT);
        };
    }
}
