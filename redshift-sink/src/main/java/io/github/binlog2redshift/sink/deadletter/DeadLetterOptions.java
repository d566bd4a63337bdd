package io.github.binlog2redshift.sink.deadletter;

import io.github.binlog2redshift.config.sink.DeadLetterConfig;
import io.github.binlog2redshift.config.sink.KafkaConsumerSettings;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Where dead letters go: a Kafka topic, an S3 (or any Flink file system) path, or both. At least
 * one is required: a dead letter nobody can find is data lost.
 */
public final class DeadLetterOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Nullable private final String kafkaTopic;
    @Nullable private final String kafkaBootstrapServers;
    private final Map<String, String> kafkaProperties;
    @Nullable private final String path;

    private DeadLetterOptions(
            @Nullable String kafkaTopic,
            @Nullable String kafkaBootstrapServers,
            @Nullable Map<String, String> kafkaProperties,
            @Nullable String path) {
        boolean topic = kafkaTopic != null && !kafkaTopic.isBlank();
        boolean file = path != null && !path.isBlank();
        if (!topic && !file) {
            throw new IllegalArgumentException(
                    "dead letters need a Kafka topic or a path (or both), got neither");
        }
        if (topic && (kafkaBootstrapServers == null || kafkaBootstrapServers.isBlank())) {
            throw new IllegalArgumentException(
                    "dead-letter topic '" + kafkaTopic + "' needs Kafka bootstrap servers");
        }
        this.kafkaTopic = kafkaTopic;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
        this.path = path;
    }

    /**
     * From the typed job configuration; the topic is on the input cluster, with its client
     * properties. Empty when the configuration names neither a topic nor a path.
     */
    public static Optional<DeadLetterOptions> from(
            DeadLetterConfig config, KafkaConsumerSettings kafka) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        return Optional.of(
                new DeadLetterOptions(
                        config.topic().orElse(null),
                        kafka.bootstrapServers(),
                        kafka.properties().values(),
                        config.path().map(Object::toString).orElse(null)));
    }

    public static DeadLetterOptions topic(String bootstrapServers, String topic) {
        return new DeadLetterOptions(topic, bootstrapServers, Map.of(), null);
    }

    /** The dead-letter topic, or null when dead letters go to a path only. */
    @Nullable
    public String kafkaTopic() {
        return kafkaTopic;
    }

    /** The cluster of {@link #kafkaTopic()}, usually the input cluster. */
    @Nullable
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** Extra producer properties (security settings and the like). */
    public Map<String, String> kafkaProperties() {
        return kafkaProperties;
    }

    /** A directory URI such as {@code s3://bucket/prefix/dead-letters/}, or null. */
    @Nullable
    public String path() {
        return path;
    }

    public boolean hasTopic() {
        return kafkaTopic != null && !kafkaTopic.isBlank();
    }

    public boolean hasPath() {
        return path != null && !path.isBlank();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeadLetterOptions)) {
            return false;
        }
        DeadLetterOptions other = (DeadLetterOptions) o;
        return Objects.equals(kafkaTopic, other.kafkaTopic)
                && Objects.equals(kafkaBootstrapServers, other.kafkaBootstrapServers)
                && kafkaProperties.equals(other.kafkaProperties)
                && Objects.equals(path, other.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kafkaTopic, kafkaBootstrapServers, kafkaProperties, path);
    }

    /** Names the producer properties but not their values, which may hold credentials. */
    @Override
    public String toString() {
        return "DeadLetterOptions[kafkaTopic="
                + kafkaTopic
                + ", kafkaBootstrapServers="
                + kafkaBootstrapServers
                + ", kafkaProperties="
                + kafkaProperties.keySet()
                + ", path="
                + path
                + "]";
    }
}
