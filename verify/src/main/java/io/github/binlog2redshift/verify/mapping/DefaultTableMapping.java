package io.github.binlog2redshift.verify.mapping;

import io.github.binlog2redshift.event.TableId;
import java.util.Locale;
import java.util.Map;

/**
 * The sink's naming rules, mirrored: explicit {@code db.table=schema.table} overrides first, then
 * one of the sink's three namings, names in lower case (PostgreSQL and Redshift fold unquoted
 * identifiers). The sink's own {@code TableNaming} lives in redshift-sink, whose Flink dependencies
 * do not belong in this jar; once it moves to common this class delegates to it.
 */
public final class DefaultTableMapping implements TableMapping {

    /** Mirrors redshift-sink's {@code TableNaming}, same names and meaning. */
    public enum Naming {
        /** schema = source database, table = source table (the sink's default) */
        SCHEMA_PER_DATABASE,
        /** the configured schema, table = {@code <database>_<table>} */
        DATABASE_PREFIX,
        /** the configured schema, table = source table */
        TABLE_ONLY
    }

    private final Naming naming;
    private final String schema;
    private final Map<String, TargetName> overrides;

    /**
     * @param schema the target schema of DATABASE_PREFIX and TABLE_ONLY
     * @param overrides {@code db.table} to target, exact names
     */
    public DefaultTableMapping(Naming naming, String schema, Map<String, TargetName> overrides) {
        if (naming != Naming.SCHEMA_PER_DATABASE && (schema == null || schema.isBlank())) {
            throw new IllegalArgumentException(
                    "table naming " + naming + " needs a target schema, got '" + schema + "'");
        }
        this.naming = naming;
        this.schema = schema;
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public TargetName targetOf(TableId source) {
        TargetName explicit = overrides.get(source.database() + "." + source.table());
        if (explicit != null) {
            return explicit;
        }
        return switch (naming) {
            case SCHEMA_PER_DATABASE ->
                    new TargetName(lower(source.database()), lower(source.table()));
            case DATABASE_PREFIX ->
                    new TargetName(schema, lower(source.database() + "_" + source.table()));
            case TABLE_ONLY -> new TargetName(schema, lower(source.table()));
        };
    }

    /** Parses {@code schema.table} (a target name given on the command line). */
    public static TargetName parseTarget(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException(
                    "expected a target table as schema.table, got '" + text + "'");
        }
        return new TargetName(text.substring(0, dot), text.substring(dot + 1));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
