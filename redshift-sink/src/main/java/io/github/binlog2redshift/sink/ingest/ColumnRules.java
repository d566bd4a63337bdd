package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * {@link ColumnRule}s by MySQL type, length and scale (a rule does not depend on the column's
 * name), each built once: the kind of value, the dialect's target type and limits, and whether the
 * metadata describes a column at all. The type mapping parses type text, which per value would cost
 * more than the checks. Bounded: past {@link #MAX_RULES} distinct types it starts over.
 */
final class ColumnRules {

    static final int MAX_RULES = 4096;

    /** MySQL's own limits, beyond which column metadata describes no MySQL column. */
    static final int MAX_DECIMAL_PRECISION = 65;

    static final int MAX_CHAR_LENGTH = 65_535;
    static final int MAX_BIT_LENGTH = 64;

    private final SqlDialect dialect;
    private final Map<Key, ColumnRule> rules = new ConcurrentHashMap<>();

    ColumnRules(SqlDialect dialect) {
        this.dialect = dialect;
    }

    ColumnRule of(ColumnDef column) {
        Key key = new Key(column.type(), column.length(), column.scale());
        ColumnRule rule = rules.get(key);
        if (rule == null) {
            if (rules.size() >= MAX_RULES) {
                rules.clear();
            }
            rule = rule(column, dialect);
            rules.put(key, rule);
        }
        return rule;
    }

    /** The rule of {@code column}'s type on {@code dialect}'s warehouse. */
    static ColumnRule rule(ColumnDef column, SqlDialect dialect) {
        MySqlType t = MySqlType.of(column);
        ColumnRule.Kind kind = kind(t);
        String problem = metadataProblem(column, t);
        String target = "";
        long maxBytes = Long.MAX_VALUE;
        long maxChars = Long.MAX_VALUE;
        if (problem == null) {
            try {
                target = dialect.columnType(column);
                maxBytes = dialect.maxValueBytes(column);
                maxChars = dialect.maxValueChars(column);
            } catch (IllegalArgumentException e) {
                problem =
                        "has MySQL type '"
                                + column.type()
                                + "', for which the sink has no warehouse type";
            }
        }
        return new ColumnRule(kind, t, target, problem, maxBytes, maxChars);
    }

    private static ColumnRule.Kind kind(MySqlType t) {
        if (t.isSingleBit()) {
            return ColumnRule.Kind.BOOLEAN;
        }
        if (t.isBinary()) {
            return ColumnRule.Kind.BINARY;
        }
        switch (t.base()) {
            case "TINYINT":
            case "SMALLINT":
            case "MEDIUMINT":
            case "INT":
            case "BIGINT":
            case "BOOL":
            case "YEAR":
                return ColumnRule.Kind.INTEGER;
            case "DECIMAL":
                return ColumnRule.Kind.DECIMAL;
            case "FLOAT":
                return ColumnRule.Kind.REAL;
            case "DOUBLE":
                return ColumnRule.Kind.DOUBLE;
            case "DATE":
                return ColumnRule.Kind.DATE;
            case "DATETIME":
                return ColumnRule.Kind.DATETIME;
            case "TIMESTAMP":
                return ColumnRule.Kind.TIMESTAMP;
            case "TIME":
                return ColumnRule.Kind.TIME;
            case "JSON":
                return ColumnRule.Kind.JSON;
            default:
                return ColumnRule.Kind.TEXT;
        }
    }

    /** Lengths and scales no MySQL column has, which would make a wrong or refused target type. */
    @Nullable
    private static String metadataProblem(ColumnDef c, MySqlType t) {
        if (c.type().isBlank()) {
            return "has no type";
        }
        if (c.length() != null && c.length() < 0) {
            return "has a negative length (" + c.length() + ")";
        }
        if (c.scale() != null && c.scale() < 0) {
            return "has a negative scale (" + c.scale() + ")";
        }
        switch (t.base()) {
            case "DECIMAL":
                int p = t.lengthOr(10);
                int s = t.scale() == null ? 0 : t.scale();
                if (p > MAX_DECIMAL_PRECISION) {
                    return "has precision " + p + ", more than MySQL's " + MAX_DECIMAL_PRECISION;
                }
                if (s > p) {
                    return "has scale " + s + " above its precision " + p;
                }
                return null;
            case "CHAR":
            case "VARCHAR":
            case "BINARY":
            case "VARBINARY":
                if (t.lengthOr(0) > MAX_CHAR_LENGTH) {
                    return "has length " + t.length() + ", more than MySQL's " + MAX_CHAR_LENGTH;
                }
                return null;
            case "BIT":
                if (t.lengthOr(0) > MAX_BIT_LENGTH) {
                    return "has length " + t.length() + ", more than BIT's " + MAX_BIT_LENGTH;
                }
                return null;
            default:
                return null;
        }
    }

    /** What a rule depends on. */
    private static final class Key {
        private final String type;
        @Nullable private final Integer length;
        @Nullable private final Integer scale;

        Key(String type, @Nullable Integer length, @Nullable Integer scale) {
            this.type = type;
            this.length = length;
            this.scale = scale;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key other = (Key) o;
            return type.equals(other.type)
                    && Objects.equals(length, other.length)
                    && Objects.equals(scale, other.scale);
        }

        @Override
        public int hashCode() {
            return (type.hashCode() * 31 + Objects.hashCode(length)) * 31 + Objects.hashCode(scale);
        }
    }
}
