package io.github.binlog2redshift.bench.soak;

import java.util.List;
import java.util.Locale;

/**
 * One sample of the soak: heap after a full GC, the sink job's last checkpoint size, the warehouse
 * side tables' rows and the staged objects on S3, and the sink's retention counters.
 */
record SoakSample(
        long seconds,
        long operations,
        long heapMb,
        long checkpointBytes,
        long ledgerRows,
        long tombstones,
        long schemaLogRows,
        long stagedObjects,
        long stagedFilesDeleted,
        long ledgerRowsPruned) {

    static final String HEADER =
            "seconds,operations,heap_mb,checkpoint_bytes,ledger_rows,tombstones,schema_log_rows,"
                    + "staged_objects,staged_files_deleted,ledger_rows_pruned";

    /** The series the growth check and the plot look at, with their names and absolute slack. */
    static final List<Series> CHECKED =
            List.of(
                    new Series("heap_mb", 64),
                    new Series("checkpoint_bytes", 1 << 20),
                    new Series("ledger_rows", 500),
                    new Series("tombstones", 500),
                    new Series("schema_log_rows", 20),
                    new Series("staged_objects", 200));

    /** A column of the CSV, and how much it may grow beyond 20 % before it counts as growing. */
    record Series(String name, long slack) {}

    String csv() {
        return String.format(
                Locale.ROOT,
                "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d",
                seconds,
                operations,
                heapMb,
                checkpointBytes,
                ledgerRows,
                tombstones,
                schemaLogRows,
                stagedObjects,
                stagedFilesDeleted,
                ledgerRowsPruned);
    }

    long value(String series) {
        return switch (series) {
            case "heap_mb" -> heapMb;
            case "checkpoint_bytes" -> checkpointBytes;
            case "ledger_rows" -> ledgerRows;
            case "tombstones" -> tombstones;
            case "schema_log_rows" -> schemaLogRows;
            case "staged_objects" -> stagedObjects;
            default -> throw new IllegalArgumentException(series);
        };
    }
}
