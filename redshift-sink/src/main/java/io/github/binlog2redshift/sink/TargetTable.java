package io.github.binlog2redshift.sink;

import java.util.Objects;

/** A warehouse table: schema and name, unquoted, as the table mapping produced them. */
public final class TargetTable implements Comparable<TargetTable> {

    private final String schema;
    private final String name;

    public TargetTable(String schema, String name) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
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
    public boolean equals(Object o) {
        if (!(o instanceof TargetTable)) {
            return false;
        }
        TargetTable other = (TargetTable) o;
        return schema.equals(other.schema) && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
