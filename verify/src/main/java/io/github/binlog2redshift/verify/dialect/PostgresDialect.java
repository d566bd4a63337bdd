package io.github.binlog2redshift.verify.dialect;

import io.github.binlog2redshift.verify.canon.ValueKind;

/**
 * PostgreSQL. The database's default collation is usually a locale ({@code en_US.UTF-8}) that
 * orders text differently from MySQL, so text keys use {@code COLLATE "C"} (code point order for
 * UTF-8).
 */
public class PostgresDialect extends SqlDialect {

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String keyExpression(String quotedColumn, ValueKind kind) {
        return kind.collated() ? quotedColumn + " COLLATE \"C\"" : quotedColumn;
    }
}
