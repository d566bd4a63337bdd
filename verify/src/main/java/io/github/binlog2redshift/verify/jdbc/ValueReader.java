package io.github.binlog2redshift.verify.jdbc;

import io.github.binlog2redshift.verify.canon.CanonicalValues;
import io.github.binlog2redshift.verify.canon.ValueKind;
import io.github.binlog2redshift.verify.schema.ComparedColumn;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Reads one column of the current row as canonical text. Text getters everywhere except binary and
 * BIT on the source, whose text form is not printable; on the warehouse the reader follows the
 * column's type (BYTEA or VARBYTE, BIT strings, BOOLEAN, or base64 text as the event format carries
 * binary).
 */
final class ValueReader {

    private ValueReader() {}

    static String read(ResultSet rs, int index, ComparedColumn column, boolean source)
            throws SQLException {
        ValueKind kind = column.kind();
        boolean bytesKind =
                kind == ValueKind.BINARY || kind == ValueKind.BIT || kind == ValueKind.BOOLEAN;
        if (!bytesKind) {
            return CanonicalValues.ofText(kind, column.scale(), rs.getString(index));
        }
        if (source) {
            return CanonicalValues.ofBytes(kind, rs.getBytes(index));
        }
        String type = column.targetType();
        if (binary(type)) {
            return CanonicalValues.ofBytes(kind, rs.getBytes(index));
        }
        String text = rs.getString(index);
        if (text == null) {
            return null;
        }
        if (type.startsWith("bit")) {
            return new BigInteger(text, 2).toString();
        }
        if (column.targetIsText()) {
            try {
                return CanonicalValues.ofBytes(kind, Base64.getDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        return CanonicalValues.ofText(kind, column.scale(), text);
    }

    /**
     * PostgreSQL's BYTEA, or Redshift's VARBYTE, which information_schema names {@code binary
     * varying}; read as bytes, since each prints them in its own text form.
     */
    private static boolean binary(String targetType) {
        return targetType.equals("bytea")
                || targetType.equals("binary varying")
                || targetType.contains("varbyte");
    }
}
