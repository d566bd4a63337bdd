package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.ColumnEvolver.idempotent;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableRename;
import io.github.binlog2redshift.sink.schema.DdlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a source RENAME TABLE on the warehouse ({@code sink.schema.rename-table=FOLLOW}): renames
 * the old name's target and its side tables to the new name's, side tables first and the target
 * last, each in autocommit.
 *
 * <p>Idempotent by the catalog, never by the statement: a rename is done when the new table exists
 * and the old one does not, so the copies of the DDL that other subtasks and replayed committables
 * bring find it done. Failure modes: a failure between two renames leaves some side tables renamed
 * and the target not; the retry renames the rest (the target is checked last for that reason). When
 * both the old and the new target exist (rows of the new name, staged by another subtask, created
 * it before this rename ran; or a user did) nothing is renamed: merging two tables is not a rename.
 */
final class TableRenamer {

    /** What following the rename found and did. */
    enum Outcome {
        RENAMED,
        /** Only the new target exists: renamed before. */
        ALREADY_DONE,
        /** Neither exists: the old name was never loaded (or was dropped). */
        NOTHING_TO_RENAME,
        BOTH_EXIST,
        /** The two targets are in different schemas, which a rename cannot cross. */
        OTHER_SCHEMA
    }

    private static final Logger LOG = LoggerFactory.getLogger(TableRenamer.class);

    private TableRenamer() {}

    /**
     * Before the rows of the new name are loaded (which would create its target): renames the old
     * name's target to it, by policy. Every outcome but a done rename is logged, none fails the
     * commit: the rows of the new name load into its target in any case.
     */
    static void follow(
            Connection c,
            SqlDialect dialect,
            CatalogReader catalog,
            SchemaPolicy.RenameTable policy,
            TargetTable t,
            SchemaChange sc,
            DdlText text)
            throws SQLException {
        TargetTable from = sc.renamedFrom();
        if (t.equals(from)) {
            return; // both names route to one target (a rule or TABLE_ONLY naming)
        }
        if (policy == SchemaPolicy.RenameTable.IGNORE || from == null) {
            LOG.warn(
                    "Table {}: source table renamed from '{}' at {}; old target {} kept"
                            + " (sink.schema.rename-table={}), rows load into {} from now on",
                    t,
                    text.renamedFrom(),
                    sc.position(),
                    from == null ? "(not loaded)" : from,
                    policy,
                    t);
            return;
        }
        Outcome outcome = rename(c, dialect, catalog, from, t);
        switch (outcome) {
            case RENAMED:
                LOG.info("Table {}: renamed from {} at {}", t, from, sc.position());
                break;
            case ALREADY_DONE:
            case NOTHING_TO_RENAME:
                LOG.info("Table {}: rename from {} at {}: {}", t, from, sc.position(), outcome);
                break;
            default:
                LOG.warn(
                        "Table {}: source rename from {} at {} not followed ({}); both are"
                                + " kept, rows load into {} from now on",
                        t,
                        from,
                        sc.position(),
                        outcome,
                        t);
                break;
        }
    }

    /** Renames {@code from} and its side tables to {@code to}'s names where that is a rename. */
    static Outcome rename(
            Connection c,
            SqlDialect dialect,
            CatalogReader catalog,
            TargetTable from,
            TargetTable to)
            throws SQLException {
        if (!from.schema().equals(to.schema())) {
            return Outcome.OTHER_SCHEMA;
        }
        List<TableRename> plan = TableRename.plan(dialect, from, to);
        TableRename target = plan.get(0);
        boolean oldExists = catalog.exists(c, target.from());
        boolean newExists = catalog.exists(c, target.to());
        if (!oldExists) {
            return newExists ? Outcome.ALREADY_DONE : Outcome.NOTHING_TO_RENAME;
        }
        if (newExists) {
            return Outcome.BOTH_EXIST;
        }
        for (TableRename side : plan.subList(1, plan.size())) {
            if (catalog.exists(c, side.from()) && !catalog.exists(c, side.to())) {
                rename(c, catalog, side);
            }
        }
        rename(c, catalog, target);
        return Outcome.RENAMED;
    }

    private static void rename(Connection c, CatalogReader catalog, TableRename r)
            throws SQLException {
        idempotent(c, r.sql(), () -> catalog.exists(c, r.to()) && !catalog.exists(c, r.from()));
    }
}
