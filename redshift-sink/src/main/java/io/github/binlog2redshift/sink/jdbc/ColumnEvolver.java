package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnRebuild;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import io.github.binlog2redshift.sink.schema.SchemaAction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SchemaAction} against a table, idempotently: each statement's effect is read back
 * from the catalog, and a statement that fails while its effect is present (another attempt, a
 * failover, a concurrent subtask did it) counts as done. The connection is in autocommit, so
 * statements Redshift refuses inside a transaction block (ALTER COLUMN TYPE) run as they must.
 */
final class ColumnEvolver {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnEvolver.class);

    private final SqlDialect dialect;
    private final CatalogReader catalog;

    ColumnEvolver(SqlDialect dialect, CatalogReader catalog) {
        this.dialect = dialect;
        this.catalog = catalog;
    }

    void run(Connection c, TargetTable t, SchemaAction action) throws SQLException {
        LOG.info("Table {}: {}", t, action);
        action.accept(new Steps(c, t));
    }

    /** The statements of each kind of action, against one table over one connection. */
    private final class Steps implements SchemaAction.Visitor<Void, SQLException> {

        private final Connection c;
        private final TargetTable t;

        Steps(Connection c, TargetTable t) {
            this.c = c;
            this.t = t;
        }

        @Override
        public Void visit(SchemaAction.AddColumn a) throws SQLException {
            idempotent(
                    c, dialect.addColumn(t, a.source()), () -> type(c, t, a.column()).isPresent());
            return null;
        }

        @Override
        public Void visit(SchemaAction.DropColumn d) throws SQLException {
            idempotent(
                    c, dialect.dropColumn(t, d.column()), () -> type(c, t, d.column()).isEmpty());
            return null;
        }

        @Override
        public Void visit(SchemaAction.RenameColumn r) throws SQLException {
            try {
                idempotent(
                        c,
                        dialect.renameColumn(t, r.from(), r.column()),
                        () -> type(c, t, r.from()).isEmpty() && type(c, t, r.column()).isPresent());
            } catch (SQLException e) {
                if (type(c, t, r.from()).isEmpty() || type(c, t, r.column()).isEmpty()) {
                    throw e;
                }
                // Rows of another subtask added the new name meanwhile.
                mergeRenamed(c, t, new SchemaAction.MergeRenamedColumn(r.from(), r.column()));
            }
            return null;
        }

        @Override
        public Void visit(SchemaAction.MergeRenamedColumn m) throws SQLException {
            mergeRenamed(c, t, m);
            return null;
        }

        @Override
        public Void visit(SchemaAction.ChangeType ct) throws SQLException {
            changeType(c, t, ct);
            return null;
        }
    }

    /**
     * Fill and drop in one transaction behind an exclusive lock: another subtask may be loading
     * rows into the old column right now, and a fill that ran before its commit would miss them
     * while the drop, waiting for that commit, would then lose them.
     */
    private void mergeRenamed(Connection c, TargetTable t, SchemaAction.MergeRenamedColumn m)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(dialect.lockTable(t));
            if (type(c, t, m.from()).isPresent()) {
                st.execute(dialect.fillRenamedColumn(t, m.from(), m.column()));
                st.execute(dialect.dropColumn(t, m.from()));
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void changeType(Connection c, TargetTable t, SchemaAction.ChangeType ct)
            throws SQLException {
        ColumnType to = ColumnType.parse(ct.to());
        if (dialect.altersTypeInPlace(ct.from(), to)) {
            idempotent(
                    c,
                    dialect.alterColumnType(t, ct.column(), ct.to()),
                    () -> hasType(c, t, ct.column(), to));
            return;
        }
        ColumnRebuild r = dialect.rebuildColumn(t, ct.column(), ct.from(), ct.to());
        // All of it in one transaction behind the table's exclusive lock, the catalog read again
        // under it: subtasks rebuilding the same column (each planned it from the catalog before
        // another finished) run one after the other, and the later finds the change done. With
        // the temporary column added outside the lock, two rebuilds deadlocked, and the retry
        // left the loser's temporary column in the table (issue 15). Redshift runs ALTER TABLE
        // ADD/DROP/RENAME COLUMN inside a transaction block and holds the table's lock until it
        // ends (https://docs.aws.amazon.com/redshift/latest/dg/r_ALTER_TABLE.html).
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(dialect.lockTable(t));
            boolean tempPresent = type(c, t, r.tempColumn()).isPresent();
            if (hasType(c, t, ct.column(), to)) {
                LOG.info("Table {}: {} already done elsewhere", t, ct);
                if (tempPresent) {
                    // left by a rebuild that failed before its rename (a crash)
                    st.execute(dialect.dropColumn(t, r.tempColumn()));
                }
            } else {
                if (!tempPresent) {
                    st.execute(r.addTemp());
                }
                if (type(c, t, ct.column()).isPresent()) {
                    st.execute(r.copy());
                    st.execute(r.dropOld());
                }
                st.execute(r.renameTemp());
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private boolean hasType(Connection c, TargetTable t, String column, ColumnType want)
            throws SQLException {
        Optional<ColumnType> now = type(c, t, column);
        return now.isPresent()
                && now.get().family() == want.family()
                && (want.size() == null || want.size().equals(now.get().size()));
    }

    Optional<ColumnType> type(Connection c, TargetTable t, String column) throws SQLException {
        List<CatalogColumn> cols = catalog.columns(c, t);
        return cols.stream()
                .filter(x -> x.name().equals(column))
                .map(CatalogColumn::type)
                .findFirst();
    }

    static void idempotent(Connection c, String sql, Check done) throws SQLException {
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
        if (!done.holds()) {
            throw new SQLException(
                    "'" + sql + "' ran but its effect is not visible in information_schema");
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws SQLException;
    }
}
