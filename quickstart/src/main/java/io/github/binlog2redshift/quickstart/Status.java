package io.github.binlog2redshift.quickstart;

import java.util.List;

/**
 * One refresh of the status table. Counts are -1 when unknown.
 *
 * @param atMs when it was taken
 * @param sourceState cdc-source job state
 * @param sinkState redshift-sink job state
 * @param sourceCheckpoint cdc-source's last completed checkpoint, or null
 * @param sinkCheckpoint redshift-sink's last completed checkpoint, or null
 * @param backlog the sink's Kafka backlog, or null
 * @param binlogStreaming whether cdc-source has streamed a binlog change (its snapshot is over)
 * @param tables one row per tracked table
 */
record Status(
        long atMs,
        String sourceState,
        String sinkState,
        FlinkRest.Checkpoint sourceCheckpoint,
        FlinkRest.Checkpoint sinkCheckpoint,
        KafkaBacklog.Backlog backlog,
        boolean binlogStreaming,
        List<TableRow> tables) {

    /**
     * @param table the table
     * @param captured change events cdc-source wrote for it (snapshot rows, changes, DDL)
     * @param applied rows redshift-sink applied to the warehouse table
     * @param sourceRows rows in the source table now
     * @param targetRows rows in the warehouse table now
     * @param lagMs source-time distance between the newest change the sink read and the newest it
     *     applied; -1 before the sink read any
     */
    record TableRow(
            TrackedTable table,
            long captured,
            long applied,
            long sourceRows,
            long targetRows,
            long lagMs) {}

    long captured() {
        return tables.stream().mapToLong(TableRow::captured).sum();
    }

    long applied() {
        return tables.stream().mapToLong(TableRow::applied).sum();
    }

    /** Whether every table has as many rows in the warehouse as in the source. */
    boolean countsMatch() {
        return tables.stream()
                .allMatch(t -> t.sourceRows() >= 0 && t.sourceRows() == t.targetRows());
    }

    boolean running() {
        return "RUNNING".equals(sourceState) && "RUNNING".equals(sinkState);
    }

    /** A job that ended on its own: the pipeline cannot catch up any more. */
    boolean jobFailed() {
        return List.of("FAILED", "CANCELED", "FINISHED").contains(sourceState)
                || List.of("FAILED", "CANCELED", "FINISHED").contains(sinkState);
    }
}
