package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.dialect.TableShape;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table shapes one committer has verified against the catalog, so that a steady-state commit
 * (same staged columns, key and mode as last time, no schema change) issues no {@code
 * information_schema} query: those were about a fifth of the committer's time per table per
 * checkpoint (see benchmarks/README.md).
 *
 * <p>An entry is the verified result of the DDL path for one staged shape; it is used only while a
 * committable carries no schema change and the same shape and mode. It is dropped when an apply of
 * the table fails, and {@link #isSchemaError} tells the executor when a failure may come from a
 * stale entry (the table changed behind this committer's back: another subtask's DDL, or a user),
 * so it re-runs the apply once through the catalog. Shared by the committer's sessions; one per
 * committer instance, so a restarted job always starts from the catalog.
 */
public final class ShapeCache {

    private static final class Entry {
        private final TableShape shape;
        private final TableMode mode;
        private final List<CatalogColumn> base;

        Entry(TableShape shape, TableMode mode, List<CatalogColumn> base) {
            this.shape = shape;
            this.mode = mode;
            this.base = base;
        }
    }

    private final Map<TargetTable, Entry> entries = new ConcurrentHashMap<>();

    /** The verified base columns for {@code b}, or null when the catalog must be read. */
    public List<CatalogColumn> lookup(TableCommittable b) {
        if (!b.schemaChanges().isEmpty()) {
            return null;
        }
        Entry e = entries.get(b.table());
        TableShape shape = b.shape();
        if (e == null || shape == null || !e.shape.equals(shape) || !e.mode.equals(b.mode())) {
            return null;
        }
        return e.base;
    }

    /**
     * Remembers the DDL path's verified result for {@code b}'s shape. Only for committables with
     * rows: an empty one may skip side tables (e.g. tombstones of a user-managed table) that a
     * later one with rows needs.
     */
    public void remember(TableCommittable b, List<CatalogColumn> base) {
        TableShape shape = b.shape();
        if (shape == null || b.files().isEmpty() || base.isEmpty()) {
            return;
        }
        entries.put(b.table(), new Entry(shape, b.mode(), List.copyOf(base)));
    }

    public void forget(TargetTable table) {
        entries.remove(table);
    }

    /**
     * SQLSTATE class 42 (undefined column or table, datatype mismatch): what a merge planned from a
     * stale shape fails with.
     */
    public static boolean isSchemaError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                String state = ((SQLException) c).getSQLState();
                if (state != null && state.startsWith("42")) {
                    return true;
                }
            }
        }
        return false;
    }
}
