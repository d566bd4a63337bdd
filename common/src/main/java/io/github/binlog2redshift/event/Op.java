package io.github.binlog2redshift.event;

/**
 * The kind of a change, with Debezium's one-letter codes, plus {@link #SCHEMA_CHANGE} for DDL
 * events which this project forwards in the data stream (Debezium puts them on a separate topic).
 */
public enum Op {
    /** A row read by the initial snapshot. */
    READ("r"),
    CREATE("c"),
    UPDATE("u"),
    DELETE("d"),
    /** A DDL statement; carries no row, but the table's columns after the change. */
    SCHEMA_CHANGE("ddl");

    private final String code;

    Op(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * True for the operations whose latest image is a live row ({@code r}, {@code c}, {@code u}).
     */
    public boolean isUpsert() {
        return this == READ || this == CREATE || this == UPDATE;
    }

    /** Parses a Debezium op code; throws with the offending value when it is unknown. */
    public static Op fromCode(String code) {
        for (Op op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "unknown change operation '" + code + "', expected one of r, c, u, d, ddl");
    }
}
