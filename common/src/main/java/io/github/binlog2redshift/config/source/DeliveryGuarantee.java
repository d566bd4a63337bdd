package io.github.binlog2redshift.config.source;

/** Kafka producer guarantee ({@code kafka.delivery-guarantee}). */
public enum DeliveryGuarantee {
    /** Duplicates possible after a failure; the sink deduplicates by binlog position. */
    AT_LEAST_ONCE,
    /** Kafka transactions committed on checkpoint; needs {@code kafka.transactional-id-prefix}. */
    EXACTLY_ONCE
}
