package io.github.binlog2redshift.verify.dialect;

import io.github.binlog2redshift.verify.canon.ValueKind;
import java.util.List;

/**
 * Redshift: like PostgreSQL, but it has no collations to name; its default (case-sensitive)
 * comparison already orders VARCHAR by bytes, which for UTF-8 is code point order.
 */
public final class RedshiftDialect extends PostgresDialect {

    @Override
    public String keyExpression(String quotedColumn, ValueKind kind) {
        return quotedColumn;
    }

    /**
     * Also {@code extra_float_digits} 2, Redshift's maximum: its default 0 prints DOUBLE PRECISION
     * with 15 significant digits, which rounds values the source holds exactly
     * (https://docs.aws.amazon.com/redshift/latest/dg/r_extra_float_digits.html). pgjdbc sets 3 on
     * PostgreSQL by itself; the Redshift driver does not.
     */
    @Override
    public List<String> sessionSettings() {
        return List.of("SET TIME ZONE 'UTC'", "SET extra_float_digits TO 2");
    }
}
