package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.Locale;

/**
 * How a source table's name becomes a warehouse table's when no rule names the target. Names are
 * lower-cased: Redshift folds unquoted identifiers to lower case, so mixed-case names would
 * otherwise need quoting everywhere.
 */
public enum TableNaming {
    /**
     * The default: schema = the source database, table = the source table. Two databases' tables of
     * the same name can never meet (the reference's bug 7), and the mapping is reversible. The
     * warehouse schemas must exist or be creatable.
     */
    SCHEMA_PER_DATABASE,
    /**
     * All tables in the configured schema, named {@code <database>_<table>}. Unique unless names
     * themselves contain underscores at the seam ({@code a_b.c} and {@code a.b_c}).
     */
    DATABASE_PREFIX,
    /**
     * All tables in the configured schema under their own name: what the reference did. Tables of
     * the same name in different databases merge into one (meant for sharded databases).
     */
    TABLE_ONLY;

    public TargetTable target(TableId source, String configuredSchema) {
        return switch (this) {
            case SCHEMA_PER_DATABASE ->
                    new TargetTable(lower(source.database()), lower(source.table()));
            case DATABASE_PREFIX ->
                    new TargetTable(
                            configuredSchema, lower(source.database() + "_" + source.table()));
            case TABLE_ONLY -> new TargetTable(configuredSchema, lower(source.table()));
        };
    }

    /** The schema a rule's unqualified {@code target-table} lands in. */
    public String schemaFor(TableId source, String configuredSchema) {
        return this == SCHEMA_PER_DATABASE ? lower(source.database()) : configuredSchema;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
