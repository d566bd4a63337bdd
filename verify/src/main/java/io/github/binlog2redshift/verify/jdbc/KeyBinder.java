package io.github.binlog2redshift.verify.jdbc;

import io.github.binlog2redshift.verify.schema.ComparedColumn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Turns a canonical key value back into a JDBC parameter of the column's type. A string parameter
 * would not do: PostgreSQL refuses to compare {@code bigint} with {@code varchar}, and MySQL
 * compares a number with a string as doubles, losing precision above 2^53.
 */
final class KeyBinder {

    private KeyBinder() {}

    static Object parameter(ComparedColumn column, String canonical, boolean source) {
        try {
            return switch (column.kind()) {
                case INTEGER, YEAR -> integer(column, canonical, source);
                case DECIMAL, FLOAT, DOUBLE, BIT -> new BigDecimal(canonical);
                case DATE -> LocalDate.parse(canonical);
                case DATETIME -> LocalDateTime.parse(canonical.replace(' ', 'T'));
                case TIME -> LocalTime.parse(canonical);
                case BOOLEAN ->
                        !source && column.targetType().equals("boolean")
                                ? Boolean.valueOf(canonical.equals("1"))
                                : Integer.valueOf(canonical);
                case BINARY -> binary(column, canonical, source);
                case CHAR, TEXT, JSON, OTHER -> canonical;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            // a value outside Java's types (zero date, TIME above 24h): let the database convert
            return canonical;
        }
    }

    private static Object integer(ComparedColumn column, String canonical, boolean source) {
        if (!source && column.targetType().equals("boolean")) {
            return Boolean.valueOf(!canonical.equals("0"));
        }
        BigDecimal value = new BigDecimal(canonical);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value; // BIGINT UNSIGNED above 2^63, kept as NUMERIC(20) on the target
        }
    }

    private static Object binary(ComparedColumn column, String canonicalHex, boolean source) {
        byte[] bytes = HexFormat.of().parseHex(canonicalHex);
        return !source && column.targetIsText() ? Base64.getEncoder().encodeToString(bytes) : bytes;
    }
}
