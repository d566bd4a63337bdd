package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where records that cannot be parsed or loaded go. With neither set, they go to the topic {@code
 * <sink.job-id>.dlq}: failing the job instead would restart it onto the same record forever (the
 * reference sink's crash loop).
 */
public final class DeadLetterConfig {

    private final Optional<String> topic;
    private final Optional<URI> path;

    private DeadLetterConfig(Optional<String> topic, Optional<URI> path) {
        this.topic = topic;
        this.path = path;
    }

    /** Kafka topic. */
    public Optional<String> topic() {
        return topic;
    }

    /** S3 prefix. */
    public Optional<URI> path() {
        return path;
    }

    public boolean enabled() {
        return topic.isPresent() || path.isPresent();
    }

    static DeadLetterConfig from(Settings s, String jobId) {
        Optional<URI> path = s.getOptional(SinkOptions.DEAD_LETTER_PATH);
        Optional<String> topic = s.getOptional(SinkOptions.DEAD_LETTER_TOPIC);
        if (topic.isEmpty() && path.isEmpty()) {
            topic = Optional.of(jobId + ".dlq");
        }
        return new DeadLetterConfig(topic, path);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeadLetterConfig)) {
            return false;
        }
        DeadLetterConfig other = (DeadLetterConfig) o;
        return Objects.equals(topic, other.topic) && Objects.equals(path, other.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, path);
    }

    @Override
    public String toString() {
        return "DeadLetterConfig[topic=" + topic + ", path=" + path + "]";
    }
}
