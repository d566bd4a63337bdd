package io.github.binlog2redshift.verify.dialect;

import io.github.binlog2redshift.verify.canon.ValueKind;

/**
 * MySQL and MariaDB. Text keys are converted to utf8mb4 before the binary collation so a latin1
 * column sorts by code point like the warehouse, not by its single-byte encoding.
 */
public final class MySqlDialect extends SqlDialect {

    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public String keyExpression(String quotedColumn, ValueKind kind) {
        return kind.collated()
                ? "CONVERT(" + quotedColumn + " USING utf8mb4) COLLATE utf8mb4_bin"
                : quotedColumn;
    }
}
