package io.github.binlog2redshift.config.sink;

import java.util.Locale;

/**
 * How a source {@code db.table} is named in the target ({@code sink.target-naming}), unless a
 * {@code sink.tables} rule names it. Names are lower-cased, as Redshift folds unquoted names.
 */
public enum TargetNaming {
    /**
     * {@code <schema>.<db>__<table>}: one schema, databases kept apart (same-named tables of two
     * databases do not collide, REFERENCE.md bug 7).
     */
    DB_TABLE,
    /** {@code <db>.<table>}: one target schema per source database. */
    SCHEMA_PER_DATABASE,
    /** {@code <schema>.<table>}: merges same-named tables (sharded databases) into one. */
    TABLE_ONLY;

    /**
     * @param schema the configured schema ({@code sink.redshift.schema})
     */
    public TargetTable resolve(String schema, String db, String table) {
        String d = db.toLowerCase(Locale.ROOT);
        String t = table.toLowerCase(Locale.ROOT);
        return switch (this) {
            case DB_TABLE -> new TargetTable(schema, d + "__" + t);
            case SCHEMA_PER_DATABASE -> new TargetTable(d, t);
            case TABLE_ONLY -> new TargetTable(schema, t);
        };
    }
}
