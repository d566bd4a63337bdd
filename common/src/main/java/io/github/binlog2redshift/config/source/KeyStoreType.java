package io.github.binlog2redshift.config.source;

/**
 * The format of a trust or key store file. Only the two that every JVM reads: Debezium's binlog
 * client opens the store with the JVM default type, which on Java 9+ reads both.
 */
public enum KeyStoreType {
    PKCS12,
    JKS
}
