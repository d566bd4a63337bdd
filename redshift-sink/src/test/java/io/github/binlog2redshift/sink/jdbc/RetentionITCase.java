package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.CommitterQuarantineITCase.requests;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.COLS;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.PK;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.delete;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.WarehouseCommitter;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.fs.Path;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committer's retention against each real target, staging on the local S3: staged files are
 * deleted once their commit is in the ledger (also on a replay that finds it there); ledger rows,
 * tombstones and schema-log rows older than the horizon are pruned and newer ones kept, so a replay
 * within the horizon is still absorbed; a committable whose staged file is gone quarantines its
 * table, naming checkpoint and file. Rows are aged by moving their times back, as days would.
 */
@ExtendWith(LocalStackExtension.class)
class RetentionITCase {

    static final RetentionConfig WEEK =
            new RetentionConfig(true, Duration.ofDays(7), Duration.ofHours(1));
    static final TableMode MIRROR = TableMode.defaults();

    static WarehouseCommitter committer(SinkTarget db, RetentionConfig retention) {
        return new WarehouseCommitter(
                () -> MergeExecutorITCase.session(db, MergeExecutor.StepHook.NONE),
                2,
                new UnregisteredMetricsGroup(),
                new QuarantineStore(db.dialect(), "public", "job-1"),
                0,
                1,
                retention,
                db.warehouseKind());
    }

    /** A committer as before retention existed: it keeps every staged file. */
    static WarehouseCommitter keeping(SinkTarget db) {
        return new WarehouseCommitter(
                () -> MergeExecutorITCase.session(db, MergeExecutor.StepHook.NONE),
                2,
                new UnregisteredMetricsGroup(),
                new QuarantineStore(db.dialect(), "public", "job-1"),
                0,
                1);
    }

    static boolean exists(StagedFile f) throws IOException {
        Path p = new Path(f.path());
        return p.getFileSystem().exists(p);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void prunesPastTheHorizonKeepsWithinItAndDeletesStagedFiles(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack);
        TableCommittable before =
                stage(
                        db,
                        ORDERS,
                        1,
                        MIRROR,
                        List.of(upsert(COLS, PK, 5, row("id", 9, "note", "x"))));
        TableCommittable first =
                stage(
                        db,
                        ORDERS,
                        2,
                        MIRROR,
                        List.of(
                                ddl("TRUNCATE TABLE orders", 6, COLS, PK),
                                upsert(COLS, PK, 10, row("id", 1, "note", "a")),
                                upsert(COLS, PK, 11, row("id", 2, "note", "b")),
                                upsert(COLS, PK, 12, row("id", 3, "note", "c"))));
        TableCommittable second =
                stage(
                        db,
                        ORDERS,
                        3,
                        MIRROR,
                        List.of(delete(COLS, PK, 20, row("id", 1, "note", "a"))));
        TableCommittable third =
                stage(
                        db,
                        ORDERS,
                        4,
                        MIRROR,
                        List.of(delete(COLS, PK, 30, row("id", 2, "note", "b"))));
        try (WarehouseCommitter c = committer(db, WEEK)) {
            c.commit(requests(before));
            c.commit(requests(first));
            c.commit(requests(second));
        }
        assertThat(exists(first.files().get(0))).isFalse();
        assertThat(exists(second.files().get(0))).isFalse();
        try (WarehouseCommitter c = keeping(db)) {
            c.commit(requests(third));
        }
        assertThat(exists(third.files().get(0))).isTrue();
        assertThat(Rows.of(db, ORDERS)).containsExactly("3|c");
        assertThat(tombstones(db)).containsExactly("1", "2");
        assertThat(ledger(db, ledgerOf(db))).containsExactly("1", "2", "3", "4");
        assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_schema_log")).isEqualTo(1);

        // Eight days later for checkpoints 1 to 3 and the TRUNCATE's log row.
        age(db, ledgerOf(db), "committed_at", "checkpoint_id <= 3");
        age(db, "shop._b2r_commit_ledger", "committed_at", "checkpoint_id <= 3");
        age(db, "shop._b2r_schema_log", "applied_at", "position IS NOT NULL");

        // A restarted committer replays checkpoint 4 (in the ledger: skipped, its file deleted
        // now) and prunes at its first commit of the table.
        try (WarehouseCommitter c = committer(db, WEEK)) {
            c.commit(requests(third));
        }
        assertThat(exists(third.files().get(0))).isFalse();
        assertThat(ledger(db, ledgerOf(db))).containsExactly("4");
        assertThat(ledger(db, "shop._b2r_commit_ledger")).containsExactly("4");
        // Tombstone 1 (position 20, the newest of the pruned commits) went; 2 (30) stays.
        assertThat(tombstones(db)).containsExactly("2");
        assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_schema_log")).isZero();

        // A replay within the horizon is still absorbed: checkpoint 4 again (ledger), and an
        // older insert of the deleted key 2 (its tombstone).
        TableCommittable older =
                stage(
                        db,
                        ORDERS,
                        5,
                        MIRROR,
                        List.of(upsert(COLS, PK, 25, row("id", 2, "note", "b"))));
        try (WarehouseCommitter c = committer(db, WEEK)) {
            c.commit(requests(third, older));
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("3|c");
        assertThat(ledger(db, ledgerOf(db))).containsExactly("4", "5");

        // Later still: a committable with only a TRUNCATE (no columns, no shape) prunes too.
        age(db, ledgerOf(db), "committed_at", "checkpoint_id <= 5");
        age(db, "shop._b2r_commit_ledger", "committed_at", "checkpoint_id <= 5");
        TableCommittable truncate =
                stage(db, ORDERS, 6, MIRROR, List.of(ddl("TRUNCATE TABLE orders", 40, COLS, PK)));
        try (WarehouseCommitter c = committer(db, WEEK)) {
            c.commit(requests(truncate));
        }
        assertThat(ledger(db, ledgerOf(db))).containsExactly("6");
        assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_schema_log")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aMissingStagedFileQuarantinesTheTableNamingCheckpointAndFile(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack);
        TableCommittable lost =
                stage(
                        db,
                        ORDERS,
                        7,
                        MIRROR,
                        List.of(upsert(COLS, PK, 70, row("id", 1, "note", "x"))));
        StagedFile file = lost.files().get(0);
        Path p = new Path(file.path());
        assertThat(p.getFileSystem().delete(p, false)).isTrue();
        try (WarehouseCommitter c = committer(db, WEEK)) {
            c.commit(requests(lost));
        }
        List<String> quarantined =
                Rows.query(
                        db,
                        "SELECT target_table, since_checkpoint, reason FROM public._b2r_quarantine"
                                + " WHERE job_id = 'job-1'");
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.get(0))
                .startsWith("shop.orders|7|")
                .contains(file.path().substring(file.path().lastIndexOf('/') + 1))
                .contains("is missing and the ledger has no record of its commit");
        assertThat(Rows.count(db, "SELECT count(*) FROM public._b2r_quarantine_kept")).isEqualTo(1);
    }

    private static String ledgerOf(SinkTarget db) {
        return db.either("shop._b2r_commit_ledger", "shop.orders_b2r_ledger");
    }

    private static List<String> ledger(SinkTarget db, String table) throws Exception {
        return Rows.query(db, "SELECT checkpoint_id FROM " + table + " ORDER BY 1");
    }

    private static List<String> tombstones(SinkTarget db) throws Exception {
        return Rows.query(db, "SELECT id FROM shop.orders_b2r_deleted ORDER BY 1");
    }

    private static void age(SinkTarget db, String table, String column, String where)
            throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "UPDATE "
                            + table
                            + " SET "
                            + column
                            + " = "
                            + column
                            + " - INTERVAL '8 days' WHERE "
                            + where);
        }
    }
}
