package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.sink.dialect.ColumnType;
import java.util.Objects;

/**
 * A column of an existing warehouse table, as {@code information_schema.columns} describes it, and
 * whether it is part of the table's layout (Redshift's DISTKEY or a SORTKEY column, which Redshift
 * cannot drop, so it is neither dropped nor changed by copy).
 */
public final class CatalogColumn {

    private final String name;
    private final ColumnType type;
    private final boolean layoutKey;

    public CatalogColumn(String name, ColumnType type, boolean layoutKey) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.layoutKey = layoutKey;
    }

    /** A column that is no DISTKEY or SORTKEY (or whose layout was not read). */
    public CatalogColumn(String name, ColumnType type) {
        this(name, type, false);
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    /** True for the DISTKEY column and every SORTKEY column (Redshift); never on PostgreSQL. */
    public boolean layoutKey() {
        return layoutKey;
    }

    public CatalogColumn withLayoutKey(boolean key) {
        return new CatalogColumn(name, type, key);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CatalogColumn)) {
            return false;
        }
        CatalogColumn other = (CatalogColumn) o;
        return name.equals(other.name) && type.equals(other.type) && layoutKey == other.layoutKey;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, layoutKey);
    }

    @Override
    public String toString() {
        return "CatalogColumn[name=" + name + ", type=" + type + ", layoutKey=" + layoutKey + "]";
    }
}
