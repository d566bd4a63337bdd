package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A binlog history that starts over (failover to another server, RESET MASTER) under a raised
 * {@code source.position-epoch}: changes of the new epoch at small binlog positions win over rows
 * and tombstones written at large positions of the old one, and changes of the old epoch that
 * arrive late lose, through the merge's position guard on each warehouse.
 */
@ExtendWith(LocalStackExtension.class)
class PositionEpochITCase {

    static final List<String> PK = List.of("id");
    static final List<ColumnDef> COLS =
            List.of(col("id", "INT", null, null), col("v", "VARCHAR", 10, null));

    @TempDir Path dir;

    static SourcePosition at(int epoch, String file, long position) {
        return SourcePosition.binlog(7, file, position, 0, null, false, 1_700_000_000_000L)
                .withEpoch(epoch);
    }

    static ChangeEvent upsert(SourcePosition p, int id, String v) {
        return ChangeEvent.insert(StagedBatches.SOURCE, row("id", id, "v", v), p, 0, PK, COLS);
    }

    static ChangeEvent delete(SourcePosition p, int id, String v) {
        return ChangeEvent.delete(StagedBatches.SOURCE, row("id", id, "v", v), p, 0, PK, COLS);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aNewEpochWinsOverLargeOldPositionsAndLateOldChangesLose(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        String old = "mysql-bin.000900";
        String fresh = "mysql-bin.000001";
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            // the old server's history, far into its binlog; key 3 ends as a tombstone
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(
                                    upsert(at(0, old, 9_000_000), 1, "old1"),
                                    upsert(at(0, old, 9_000_001), 2, "old2"),
                                    upsert(at(0, old, 9_000_002), 3, "old3"),
                                    upsert(at(0, old, 9_000_003), 4, "old4"))));
            s.apply(stage(db, ORDERS, 2, m, List.of(delete(at(0, old, 9_000_010), 3, "old3"))));
            // the new server's binlog starts over; the operator raised the epoch to 1
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            m,
                            List.of(
                                    upsert(at(1, fresh, 4), 1, "new1"),
                                    upsert(at(1, fresh, 5), 3, "new3"),
                                    delete(at(1, fresh, 6), 4, "old4"))));
            // changes of the old history arriving late, at positions beyond all of the above
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            4,
                            m,
                            List.of(
                                    upsert(at(0, old, 9_500_000), 1, "late1"),
                                    delete(at(0, old, 9_500_001), 3, "new3"),
                                    upsert(at(0, old, 9_500_002), 4, "late4"))));
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|new1", "2|old2", "3|new3");
        assertThat(Rows.query(db, "SELECT _b2r_pos AS pos FROM shop.orders WHERE id = 1"))
                .containsExactly(at(1, fresh, 4).sortKey());
    }
}
