package io.github.binlog2redshift.source.kafka;

import io.github.binlog2redshift.config.source.KafkaProducerSettings;
import io.github.binlog2redshift.config.source.TopicRouting;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses the topic of a table's events ({@code kafka.topic-routing}): SINGLE {@code kafka.topic};
 * PER_DATABASE prefix + lower-case database; PER_TABLE prefix + lower-case {@code db.table}, the
 * rule of {@link KafkaProducerSettings#topicFor} (lower case as the reference did, so existing
 * consumers keep their topics). Characters Kafka does not allow in topic names (anything but {@code
 * [a-zA-Z0-9._-]}) become {@code _}.
 */
public final class TopicSelector implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TopicRouting routing;
    private final String topicOrPrefix;
    private final String deadLetterTopic;
    private transient Map<String, String> cache;

    public TopicSelector(TopicRouting routing, String topicOrPrefix, String deadLetterTopic) {
        this.routing = routing;
        this.topicOrPrefix = topicOrPrefix;
        this.deadLetterTopic = deadLetterTopic;
    }

    public static TopicSelector from(KafkaProducerSettings kafka) {
        String topicOrPrefix =
                kafka.routing() == TopicRouting.SINGLE
                        ? kafka.topic().orElseThrow()
                        : kafka.topicPrefix().orElseThrow();
        return new TopicSelector(kafka.routing(), topicOrPrefix, kafka.deadLetterTopic());
    }

    public String topicFor(String database, String table) {
        if (routing == TopicRouting.SINGLE) {
            return topicOrPrefix;
        }
        if (cache == null) {
            cache = new HashMap<>();
        }
        String name = routing == TopicRouting.PER_DATABASE ? database : database + "." + table;
        return cache.computeIfAbsent(
                name, n -> sanitize(topicOrPrefix + n.toLowerCase(java.util.Locale.ROOT)));
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    static String sanitize(String topic) {
        StringBuilder out = new StringBuilder(topic.length());
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean legal =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '.'
                            || c == '_'
                            || c == '-';
            out.append(legal ? c : '_');
        }
        return out.toString();
    }
}
