package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.ColumnEvolver.idempotent;

import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.dialect.TableShape;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import io.github.binlog2redshift.sink.schema.DdlText;
import io.github.binlog2redshift.sink.schema.SchemaAction;
import io.github.binlog2redshift.sink.schema.SchemaEvolution;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's column-level evolution for {@link SchemaApplier}: create it when missing, else plan
 * and run the renames, drops, adds and widenings its shape needs, then read it back and plan again
 * until nothing is left (a few rounds: each only follows what other subtasks changed meanwhile),
 * failing when anything is still to do.
 */
final class TableEvolution {

    private static final Logger LOG = LoggerFactory.getLogger(TableEvolution.class);

    /** Plans run before the table must match: the first, then one per concurrent change met. */
    private static final int ROUNDS = 3;

    private final SqlDialect dialect;
    private final SchemaPolicy policy;
    private final CatalogReader catalog;
    private final ColumnEvolver evolver;

    TableEvolution(
            SqlDialect dialect, SchemaPolicy policy, CatalogReader catalog, ColumnEvolver evolver) {
        this.dialect = dialect;
        this.policy = policy;
        this.catalog = catalog;
        this.evolver = evolver;
    }

    /** Creates {@code table} or brings its columns in line with {@code shape}'s. */
    void evolve(
            Connection c,
            TableShape shape,
            TableMode mode,
            DdlText text,
            TargetTable table,
            boolean isTarget)
            throws SQLException {
        List<CatalogColumn> cols = catalog.columns(c, table);
        if (cols.isEmpty()) {
            String create =
                    isTarget
                            ? dialect.createTable(shape, mode)
                            : table.equals(shape.archiveTable())
                                    ? dialect.createArchiveTable(shape, mode)
                                    : dialect.createHistoryTable(shape, mode);
            LOG.info("Creating table {} with {} columns", table, shape.columns().size());
            idempotent(c, create, () -> catalog.exists(c, table));
            return;
        }
        List<String> key = isTarget ? shape.key() : List.of();
        if (isTarget && text.renames().isEmpty()) {
            // The catalog was read first: a rename that ran since was logged before it ran.
            shape = TableLevelDdl.withoutRenamedAway(c, dialect, shape, cols);
        }
        DdlText planned = text;
        for (int round = 1; ; round++) {
            List<SchemaAction> plan = plan(c, table, cols, shape, planned, key);
            if (plan.isEmpty()) {
                break;
            }
            if (round > ROUNDS) {
                // Transient, not the table's own failure: a retry on a fresh transaction plans
                // again, and when retries run out the job restarts instead of quarantining a
                // table that a retry would have fixed.
                throw new SQLTransientException(
                        "table "
                                + table
                                + " does not match its source after the schema changes; still to"
                                + " do: "
                                + plan);
            }
            for (SchemaAction a : plan) {
                evolver.run(c, table, a);
            }
            // Read back and plan again: another subtask may have changed the table between the
            // read this plan came from and its statements (it added a column at the width of an
            // earlier change, which this plan's ADD then found in place: issue 15). The
            // statement's renames have run; what is left is planned against the columns alone.
            cols = catalog.columns(c, table);
            planned = DdlText.parse("");
            if (isTarget && text.renames().isEmpty()) {
                // A rename another subtask ran meanwhile took this shape's old name away: it
                // must not be added back (the row's value belongs in the renamed column).
                shape = TableLevelDdl.withoutRenamedAway(c, dialect, shape, cols);
            }
        }
        if (isTarget && mode.deletes() == DeleteHandling.SOFT) {
            addHidden(c, table, ReservedNames.DELETED, "BOOLEAN");
            addHidden(c, table, ReservedNames.DELETED_AT, "TIMESTAMPTZ");
        }
    }

    /**
     * The actions that bring {@code cols} in line with {@code shape}; planned again knowing the
     * table's DISTKEY and SORTKEY columns when one drops a column or changes a type.
     */
    private List<SchemaAction> plan(
            Connection c,
            TargetTable table,
            List<CatalogColumn> cols,
            TableShape shape,
            DdlText text,
            List<String> key)
            throws SQLException {
        List<SchemaAction> plan =
                SchemaEvolution.plan(table, cols, shape.columns(), text, key, dialect, policy);
        if (plan.stream().anyMatch(TableEvolution::needsLayout)) {
            // Read only now, when a drop or a copy might touch a DISTKEY/SORTKEY column.
            plan =
                    SchemaEvolution.plan(
                            table,
                            catalog.withLayout(c, table, cols),
                            shape.columns(),
                            text,
                            key,
                            dialect,
                            policy);
        }
        return plan;
    }

    /**
     * Actions that drop a column or change its type: Redshift cannot drop a DISTKEY or SORTKEY
     * column, so they are planned again knowing which columns those are.
     */
    private static boolean needsLayout(SchemaAction a) {
        return a.accept(DROPS_OR_COPIES);
    }

    private static final SchemaAction.Visitor<Boolean, RuntimeException> DROPS_OR_COPIES =
            new SchemaAction.Visitor<>() {
                @Override
                public Boolean visit(SchemaAction.AddColumn a) {
                    return false;
                }

                @Override
                public Boolean visit(SchemaAction.DropColumn d) {
                    return true;
                }

                @Override
                public Boolean visit(SchemaAction.RenameColumn r) {
                    return false;
                }

                @Override
                public Boolean visit(SchemaAction.MergeRenamedColumn m) {
                    return true;
                }

                @Override
                public Boolean visit(SchemaAction.ChangeType ct) {
                    return true;
                }
            };

    private void addHidden(Connection c, TargetTable t, String name, String type)
            throws SQLException {
        if (!catalog.names(c, t).contains(name)) {
            evolver.run(
                    c,
                    t,
                    new SchemaAction.AddColumn(ColumnDef.of(name, type, null, null, true), type));
        }
    }
}
