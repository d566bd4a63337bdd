package io.github.binlog2redshift.sink.route;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Per-table settings that matter to routing: which source tables (regexes matched against the whole
 * database and table name, never a substring: the reference's bug 2), the target table ({@code
 * schema.table} or {@code table}; null for the naming default) and the key columns for tables whose
 * events name none (null or empty: none).
 */
public record RouteRule(
        Pattern database, Pattern table, String targetTable, List<String> primaryKey)
        implements Serializable {

    public RouteRule {
        Objects.requireNonNull(database, "database pattern");
        Objects.requireNonNull(table, "table pattern");
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        if (targetTable != null
                && (targetTable.isBlank() || targetTable.split("\\.", -1).length > 2)) {
            throw new IllegalArgumentException(
                    "target table must be 'table' or 'schema.table', got '" + targetTable + "'");
        }
    }

    public static RouteRule of(String database, String table, String targetTable, String... pk) {
        return new RouteRule(
                Pattern.compile(database), Pattern.compile(table), targetTable, List.of(pk));
    }

    public boolean matches(String db, String tbl) {
        return database.matcher(db).matches() && table.matcher(tbl).matches();
    }
}
