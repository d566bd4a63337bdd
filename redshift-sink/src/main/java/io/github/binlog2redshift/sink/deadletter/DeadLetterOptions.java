package io.github.binlog2redshift.sink.deadletter;

import io.github.binlog2redshift.config.sink.DeadLetterConfig;
import io.github.binlog2redshift.config.sink.KafkaConsumerSettings;
import java.io.Serializable;
import java.util.Map;

/**
 * Where dead letters go: a Kafka topic, an S3 (or any Flink file system) path, or both. At least
 * one is required: a dead letter nobody can find is data lost.
 *
 * @param kafkaBootstrapServers the cluster of {@code kafkaTopic}, usually the input cluster
 * @param kafkaProperties extra producer properties (security settings and the like)
 * @param path a directory URI such as {@code s3://bucket/prefix/dead-letters/}
 */
public record DeadLetterOptions(
        String kafkaTopic,
        String kafkaBootstrapServers,
        Map<String, String> kafkaProperties,
        String path)
        implements Serializable {

    public DeadLetterOptions {
        kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
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
    }

    /**
     * From the typed job configuration; the topic is on the input cluster, with its client
     * properties. Empty when the configuration names neither a topic nor a path.
     */
    public static java.util.Optional<DeadLetterOptions> from(
            DeadLetterConfig config, KafkaConsumerSettings kafka) {
        if (!config.enabled()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new DeadLetterOptions(
                        config.topic().orElse(null),
                        kafka.bootstrapServers(),
                        kafka.properties().values(),
                        config.path().map(Object::toString).orElse(null)));
    }

    public static DeadLetterOptions topic(String bootstrapServers, String topic) {
        return new DeadLetterOptions(topic, bootstrapServers, Map.of(), null);
    }

    public boolean hasTopic() {
        return kafkaTopic != null && !kafkaTopic.isBlank();
    }

    public boolean hasPath() {
        return path != null && !path.isBlank();
    }
}
