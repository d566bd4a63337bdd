package io.github.binlog2redshift.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.source.SourceChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** A DDL record, shaped as Flink CDC 3.5 emitted it for MariaDB, into schema-change events. */
class SchemaChangeConversionTest {

    // Abridged from a real record (ALTER TABLE ... ADD COLUMN on MariaDB 10.11).
    private static final String HISTORY =
            "{\"source\":{\"file\":\"mysql-bin.000001\",\"pos\":5382,\"server_id\":1},"
                    + "\"position\":{\"ts_sec\":1795461710,\"file\":\"mysql-bin.000001\",\"pos\":5509},"
                    + "\"databaseName\":\"x1\","
                    + "\"ddl\":\"ALTER TABLE comp ADD COLUMN z3 VARCHAR(3) DEFAULT 'q'\","
                    + "\"tableChanges\":[{\"type\":\"ALTER\",\"id\":\"\\\"x1\\\".\\\"comp\\\"\","
                    + "\"table\":{\"defaultCharsetName\":\"latin1\",\"primaryKeyColumnNames\":[\"b\",\"a\"],"
                    + "\"columns\":["
                    + "{\"name\":\"a\",\"jdbcType\":4,\"typeName\":\"INT\",\"length\":11,\"position\":1,\"optional\":false,\"enumValues\":[]},"
                    + "{\"name\":\"b\",\"jdbcType\":12,\"typeName\":\"VARCHAR\",\"length\":10,\"position\":2,\"optional\":false,\"enumValues\":[]},"
                    + "{\"name\":\"d\",\"jdbcType\":3,\"typeName\":\"DECIMAL\",\"length\":10,\"scale\":2,\"position\":3,\"optional\":true,\"enumValues\":[]},"
                    + "{\"name\":\"e\",\"jdbcType\":1,\"typeName\":\"ENUM\",\"length\":1,\"position\":4,\"optional\":true,\"enumValues\":[\"'a'\",\"'b''s'\"]},"
                    + "{\"name\":\"z3\",\"jdbcType\":12,\"typeName\":\"VARCHAR\",\"length\":3,\"position\":5,\"optional\":true,\"enumValues\":[]}"
                    + "]}}]}";

    @Test
    void ddlBecomesASchemaChangeWithTheTableAfterTheChange() {
        SourceChange c = SourceRecordConverterTest.deserialize(List.of(), ddlRecord(HISTORY));
        assertThat(c.op()).isEqualTo(Op.SCHEMA_CHANGE);
        assertThat(new String(c.key(), StandardCharsets.UTF_8)).isEqualTo("x1.comp");
        assertThat(c.binlogPosition()).isEqualTo(5382);

        ChangeEvent e = new SourceRecordConverter(List.of()).convert(ddlRecord(HISTORY)).get(0);
        assertThat(e.table()).isEqualTo(TableId.of("x1", "comp"));
        assertThat(e.ddl()).isEqualTo("ALTER TABLE comp ADD COLUMN z3 VARCHAR(3) DEFAULT 'q'");
        assertThat(e.primaryKey()).containsExactly("b", "a");
        assertThat(e.source().file()).isEqualTo("mysql-bin.000001");
        assertThat(e.source().position()).isEqualTo(5382);
        assertThat(e.source().snapshot()).isFalse();
        assertThat(e.columns())
                .containsExactly(
                        ColumnDef.of("a", "INT", 11, null, false),
                        ColumnDef.of("b", "VARCHAR", 10, null, false),
                        ColumnDef.of("d", "DECIMAL", 10, 2, true),
                        new ColumnDef("e", "ENUM", 1, null, true, List.of("a", "b's")),
                        ColumnDef.of("z3", "VARCHAR", 3, null, true));
    }

    @Test
    void aStatementThatChangesNoTableYieldsNoEvent() {
        String history =
                "{\"databaseName\":\"x1\",\"ddl\":\"CREATE DATABASE x2\",\"tableChanges\":[]}";
        assertThat(new SourceRecordConverter(List.of()).convert(ddlRecord(history))).isEmpty();
    }

    @Test
    void aDroppedTableYieldsAnEventWithoutColumns() {
        String history =
                "{\"databaseName\":\"x1\",\"ddl\":\"DROP TABLE `a.b`\",\"tableChanges\":"
                        + "[{\"type\":\"DROP\",\"id\":\"\\\"x1\\\".\\\"a.b\\\"\"}]}";
        ChangeEvent e = new SourceRecordConverter(List.of()).convert(ddlRecord(history)).get(0);
        assertThat(e.table()).isEqualTo(TableId.of("x1", "a.b"));
        assertThat(e.columns()).isEmpty();
    }

    private static SourceRecord ddlRecord(String history) {
        Schema key =
                SchemaBuilder.struct()
                        .name(SourceRecordConverter.SCHEMA_CHANGE_KEY)
                        .field("databaseName", Schema.STRING_SCHEMA)
                        .build();
        Schema value =
                SchemaBuilder.struct()
                        .name("io.debezium.connector.mysql.SchemaChangeValue")
                        .field("source", DebeziumRecords.SOURCE)
                        .field("historyRecord", Schema.STRING_SCHEMA)
                        .build();
        Struct v =
                new Struct(value)
                        .put(
                                "source",
                                DebeziumRecords.source("x1", "comp", "mysql-bin.000001", 5382, 0))
                        .put("historyRecord", history);
        return new SourceRecord(
                Map.of(),
                Map.of(),
                "mysql_binlog_source",
                null,
                key,
                new Struct(key).put("databaseName", "x1"),
                value,
                v);
    }
}
