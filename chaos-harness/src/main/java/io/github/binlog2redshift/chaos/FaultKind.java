package io.github.binlog2redshift.chaos;

/**
 * The catalogue of faults, one per run. Each names the phase it aims at and how the harness finds
 * that phase; where no signal marks the phase exactly, the fault fires at a time drawn from the
 * seed inside the phase's window (docs/chaos.md lists which is which).
 */
enum FaultKind {
    TASKMANAGER_KILL_SNAPSHOT(
            "kill -9 of the TaskManager while cdc-source reads the snapshot", Aim.SNAPSHOT),
    JOBMANAGER_KILL_SNAPSHOT(
            "kill -9 of the JobManager while cdc-source reads the snapshot", Aim.SNAPSHOT),
    TASKMANAGER_KILL_BINLOG(
            "kill -9 of the TaskManager while cdc-source reads the binlog",
            "a drawn time in the binlog phase, after the DDL burst (also covers the window"
                    + " between the Kafka pre-commit and its commit: not aimed exactly)"),
    JOBMANAGER_KILL_BINLOG(
            "kill -9 of the JobManager while cdc-source reads the binlog",
            "a drawn time in the binlog phase, after the DDL burst"),
    TASKMANAGER_KILL_STAGING(
            "kill -9 of the TaskManager while the sink stages and uploads files",
            "the first new object under the staging prefix after the drawn time"),
    TASKMANAGER_KILL_COPY(
            "kill -9 of the TaskManager mid-COPY",
            "pg_stat_activity shows the sink's COPY running in the warehouse"),
    TASKMANAGER_KILL_AFTER_MERGE(
            "kill -9 of the TaskManager after the merge, before the next checkpoint completes",
            "the warehouse's commit ledger gains a row (a table's merge committed); killed at"
                    + " once, before the next checkpoint can complete"),
    KAFKA_RESTART("Kafka broker stopped, started again after --outage-seconds", "a drawn time"),
    S3_OUTAGE("S3 server down for --s3-outage-seconds", "a drawn time"),
    WAREHOUSE_RESTART(
            "warehouse (PostgreSQL) restarted mid-commit",
            "pg_stat_activity shows a statement of the sink's transaction running"),
    MARIADB_RESTART("MariaDB restarted (clean shutdown, same data directory)", "a drawn time");

    /** The aim shared by both snapshot faults. */
    private static final class Aim {
        static final String SNAPSHOT =
                "the topic holds a drawn share of the snapshot rows and the enumerator has not"
                        + " logged INITIAL_ASSIGNING_FINISHED";
    }

    final String description;
    final String aim;

    FaultKind(String description, String aim) {
        this.description = description;
        this.aim = aim;
    }

    boolean duringSnapshot() {
        return this == TASKMANAGER_KILL_SNAPSHOT || this == JOBMANAGER_KILL_SNAPSHOT;
    }

    boolean killsJobManager() {
        return this == JOBMANAGER_KILL_SNAPSHOT || this == JOBMANAGER_KILL_BINLOG;
    }

    boolean killsTaskManager() {
        return name().startsWith("TASKMANAGER_KILL");
    }
}
