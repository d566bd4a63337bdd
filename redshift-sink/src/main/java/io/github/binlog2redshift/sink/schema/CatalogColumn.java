package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.sink.dialect.ColumnType;
import java.util.Objects;

/** A column of an existing warehouse table, as {@code information_schema.columns} describes it. */
public final class CatalogColumn {

    private final String name;
    private final ColumnType type;

    public CatalogColumn(String name, ColumnType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CatalogColumn)) {
            return false;
        }
        CatalogColumn other = (CatalogColumn) o;
        return name.equals(other.name) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type);
    }

    @Override
    public String toString() {
        return "CatalogColumn[name=" + name + ", type=" + type + "]";
    }
}
