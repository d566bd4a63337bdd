package io.github.binlog2redshift.event;

import java.util.Objects;

/**
 * A source column as the database declares it: {@code type} is the MySQL type name in upper case
 * without length (e.g. {@code VARCHAR}, {@code DECIMAL}, {@code BIGINT UNSIGNED}, {@code
 * DATETIME}); {@code length} is the declared length, precision or fractional-second digits, {@code
 * scale} the decimal scale; either is {@code null} when the type has none. {@code enumValues} is
 * non-null only for ENUM and SET.
 */
public record ColumnDef(
        String name,
        String type,
        Integer length,
        Integer scale,
        boolean nullable,
        java.util.List<String> enumValues) {

    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = enumValues == null ? null : java.util.List.copyOf(enumValues);
    }

    public static ColumnDef of(
            String name, String type, Integer length, Integer scale, boolean nullable) {
        return new ColumnDef(name, type, length, scale, nullable, null);
    }
}
