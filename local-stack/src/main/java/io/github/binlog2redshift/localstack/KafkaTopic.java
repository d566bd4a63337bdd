package io.github.binlog2redshift.localstack;

/** A topic of its own on the local broker, already created. */
public record KafkaTopic(String name, int partitions, String bootstrapServers) {}
