package io.github.binlog2redshift.verify.mapping;

import io.github.binlog2redshift.event.TableId;
import java.util.Locale;
import java.util.Map;

/**
 * The naming used until the sink's mapping class lands: explicit {@code db.table=schema.table}
 * overrides first; otherwise the source database becomes the target schema (or every table goes to
 * one fixed schema when one is given), names in lower case because PostgreSQL and Redshift fold
 * unquoted identifiers to lower case. One schema per database keeps same-named tables of two
 * databases apart.
 */
public final class DefaultTableMapping implements TableMapping {

    private final String fixedSchema;
    private final Map<String, TargetName> overrides;

    /**
     * @param fixedSchema the schema for every table, or {@code null} for one schema per database
     * @param overrides {@code db.table} to target, exact names
     */
    public DefaultTableMapping(String fixedSchema, Map<String, TargetName> overrides) {
        this.fixedSchema = fixedSchema;
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public TargetName targetOf(TableId source) {
        TargetName explicit = overrides.get(source.database() + "." + source.table());
        if (explicit != null) {
            return explicit;
        }
        String schema =
                fixedSchema != null ? fixedSchema : source.database().toLowerCase(Locale.ROOT);
        return new TargetName(schema, source.table().toLowerCase(Locale.ROOT));
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
}
