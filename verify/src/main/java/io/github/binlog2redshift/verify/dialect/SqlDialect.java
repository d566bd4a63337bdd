package io.github.binlog2redshift.verify.dialect;

import io.github.binlog2redshift.verify.canon.ValueKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the few statements verify runs, as text. Both sides must return rows in the same key
 * order, so text key columns are sorted and compared by code point on every side ({@link
 * #keyExpression}); range bounds are expanded into AND/OR form because Redshift has no row-value
 * comparison {@code (a, b) > (?, ?)}.
 */
public abstract class SqlDialect {

    /** Quotes an identifier. */
    public abstract String quote(String identifier);

    /** A key column as it must be sorted and compared: with a binary collation for text. */
    public abstract String keyExpression(String quotedColumn, ValueKind kind);

    /**
     * A column as it must be selected to read its exact value as text; the column itself unless a
     * dialect's text form loses information.
     */
    public String valueExpression(String quotedColumn, ValueKind kind) {
        return quotedColumn;
    }

    /**
     * Statements that make a warehouse session print values the way they are compared: UTC, so
     * TIMESTAMPTZ prints as UTC text, like the source.
     */
    public List<String> sessionSettings() {
        return List.of("SET TIME ZONE 'UTC'");
    }

    /** The predicate "soft-delete flag not set", for a boolean column. */
    public String notSoftDeleted(String column) {
        return "COALESCE(" + quote(column) + ", FALSE) = FALSE";
    }

    public String count(ScanSpec spec) {
        return "SELECT COUNT(*) FROM " + table(spec) + where(spec, List.of());
    }

    /**
     * Rows in key order (unordered when the spec has no key), optionally restricted to keys {@code
     * > lower} and {@code <= upper}; the parameters are the key values in the order {@link
     * #boundParameterOrder} gives, lower bound first.
     */
    public String select(ScanSpec spec, boolean lower, boolean upper) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < spec.keySize(); i++) {
            keys.add(keyExpression(quote(spec.columns().get(i)), spec.keyKinds().get(i)));
        }
        List<String> predicates = new ArrayList<>();
        if (lower) {
            predicates.add(lexicographic(keys, ">", ">"));
        }
        if (upper) {
            predicates.add(lexicographic(keys, "<", "<="));
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < spec.columns().size(); i++) {
            String column = quote(spec.columns().get(i));
            selected.add(
                    spec.columnKinds().isEmpty()
                            ? column
                            : valueExpression(column, spec.columnKinds().get(i)));
        }
        sql.append(String.join(", ", selected));
        sql.append(" FROM ").append(table(spec)).append(where(spec, predicates));
        if (!keys.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", keys));
        }
        return sql.toString();
    }

    /**
     * Indexes of the key values to bind for one bound, in placeholder order: for keys (a, b) the
     * predicate {@code a > ? OR (a = ? AND b > ?)} takes a, a, b.
     */
    public static List<Integer> boundParameterOrder(int keySize) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keySize; i++) {
            for (int j = 0; j <= i; j++) {
                order.add(j);
            }
        }
        return order;
    }

    private static String lexicographic(List<String> keys, String strict, String last) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(keys.get(j) + " = ?");
            }
            terms.add(keys.get(i) + " " + (i == keys.size() - 1 ? last : strict) + " ?");
            alternatives.add(
                    terms.size() == 1 ? terms.get(0) : "(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private String table(ScanSpec spec) {
        return quote(spec.schema()) + "." + quote(spec.table());
    }

    private static String where(ScanSpec spec, List<String> predicates) {
        List<String> all = new ArrayList<>();
        if (spec.livePredicate() != null) {
            all.add(spec.livePredicate());
        }
        all.addAll(predicates);
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }
}
