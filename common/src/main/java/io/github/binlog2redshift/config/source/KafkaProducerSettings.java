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
import java.util.Objects;
import java.util.Optional;

/** The cdc-source job's Kafka producer settings. */
public final class KafkaProducerSettings {

    private final String bootstrapServers;
    private final TopicRouting routing;
    private final Optional<String> topic;
    private final Optional<String> topicPrefix;
    private final DeliveryGuarantee deliveryGuarantee;
    private final Optional<String> transactionalIdPrefix;
    private final ClientProperties properties;
    private final String deadLetterTopic;

    private KafkaProducerSettings(
            String bootstrapServers,
            TopicRouting routing,
            Optional<String> topic,
            Optional<String> topicPrefix,
            DeliveryGuarantee deliveryGuarantee,
            Optional<String> transactionalIdPrefix,
            ClientProperties properties,
            String deadLetterTopic) {
        this.bootstrapServers = bootstrapServers;
        this.routing = routing;
        this.topic = topic;
        this.topicPrefix = topicPrefix;
        this.deliveryGuarantee = deliveryGuarantee;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.properties = properties;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Bootstrap servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** How topics are chosen; see {@link #topicFor}. */
    public TopicRouting routing() {
        return routing;
    }

    /** SINGLE: the topic. */
    public Optional<String> topic() {
        return topic;
    }

    /** PER_DATABASE / PER_TABLE: the prefix. */
    public Optional<String> topicPrefix() {
        return topicPrefix;
    }

    /** The producer guarantee. */
    public DeliveryGuarantee deliveryGuarantee() {
        return deliveryGuarantee;
    }

    /** Present iff EXACTLY_ONCE. */
    public Optional<String> transactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    /** Pass-through producer properties. */
    public ClientProperties properties() {
        return properties;
    }

    /** Where changes that cannot be keyed or converted go. */
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

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

    /** The topic of a change event of {@code db.table}, per {@link #routing()}. */
    public String topicFor(String db, String table) {
        switch (routing) {
            case SINGLE:
                return topic.orElseThrow();
            case PER_DATABASE:
                return topicPrefix.orElseThrow() + db.toLowerCase(Locale.ROOT);
            case PER_TABLE:
                return topicPrefix.orElseThrow()
                        + db.toLowerCase(Locale.ROOT)
                        + "."
                        + table.toLowerCase(Locale.ROOT);
            default:
                throw new IllegalStateException("unknown topic routing " + routing);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KafkaProducerSettings)) {
            return false;
        }
        KafkaProducerSettings other = (KafkaProducerSettings) o;
        return Objects.equals(bootstrapServers, other.bootstrapServers)
                && routing == other.routing
                && Objects.equals(topic, other.topic)
                && Objects.equals(topicPrefix, other.topicPrefix)
                && deliveryGuarantee == other.deliveryGuarantee
                && Objects.equals(transactionalIdPrefix, other.transactionalIdPrefix)
                && Objects.equals(properties, other.properties)
                && Objects.equals(deadLetterTopic, other.deadLetterTopic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                bootstrapServers,
                routing,
                topic,
                topicPrefix,
                deliveryGuarantee,
                transactionalIdPrefix,
                properties,
                deadLetterTopic);
    }

    @Override
    public String toString() {
        return "KafkaProducerSettings[bootstrapServers="
                + bootstrapServers
                + ", routing="
                + routing
                + ", topic="
                + topic
                + ", topicPrefix="
                + topicPrefix
                + ", deliveryGuarantee="
                + deliveryGuarantee
                + ", transactionalIdPrefix="
                + transactionalIdPrefix
                + ", properties="
                + properties
                + ", deadLetterTopic="
                + deadLetterTopic
                + "]";
    }
}
