package io.debezium.connector.mysql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.data.Envelope;
import io.debezium.jdbc.JdbcValueConverters;
import io.debezium.relational.Column;
import io.debezium.relational.CustomConverterRegistry;
import io.debezium.relational.Table;
import io.debezium.relational.TableId;
import io.debezium.relational.TableSchema;
import io.debezium.relational.TableSchemaBuilder;
import io.debezium.util.Clock;
import io.debezium.util.SchemaNameAdjuster;
import io.github.binlog2redshift.source.debezium.StaleTableSchemaException;
import java.io.Serializable;
import java.sql.Types;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** A binlog row narrower than the schema the reader holds fails the job without restarts. */
class MySqlChangeRecordEmitterTest {

    @Test
    void aRowWithFewerColumnsThanTheSchemaFailsWithTheTableNamed() {
        Table table =
                Table.editor()
                        .tableId(new TableId("shop", null, "orders"))
                        .addColumns(
                                Column.editor()
                                        .name("id")
                                        .jdbcType(Types.INTEGER)
                                        .type("INT")
                                        .create(),
                                Column.editor()
                                        .name("extra_1")
                                        .jdbcType(Types.VARCHAR)
                                        .type("VARCHAR")
                                        .optional(true)
                                        .create())
                        .setPrimaryKeyNames("id")
                        .create();
        TableSchema schema =
                new TableSchemaBuilder(
                                new JdbcValueConverters(),
                                SchemaNameAdjuster.create(),
                                new CustomConverterRegistry(null),
                                SchemaBuilder.struct().build(),
                                false,
                                false)
                        .create("test", "test.shop.orders.Envelope", table, null, null, null);
        MySqlChangeRecordEmitter emitter =
                new MySqlChangeRecordEmitter(
                        new MySqlPartition("test"),
                        null,
                        Clock.system(),
                        Envelope.Operation.CREATE,
                        null,
                        new Serializable[] {1}); // logged before ADD COLUMN extra_1

        assertThatThrownBy(
                        () ->
                                emitter.emitChangeRecords(
                                        schema,
                                        (partition, s, op, key, value, offset, headers) -> {}))
                .isInstanceOf(StaleTableSchemaException.class)
                .hasMessageContaining("Table shop.orders")
                .hasMessageContaining("Re-syncing a table");
    }
}
