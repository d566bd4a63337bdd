package io.github.binlog2redshift.sink;

import java.util.Objects;

/** A warehouse table: schema and name, unquoted, as the table mapping produced them. */
public record TargetTable(String schema, String name) implements Comparable<TargetTable> {

    public TargetTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** A table next to this one, named this one's name plus {@code suffix}. */
    public TargetTable withSuffix(String suffix) {
        return new TargetTable(schema, name + suffix);
    }

    @Override
    public int compareTo(TargetTable o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
