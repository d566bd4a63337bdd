package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.net.URI;
import java.util.Optional;

/**
 * Where records that cannot be parsed or loaded go. With neither set, such a record fails the job.
 *
 * @param topic Kafka topic
 * @param path S3 prefix
 */
public record DeadLetterConfig(Optional<String> topic, Optional<URI> path) {

    public boolean enabled() {
        return topic.isPresent() || path.isPresent();
    }

    static DeadLetterConfig from(Settings s) {
        return new DeadLetterConfig(
                s.getOptional(SinkOptions.DEAD_LETTER_TOPIC),
                s.getOptional(SinkOptions.DEAD_LETTER_PATH));
    }
}
