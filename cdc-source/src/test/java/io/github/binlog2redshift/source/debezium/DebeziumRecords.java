package io.github.binlog2redshift.source.debezium;

import java.util.Map;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;

/**
 * Hand-built Debezium MySQL records with the schemas Flink CDC 3.5 produces (as seen against
 * MariaDB 10.11 with {@code column.propagate.source.type=.*}).
 */
final class DebeziumRecords {

    static final Schema SOURCE =
            SchemaBuilder.struct()
                    .name("io.debezium.connector.mysql.Source")
                    .field("version", Schema.STRING_SCHEMA)
                    .field("connector", Schema.STRING_SCHEMA)
                    .field("name", Schema.STRING_SCHEMA)
                    .field("ts_ms", Schema.INT64_SCHEMA)
                    .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
                    .field("db", Schema.STRING_SCHEMA)
                    .field("table", Schema.OPTIONAL_STRING_SCHEMA)
                    .field("server_id", Schema.INT64_SCHEMA)
                    .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
                    .field("file", Schema.STRING_SCHEMA)
                    .field("pos", Schema.INT64_SCHEMA)
                    .field("row", Schema.INT32_SCHEMA)
                    .build();

    private DebeziumRecords() {}

    /** An optional field schema carrying the propagated MySQL type. */
    static SchemaBuilder typed(SchemaBuilder b, String type, Integer length, Integer scale) {
        return required(b, type, length, scale).optional();
    }

    /** A NOT NULL field schema carrying the propagated MySQL type. */
    static SchemaBuilder required(SchemaBuilder b, String type, Integer length, Integer scale) {
        b.parameter(SourceColumn.TYPE_PARAM, type);
        if (length != null) {
            b.parameter(SourceColumn.LENGTH_PARAM, length.toString());
        }
        if (scale != null) {
            b.parameter(SourceColumn.SCALE_PARAM, scale.toString());
        }
        return b;
    }

    static Struct source(String db, String table, String file, long pos, int row) {
        return new Struct(SOURCE)
                .put("version", "1.9.8.Final")
                .put("connector", "mysql")
                .put("name", "mysql_binlog_source")
                .put("ts_ms", file.isEmpty() ? 0L : 1_700_000_000_000L)
                .put("db", db)
                .put("table", table)
                .put("server_id", file.isEmpty() ? 0L : 1L)
                .put("file", file)
                .put("pos", pos)
                .put("row", row);
    }

    static Schema envelope(Schema row) {
        return SchemaBuilder.struct()
                .name("mysql_binlog_source.db.t.Envelope")
                .field("before", row)
                .field("after", row)
                .field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    static SourceRecord record(
            Schema keySchema,
            Struct key,
            Schema row,
            String op,
            Struct before,
            Struct after,
            Struct source) {
        Schema envelope = envelope(row);
        Struct value =
                new Struct(envelope)
                        .put("before", before)
                        .put("after", after)
                        .put("source", source)
                        .put("op", op)
                        .put("ts_ms", 1_700_000_000_123L);
        return new SourceRecord(
                Map.of(),
                Map.of(),
                "mysql_binlog_source.db.t",
                null,
                keySchema,
                key,
                envelope,
                value);
    }
}
