package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a table's DDL in line with the staged data before the merge, outside its transaction
 * (Redshift runs some ALTER forms only outside a transaction block, and DDL kept apart from data
 * keeps the merge short): creates the schema, the ledger, the table and its tombstones when
 * missing, and adds columns the staged data has and the table lacks. Columns are never dropped or
 * retyped here; that policy belongs to the schema-evolution work.
 *
 * <p>Every statement is idempotent and verified: when one fails, the catalog is read back, and if
 * the object is there (another attempt or a failover created it) that counts as success.
 *
 * <p>Holds per-session caches (schemas and tables already checked); one instance per connection.
 */
public final class SchemaApplier {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaApplier.class);

    private final SqlDialect dialect;
    private final Set<String> readySchemas = new HashSet<>();
    private final Set<TargetTable> readyTables = new HashSet<>();

    public SchemaApplier(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Ensures schema, ledger, table, tombstones and columns; the connection is in autocommit. */
    public void ensure(Connection c, TableShape shape) throws SQLException {
        String schema = shape.table().schema();
        if (!readySchemas.contains(schema)) {
            idempotent(c, dialect.createSchema(schema), () -> schemaExists(c, schema));
            idempotent(
                    c,
                    dialect.createLedger(schema),
                    () -> !columns(c, schema, ReservedNames.LEDGER_TABLE).isEmpty());
            readySchemas.add(schema);
        }
        TargetTable t = shape.table();
        List<String> existing = columns(c, schema, t.name());
        if (existing.isEmpty()) {
            LOG.info("Creating table {} with {} columns", t, shape.columns().size());
            idempotent(
                    c, dialect.createTable(shape), () -> !columns(c, schema, t.name()).isEmpty());
            existing = columns(c, schema, t.name());
        }
        if (!readyTables.contains(t)) {
            TargetTable tomb = shape.tombstoneTable();
            idempotent(
                    c,
                    dialect.createTombstoneTable(shape),
                    () -> !columns(c, schema, tomb.name()).isEmpty());
            readyTables.add(t);
        }
        for (ColumnDef col : shape.columns()) {
            if (!existing.contains(col.name())) {
                LOG.info("Adding column {} {} to {}", col.name(), col.type(), t);
                idempotent(
                        c,
                        dialect.addColumn(t, col),
                        () -> columns(c, schema, t.name()).contains(col.name()));
            }
        }
    }

    /** The table's column names in order; empty when the table does not exist. */
    List<String> columns(Connection c, String schema, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(dialect.selectColumns())) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void idempotent(Connection c, String sql, Check done) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            if (done.holds()) {
                LOG.info(
                        "'{}' failed but its effect is present; treated as done: {}",
                        sql,
                        e.getMessage());
                return;
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws SQLException;
    }
}
