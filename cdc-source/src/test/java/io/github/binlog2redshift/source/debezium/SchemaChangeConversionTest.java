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
                    + "\"databaseName\":\"x1\",\"ddl\":\"ALTER TABLE comp ADD COLUMN z3 VARCHAR(3)"
                    + " DEFAULT 'q'\","
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

    // As Flink CDC 3.5.0 emitted it for MariaDB 10.11 (the record's source names db and table).
    static final String TRUNCATE =
            "{\"source\":{\"file\":\"binlog.000001\",\"pos\":2204,\"server_id\":1},"
                    + "\"position\":{\"transaction_id\":null,\"ts_sec\":1796608425,"
                    + "\"file\":\"binlog.000001\",\"pos\":2296,\"server_id\":1},\"databaseName\":\"x1\",\"ddl\":\"TRUNCATE"
                    + " TABLE comp\",\"tableChanges\":[]}";

    @Test
    void aTruncateWithoutTableChangeBecomesASchemaChangeOfItsTable() {
        SourceChange c = SourceRecordConverterTest.deserialize(List.of(), ddlRecord(TRUNCATE));
        assertThat(c.op()).isEqualTo(Op.SCHEMA_CHANGE);
        assertThat(c.isDeadLetter()).isFalse();
        assertThat(new String(c.key(), StandardCharsets.UTF_8)).isEqualTo("x1.comp");

        ChangeEvent e = new SourceRecordConverter(List.of()).convert(ddlRecord(TRUNCATE)).get(0);
        assertThat(e.table()).isEqualTo(TableId.of("x1", "comp"));
        assertThat(e.ddl()).isEqualTo("TRUNCATE TABLE comp");
        assertThat(e.source().position()).isEqualTo(5382);
        assertThat(e.columns()).isEmpty();
        assertThat(e.primaryKey()).isEmpty();
    }

    @Test
    void aTruncateNamesItsTableWithOrWithoutTableAndQualified() {
        assertThat(truncated("TRUNCATE comp", "comp")).containsExactly(TableId.of("x1", "comp"));
        assertThat(truncated("TRUNCATE `x2`.`other`", "other"))
                .containsExactly(TableId.of("x2", "other"));
        // A server with lower_case_table_names folds the statement's name as its row events do.
        assertThat(truncated("TRUNCATE TABLE Comp", "comp"))
                .containsExactly(TableId.of("x1", "comp"));
        assertThat(truncated("TRUNCATE TABLE a, b", "a,b"))
                .containsExactly(TableId.of("x1", "a"), TableId.of("x1", "b"));
    }

    @Test
    void anUnreadableTruncateIsADeadLetter() {
        String history =
                "{\"databaseName\":\"x1\",\"ddl\":\"TRUNCATE TABLE `open\",\"tableChanges\":[]}";
        SourceChange c = SourceRecordConverterTest.deserialize(List.of(), ddlRecord(history));
        assertThat(c.isDeadLetter()).isTrue();
        assertThat(new String(c.value(), StandardCharsets.UTF_8))
                .contains("unreadable table name in 'TRUNCATE TABLE `open'");
    }

    private static List<TableId> truncated(String ddl, String recordTable) {
        String history =
                "{\"databaseName\":\"x1\",\"ddl\":\""
                        + ddl.replace("\"", "\\\"")
                        + "\",\"tableChanges\":[]}";
        return new SourceRecordConverter(List.of())
                .convert(ddlRecord(history, recordTable)).stream().map(ChangeEvent::table).toList();
    }

    static SourceRecord ddlRecord(String history) {
        return ddlRecord(history, "comp");
    }

    private static SourceRecord ddlRecord(String history, String recordTable) {
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
                                DebeziumRecords.source(
                                        "x1", recordTable, "mysql-bin.000001", 5382, 0))
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
