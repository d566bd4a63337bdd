package io.github.binlog2redshift.verify.dialect;

import io.github.binlog2redshift.verify.canon.ValueKind;

/**
 * Redshift: like PostgreSQL, but it has no collations to name; its default (case-sensitive)
 * comparison already orders VARCHAR by bytes, which for UTF-8 is code point order.
 */
public final class RedshiftDialect extends PostgresDialect {

    @Override
    public String keyExpression(String quotedColumn, ValueKind kind) {
        return quotedColumn;
    }
}
