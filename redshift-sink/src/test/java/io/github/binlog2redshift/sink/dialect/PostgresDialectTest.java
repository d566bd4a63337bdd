package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresDialectTest {

    private final PostgresDialect dialect = new PostgresDialect();

    @Test
    void createsTableAndTombstonesWithoutRedshiftOptions() {
        assertThat(dialect.createTable(Shapes.orders(), TableMode.defaults()))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" (\"id\" BIGINT NOT NULL,"
                                + " \"note\" VARCHAR(100), \"_b2r_pos\" VARCHAR(40),"
                                + " \"_b2r_ts\" TIMESTAMPTZ, PRIMARY KEY (\"id\"))");
        assertThat(dialect.createTable(Shapes.weird(), TableMode.defaults()))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"we\"\"ird\".\"line \"\"items\""
                                + " (\"order\"\"id\" INTEGER NOT NULL, \"Line\" INTEGER NOT NULL,"
                                + " \"qty\" NUMERIC(12,3), \"_b2r_pos\" VARCHAR(40),"
                                + " \"_b2r_ts\" TIMESTAMPTZ, PRIMARY KEY (\"order\"\"id\", \"Line\"))");
        assertThat(dialect.createTombstoneTable(Shapes.orders(), TableMode.defaults()))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders_b2r_deleted\""
                                + " (\"id\" BIGINT NOT NULL, \"_b2r_pos\" VARCHAR(40) NOT NULL,"
                                + " PRIMARY KEY (\"id\"))");
    }

    @Test
    void addColumnLedgerAndCopy() {
        assertThat(
                        dialect.addColumn(
                                new TargetTable("shop", "orders"),
                                ColumnDef.of("doc", "JSON", null, null, false)))
                .isEqualTo("ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"doc\" JSONB");
        assertThat(dialect.ledgerInsert("shop"))
                .endsWith(" VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())");
        assertThat(dialect.copyFromStdin(SqlDialect.stagedColumns(List.of("id", "no\"te"))))
                .isEqualTo(
                        "COPY \"_b2r_stage\" (\"_b2r_op\", \"_b2r_pos\", \"_b2r_ts\", \"id\", \"no\"\"te\")"
                                + " FROM STDIN WITH (FORMAT csv, NULL '\\N')");
        assertThat(dialect.binaryPrefix()).isEqualTo("\\x");
    }
}
