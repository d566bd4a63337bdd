package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.net.URI;
import java.util.Optional;

/**
 * Where records that cannot be parsed or loaded go. With neither set, they go to the topic {@code
 * <sink.job-id>.dlq}: failing the job instead would restart it onto the same record forever (the
 * reference sink's crash loop).
 *
 * @param topic Kafka topic
 * @param path S3 prefix
 */
public record DeadLetterConfig(Optional<String> topic, Optional<URI> path) {

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
}
