package io.github.binlog2redshift.bench.workload;

/**
 * Debezium change events with Kafka Connect's JSON schema envelope ({@code schemas.enable=true}),
 * which Debezium's JDBC sink needs to know column types and keys. The payload also carries our
 * extension fields {@code pk} and {@code columns} (docs/event-format.md): Connect ignores payload
 * fields its schema does not name, and our sink reads the same bytes with exact MySQL types. So
 * both systems consume identical records.
 */
public final class DebeziumEnvelope {

    private static final String ROW_FIELDS =
            "[{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"},"
                    + "{\"type\":\"int32\",\"optional\":false,\"field\":\"k\"},"
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"c\"},"
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"pad\"},"
                    + "{\"type\":\"int64\",\"optional\":false,\"field\":\"v\"}]";
    private static final String SOURCE_SCHEMA =
            "{\"type\":\"struct\",\"optional\":false,\"name\":\"io.debezium.connector.mysql.Source\",\"fields\":["
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"version\"},"
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"connector\"},"
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"name\"},"
                    + "{\"type\":\"int64\",\"optional\":false,\"field\":\"ts_ms\"},"
                    + "{\"type\":\"string\",\"optional\":true,\"field\":\"snapshot\"},"
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"db\"},"
                    + "{\"type\":\"string\",\"optional\":true,\"field\":\"table\"},"
                    + "{\"type\":\"int64\",\"optional\":false,\"field\":\"server_id\"},"
                    + "{\"type\":\"string\",\"optional\":true,\"field\":\"gtid\"},"
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"file\"},"
                    + "{\"type\":\"int64\",\"optional\":false,\"field\":\"pos\"},"
                    + "{\"type\":\"int32\",\"optional\":false,\"field\":\"row\"}],\"field\":\"source\"}";
    private static final String COLUMNS =
            "[{\"name\":\"id\",\"type\":\"BIGINT\",\"length\":null,\"scale\":null,\"nullable\":false},"
                    + "{\"name\":\"k\",\"type\":\"INT\",\"length\":null,\"scale\":null,\"nullable\":false},"
                    + "{\"name\":\"c\",\"type\":\"VARCHAR\",\"length\":120,\"scale\":null,\"nullable\":false},"
                    + "{\"name\":\"pad\",\"type\":\"VARCHAR\",\"length\":60,\"scale\":null,\"nullable\":false},"
                    + "{\"name\":\"v\",\"type\":\"BIGINT\",\"length\":null,\"scale\":null,\"nullable\":false}]";

    private DebeziumEnvelope() {}

    /** The value schema of one table, computed once per table. */
    public static String valueSchema(String db, String table) {
        String row =
                "{\"type\":\"struct\",\"optional\":true,\"name\":\""
                        + db
                        + "."
                        + table
                        + ".Value\",\"fields\":"
                        + ROW_FIELDS;
        return "{\"type\":\"struct\",\"optional\":false,\"name\":\""
                + db
                + "."
                + table
                + ".Envelope\",\"fields\":["
                + row
                + ",\"field\":\"before\"},"
                + row
                + ",\"field\":\"after\"},"
                + SOURCE_SCHEMA
                + ",{\"type\":\"string\",\"optional\":false,\"field\":\"op\"},"
                + "{\"type\":\"int64\",\"optional\":true,\"field\":\"ts_ms\"}]}";
    }

    /** {@code before}/{@code after} are row JSON or null; {@code pos} orders changes of a key. */
    public static String value(
            String schema,
            String db,
            String table,
            String op,
            String before,
            String after,
            long pos,
            long tsMs) {
        return "{\"schema\":"
                + schema
                + ",\"payload\":"
                + payload(db, table, op, before, after, pos, tsMs)
                + "}";
    }

    /** The event without the schema envelope: our own wire format (docs/event-format.md). */
    public static String payload(
            String db, String table, String op, String before, String after, long pos, long tsMs) {
        return "{\"before\":"
                + before
                + ",\"after\":"
                + after
                + ",\"source\":{\"version\":\"bench\",\"connector\":\"mysql\",\"name\":\"bench\",\"ts_ms\":"
                + tsMs
                + ",\"snapshot\":\"false\",\"db\":\""
                + db
                + "\",\"table\":\""
                + table
                + "\",\"server_id\":1,\"gtid\":null,\"file\":\"mysql-bin.000001\",\"pos\":"
                + pos
                + ",\"row\":0},\"op\":\""
                + op
                + "\",\"ts_ms\":"
                + tsMs
                + ",\"pk\":[\"id\"],\"columns\":"
                + COLUMNS
                + "}";
    }

    public static String key(String db, String table, long id) {
        return "{\"schema\":{\"type\":\"struct\",\"optional\":false,\"name\":\""
                + db
                + "."
                + table
                + ".Key\",\"fields\":[{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"}]},"
                + "\"payload\":{\"id\":"
                + id
                + "}}";
    }
}
