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

    /**
     * MySQL prints a FLOAT with 6 significant digits ({@code 22.5629}), while the binlog, and so
     * the warehouse, carries the stored single-precision value ({@code 22.562859}); in a double
     * context the server returns the exact stored value, which verify then rounds to float.
     */
    @Override
    public String valueExpression(String quotedColumn, ValueKind kind) {
        return kind == ValueKind.FLOAT ? "(" + quotedColumn + " + 0E0)" : quotedColumn;
    }

    @Override
    public String keyExpression(String quotedColumn, ValueKind kind) {
        return kind.collated()
                ? "CONVERT(" + quotedColumn + " USING utf8mb4) COLLATE utf8mb4_bin"
                : quotedColumn;
    }
}
