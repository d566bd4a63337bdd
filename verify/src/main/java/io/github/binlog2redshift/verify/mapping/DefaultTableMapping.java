package io.github.binlog2redshift.verify.mapping;

import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.config.sink.TargetTable;
import io.github.binlog2redshift.event.TableId;
import java.util.Map;

/**
 * The sink's naming rules: explicit {@code db.table=schema.table} overrides first, then the sink's
 * own {@link TargetNaming} ({@code sink.target-naming}), so verify looks exactly where the sink
 * writes: {@code DB_TABLE} is {@code <schema>.<db>__<table>}, names in lower case.
 */
public final class DefaultTableMapping implements TableMapping {

    private final TargetNaming naming;
    private final String schema;
    private final Map<String, TargetName> overrides;

    /**
     * @param schema the target schema of DB_TABLE and TABLE_ONLY ({@code sink.redshift.schema})
     * @param overrides {@code db.table} to target, exact names
     */
    public DefaultTableMapping(
            TargetNaming naming, String schema, Map<String, TargetName> overrides) {
        if (naming != TargetNaming.SCHEMA_PER_DATABASE && (schema == null || schema.isBlank())) {
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
        TargetTable t = naming.resolve(schema, source.database(), source.table());
        return new TargetName(t.schema(), t.table());
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
