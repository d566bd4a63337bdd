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
    DB_TABLE {
        @Override
        TargetTable name(String schema, String db, String table) {
            return new TargetTable(schema, db + "__" + table);
        }
    },
    /** {@code <db>.<table>}: one target schema per source database. */
    SCHEMA_PER_DATABASE {
        @Override
        TargetTable name(String schema, String db, String table) {
            return new TargetTable(db, table);
        }
    },
    /** {@code <schema>.<table>}: merges same-named tables (sharded databases) into one. */
    TABLE_ONLY {
        @Override
        TargetTable name(String schema, String db, String table) {
            return new TargetTable(schema, table);
        }
    };

    /**
     * @param schema the configured schema ({@code sink.redshift.schema})
     */
    public TargetTable resolve(String schema, String db, String table) {
        return name(schema, db.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT));
    }

    /** The target name of {@code db.table}, both already lower-cased. */
    abstract TargetTable name(String schema, String db, String table);
}
