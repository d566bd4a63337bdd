package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.policy;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.SchemaPolicy.DropColumn;
import io.github.binlog2redshift.config.sink.SchemaPolicy.DropTable;
import io.github.binlog2redshift.config.sink.SchemaPolicy.TypeChange;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.WarehouseCommitter;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.jdbc.WarehouseCommitterITCase.Request;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer.CommitRequest;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14 at the committer: a table whose schema change the policy refuses is quarantined while
 * the other table goes on; its committables are kept in the warehouse, across committers (a
 * restart), and replayed in checkpoint order once the operator deletes its quarantine row.
 */
@ExtendWith(LocalStackExtension.class)
class CommitterQuarantineITCase {

    static final TargetTable A = new TargetTable("shop", "a");
    static final TargetTable B = new TargetTable("shop", "b");
    static final List<String> PK = List.of("id");
    static final ColumnDef ID = col("id", "INT", null, null);
    static final List<ColumnDef> V1 = List.of(ID, col("qty", "INT", null, null));
    static final List<ColumnDef> V2 = List.of(ID, col("qty", "VARCHAR", 20, null));

    @TempDir Path dir;

    WarehouseCommitter committer(SinkTarget db, SchemaPolicy policy) {
        return new WarehouseCommitter(
                () -> session(db, policy),
                2,
                new UnregisteredMetricsGroup(),
                new QuarantineStore(db.dialect(), "public", "job-1"),
                0,
                1);
    }

    static List<CommitRequest<TableCommittable>> requests(TableCommittable... cs) {
        List<CommitRequest<TableCommittable>> out = new ArrayList<>();
        for (TableCommittable c : cs) {
            out.add(new Request(c));
        }
        return out;
    }

    TableCommittable rows(
            SinkTarget db, TargetTable t, long checkpoint, List<ColumnDef> cols, Object... idQty)
            throws Exception {
        List<io.github.binlog2redshift.event.ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < idQty.length; i += 2) {
            events.add(
                    upsert(
                            cols,
                            PK,
                            checkpoint * 100 + i,
                            row("id", idQty[i], "qty", idQty[i + 1])));
        }
        return stage(db, t, checkpoint, TableMode.defaults(), events);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aRefusedSchemaChangeQuarantinesOneTableUntilTheOperatorResumesIt(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        SchemaPolicy fail = SchemaPolicy.defaults();
        TableCommittable retype =
                stage(
                        db,
                        B,
                        2,
                        TableMode.defaults(),
                        List.of(
                                ddl("ALTER TABLE b MODIFY qty VARCHAR(20)", 150, V2, PK),
                                upsert(V2, PK, 210, row("id", 1, "qty", "many"))));
        try (WarehouseCommitter c = committer(db, fail)) {
            c.commit(requests(rows(db, A, 1, V1, 1, 10), rows(db, B, 1, V1, 1, 10, 2, 20)));
            // B's checkpoint 2 is refused (INT to VARCHAR under FAIL): quarantined, kept.
            c.commit(requests(rows(db, A, 2, V1, 1, 11), retype));
            TableCommittable b3 = rows(db, B, 3, V2, 2, "few");
            c.commit(requests(rows(db, A, 3, V1, 1, 12), b3));
            c.commit(requests(b3)); // called twice: kept once
        }
        assertThat(Rows.of(db, A)).containsExactly("1|12");
        assertThat(Rows.of(db, B)).containsExactly("1|10", "2|20");
        assertThat(
                        Rows.query(
                                db,
                                "SELECT target_table, since_checkpoint FROM public._b2r_quarantine"
                                        + " WHERE job_id = 'job-1'"))
                .containsExactly("shop.b|2");
        assertThat(
                        Rows.query(
                                db,
                                "SELECT checkpoint_id, rows_staged FROM public._b2r_quarantine_kept"
                                        + " ORDER BY 1"))
                .containsExactly("2|1", "3|1");

        // A new committer (a restart) still keeps B's committables behind the quarantine.
        try (WarehouseCommitter c = committer(db, fail)) {
            c.commit(requests(rows(db, A, 4, V1, 2, 40), rows(db, B, 4, V2, 1, "lots")));
        }
        assertThat(Rows.of(db, A)).containsExactly("1|12", "2|40");
        assertThat(Rows.of(db, B)).containsExactly("1|10", "2|20");

        // The fix (the policy) and the resume: the kept committables go first, in order.
        try (Connection conn = db.connect()) {
            conn.createStatement()
                    .executeUpdate(
                            "DELETE FROM public._b2r_quarantine WHERE job_id = 'job-1'"
                                    + " AND target_table = 'shop.b'");
        }
        SchemaPolicy toText = policy(DropColumn.KEEP, TypeChange.TO_TEXT, DropTable.IGNORE);
        try (WarehouseCommitter c = committer(db, toText)) {
            c.commit(requests(rows(db, B, 5, V2, 2, "some")));
        }
        assertThat(Rows.of(db, B)).containsExactly("1|lots", "2|some");
        assertThat(Rows.count(db, "SELECT count(*) FROM public._b2r_quarantine")).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM public._b2r_quarantine_kept")).isZero();
        assertThat(
                        Rows.query(
                                db,
                                "SELECT checkpoint_id FROM shop._b2r_commit_ledger"
                                        + " WHERE target_table = 'shop.b' ORDER BY committed_at,"
                                        + " checkpoint_id"))
                .containsExactly("1", "2", "3", "4", "5");
    }
}
