package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.columns;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.dialect.TableShape;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The type change by copy that Redshift needs for everything but VARCHAR widening (add a column,
 * copy with a cast, drop, rename), including a resume after a failover left the temporary column
 * behind: on Redshift through its own dialect, on PostgreSQL through one that refuses in-place
 * changes.
 */
@ExtendWith(LocalStackExtension.class)
class CopyRetypeITCase {

    static final List<String> PK = List.of("id");
    static final List<ColumnDef> V1 =
            List.of(
                    col("id", "INT", null, null),
                    col("n", "SMALLINT", null, null),
                    col("amount", "DECIMAL", 6, 2));
    static final List<ColumnDef> V2 =
            List.of(
                    col("id", "INT", null, null),
                    col("n", "BIGINT", null, null),
                    col("amount", "DECIMAL", 12, 3));

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void widensByCopyAndResumesFromALeftoverTemporaryColumn(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s =
                Evolving.session(
                        db, db.either(new CopyRetyping(), db.dialect()), SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            TableMode.defaults(),
                            List.of(
                                    upsert(
                                            V1,
                                            PK,
                                            10,
                                            row("id", 1, "n", 7, "amount", "1234.56")))));
            try (Connection c = db.connect()) {
                // A failover after the first step of an earlier attempt:
                c.createStatement().execute("ALTER TABLE shop.orders ADD COLUMN n__b2r_new BIGINT");
            }
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            TableMode.defaults(),
                            List.of(
                                    ddl(
                                            "ALTER TABLE orders MODIFY n BIGINT, MODIFY amount DECIMAL(12,3)",
                                            20,
                                            V2,
                                            PK),
                                    upsert(
                                            V2,
                                            PK,
                                            30,
                                            row(
                                                    "id",
                                                    2,
                                                    "n",
                                                    9_000_000_000L,
                                                    "amount",
                                                    "123456789.125")))));
        }
        // The copied columns move to the end, as on Redshift; the merge writes by name.
        assertThat(columns(db, ORDERS))
                .containsExactly("id integer", "n bigint", "amount numeric(12,3)");
        assertThat(Rows.query(db, "SELECT id, n, amount FROM shop.orders ORDER BY id"))
                .containsExactly("1|7|1234.560", "2|9000000000|123456789.125");
    }

    /** PostgreSQL, but every type change goes by copy, as on Redshift. */
    static final class CopyRetyping implements SqlDialect {
        private final PostgresDialect pg = new PostgresDialect();

        @Override
        public String columnType(ColumnDef c) {
            return pg.columnType(c);
        }

        @Override
        public String createTable(TableShape s, TableMode m) {
            return pg.createTable(s, m);
        }

        @Override
        public String createTombstoneTable(TableShape s, TableMode m) {
            return pg.createTombstoneTable(s, m);
        }

        @Override
        public String createArchiveTable(TableShape s, TableMode m) {
            return pg.createArchiveTable(s, m);
        }

        @Override
        public String createHistoryTable(TableShape s, TableMode m) {
            return pg.createHistoryTable(s, m);
        }

        @Override
        public String unboundedText() {
            return pg.unboundedText();
        }

        @Override
        public String decimalType(int p, int s) {
            return pg.decimalType(p, s);
        }

        @Override
        public int maxDecimalPrecision() {
            return pg.maxDecimalPrecision();
        }

        @Override
        public boolean altersTypeInPlace(ColumnType from, ColumnType to) {
            return false;
        }

        @Override
        public boolean changesKeyColumnTypes() {
            return true;
        }

        @Override
        public String alterColumnType(TargetTable t, String c, String type) {
            throw new AssertionError("in place");
        }

        @Override
        public String currentTimestamp() {
            return pg.currentTimestamp();
        }

        @Override
        public String binaryPrefix() {
            return pg.binaryPrefix();
        }

        @Override
        public String binaryMarker() {
            return pg.binaryMarker();
        }
    }
}
