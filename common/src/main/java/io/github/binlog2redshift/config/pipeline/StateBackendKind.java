package io.github.binlog2redshift.config.pipeline;

/** Which Flink state backend to use. */
public enum StateBackendKind {
    /** Heap state; fast, bounded by TaskManager memory. */
    HASHMAP,
    /** Embedded RocksDB; state may exceed memory, supports incremental checkpoints. */
    ROCKSDB
}
