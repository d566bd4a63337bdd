package io.github.binlog2redshift.config.source;

/** How change events are spread over Kafka topics ({@code kafka.topic-routing}). */
public enum TopicRouting {
    /** Every event to {@code kafka.topic}. */
    SINGLE,
    /** {@code kafka.topic-prefix} + lower-case database name (the reference's topic_prefix). */
    PER_DATABASE,
    /** {@code kafka.topic-prefix} + lower-case {@code <database>.<table>}. */
    PER_TABLE
}
