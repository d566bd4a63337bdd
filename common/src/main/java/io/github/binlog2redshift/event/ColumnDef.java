package io.github.binlog2redshift.event;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A source column as the database declares it: {@code type} is the MySQL type name in upper case
 * without length (e.g. {@code VARCHAR}, {@code DECIMAL}, {@code BIGINT UNSIGNED}, {@code
 * DATETIME}); {@code length} is the declared length, precision or fractional-second digits, {@code
 * scale} the decimal scale; either is {@code null} when the type has none. {@code enumValues} is
 * non-null only for ENUM and SET.
 */
public final class ColumnDef {

    private final String name;
    private final String type;
    @Nullable private final Integer length;
    @Nullable private final Integer scale;
    private final boolean nullable;
    @Nullable private final List<String> enumValues;

    public ColumnDef(
            String name,
            String type,
            @Nullable Integer length,
            @Nullable Integer scale,
            boolean nullable,
            @Nullable List<String> enumValues) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.length = length;
        this.scale = scale;
        this.nullable = nullable;
        this.enumValues = enumValues == null ? null : List.copyOf(enumValues);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    @Nullable
    public Integer length() {
        return length;
    }

    @Nullable
    public Integer scale() {
        return scale;
    }

    public boolean nullable() {
        return nullable;
    }

    @Nullable
    public List<String> enumValues() {
        return enumValues;
    }

    public static ColumnDef of(
            String name,
            String type,
            @Nullable Integer length,
            @Nullable Integer scale,
            boolean nullable) {
        return new ColumnDef(name, type, length, scale, nullable, null);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnDef)) {
            return false;
        }
        ColumnDef other = (ColumnDef) o;
        return name.equals(other.name)
                && type.equals(other.type)
                && Objects.equals(length, other.length)
                && Objects.equals(scale, other.scale)
                && nullable == other.nullable
                && Objects.equals(enumValues, other.enumValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, length, scale, nullable, enumValues);
    }

    @Override
    public String toString() {
        return "ColumnDef[name="
                + name
                + ", type="
                + type
                + ", length="
                + length
                + ", scale="
                + scale
                + ", nullable="
                + nullable
                + ", enumValues="
                + enumValues
                + "]";
    }
}
