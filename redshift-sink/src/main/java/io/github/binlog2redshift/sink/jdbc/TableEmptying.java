package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.schema.DdlText;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Source TRUNCATE and DROP TABLE: whether they empty a target (by policy and mode), what statement
 * does it, and which staged rows they make stale. Committables of one checkpoint are committed by
 * each sink subtask on its own, in no order: the subtask that got the DDL can empty the table after
 * another committed rows of changes that followed it, or before another commits rows of changes
 * that preceded it. Positions decide both ways: only rows of earlier changes are emptied, and rows
 * of earlier changes are dropped from every later stage (the schema log says how far).
 */
final class TableEmptying {

    private final SqlDialect dialect;
    private final SchemaPolicy policy;

    TableEmptying(SqlDialect dialect, SchemaPolicy policy) {
        this.dialect = dialect;
        this.policy = policy;
    }

    /**
     * The position staged rows must follow to be loaded: that of the newest TRUNCATE or DROP TABLE
     * that emptied the target, in this committable or, from the schema log, applied by another
     * subtask (whose committable of the same checkpoint can be committed before this one); null
     * when none.
     */
    String cutoff(Connection c, TableCommittable b) throws SQLException {
        String cutoff = cutoff(b);
        for (SchemaChange logged : TableLevelDdl.entries(c, dialect, b.table())) {
            DdlText.Kind k = DdlText.parse(logged.ddl()).kind();
            boolean emptied = k == DdlText.Kind.TRUNCATE_TABLE || k == DdlText.Kind.DROP_TABLE;
            // an entry of a position-less change (DMS, Canal) is no position to cut at
            if (emptied
                    && TableLevelDdl.isPosition(logged.position())
                    && (cutoff == null || logged.position().compareTo(cutoff) > 0)) {
                cutoff = logged.position();
            }
        }
        return cutoff;
    }

    /** Rows of changes before a positioned TRUNCATE; every row for inputs without positions. */
    String statement(TargetTable t, TableMode mode, SchemaChange sc) {
        boolean soft = mode.deletes() == DeleteHandling.SOFT;
        if (!TableLevelDdl.positioned(sc)) {
            return soft ? dialect.markAllDeleted(t) : dialect.deleteAll(t);
        }
        return soft
                ? dialect.markDeletedBefore(t, sc.position())
                : dialect.deleteBefore(t, sc.position());
    }

    /** The position of the last TRUNCATE or DROP TABLE in the committable, else null. */
    String cutoff(TableCommittable b) {
        String cutoff = null;
        for (SchemaChange sc : b.schemaChanges()) {
            DdlText.Kind k = DdlText.parse(sc.ddl()).kind();
            if ((k == DdlText.Kind.TRUNCATE_TABLE && truncates(b.mode()))
                    || (k == DdlText.Kind.DROP_TABLE
                            && policy.dropTable() == SchemaPolicy.DropTable.DROP)) {
                cutoff = sc.position().isEmpty() ? cutoff : sc.position();
            }
        }
        return cutoff;
    }

    boolean truncates(TableMode mode) {
        return policy.truncateTable() == SchemaPolicy.TruncateTable.APPLY
                && mode.writesTarget()
                && mode.deletes() != DeleteHandling.SKIP;
    }
}
