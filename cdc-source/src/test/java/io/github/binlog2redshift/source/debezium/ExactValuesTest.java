package io.github.binlog2redshift.source.debezium;

import static io.github.binlog2redshift.source.debezium.DebeziumRecords.required;
import static io.github.binlog2redshift.source.debezium.DebeziumRecords.typed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.source.SourceChange;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * Values that Debezium hands over changed or unreadable: MySQL's zero date in NOT NULL columns (the
 * zero date's text, or a dead letter in a key) and lone UTF-16 surrogates (a dead letter).
 */
class ExactValuesTest {

    private static final Schema KEY =
            SchemaBuilder.struct().field("d", required(date(), "DATE", null, null).build()).build();

    private static final Schema ROW =
            SchemaBuilder.struct()
                    .name("mysql_binlog_source.db.t.Value")
                    .field("d", zeroable(date(), "DATE", null))
                    .field("dt", zeroable(named(SchemaBuilder.int64(), "Timestamp"), "DATETIME", 3))
                    .field(
                            "ts",
                            zeroable(
                                    named(SchemaBuilder.string(), "ZonedTimestamp"),
                                    "TIMESTAMP",
                                    null))
                    .field(
                            "tsn",
                            typed(
                                            named(SchemaBuilder.string(), "ZonedTimestamp"),
                                            "TIMESTAMP",
                                            2,
                                            null)
                                    .build())
                    .field("s", typed(SchemaBuilder.string(), "VARCHAR", 10, null).build())
                    .optional()
                    .build();

    @Test
    void aZeroDateInANotNullColumnIsTheZeroDatesTextNeverARealDate() {
        Struct after =
                new Struct(ROW)
                        .put("d", 19_753)
                        .put("ts", "1970-01-01T00:00:00Z")
                        .put("tsn", "1970-01-01T00:00:00Z");
        ChangeEvent event = convert(after);
        assertThat(event.after())
                .containsEntry("d", "2024-01-31")
                .containsEntry("dt", "0000-00-00 00:00:00.000")
                .containsEntry("ts", "0000-00-00T00:00:00Z")
                .containsEntry("tsn", null);
        assertThat(event.columns())
                .contains(
                        ColumnDef.of("dt", "DATETIME", 3, null, false),
                        ColumnDef.of("tsn", "TIMESTAMP", 2, null, true));
    }

    @Test
    void aZeroDateInAKeyColumnIsADeadLetterNamingIt() throws Exception {
        SourceChange c = deserialize(new Struct(ROW).put("s", "x"));
        assertThat(c.isDeadLetter()).isTrue();
        assertThat(new ObjectMapper().readTree(c.value()).path("reason").asText())
                .isEqualTo(
                        "cannot convert the change: key column d of db.t holds MySQL's zero date"
                                + " 0000-00-00 (or a date with a zero month or day, which reads"
                                + " the same): as a key it could merge distinct rows, so the"
                                + " change is not sent");
    }

    @Test
    void aLoneSurrogateIsADeadLetterAndAPairIsText() throws Exception {
        assertThat(deserialize(new Struct(ROW).put("d", 1).put("s", "ok 😀")).isDeadLetter())
                .isFalse();
        SourceChange c = deserialize(new Struct(ROW).put("d", 1).put("s", "ab\ud800"));
        assertThat(c.isDeadLetter()).isTrue();
        assertThat(new ObjectMapper().readTree(c.value()).path("reason").asText())
                .isEqualTo(
                        "cannot convert the change: column s holds a lone UTF-16 surrogate"
                                + " (U+D800 at character 2), which is not Unicode text and has no"
                                + " UTF-8 form; the change is not sent");
        assertThat(deserialize(new Struct(ROW).put("d", 1).put("s", "\udc00x")).isDeadLetter())
                .isTrue();
    }

    @Test
    void theConverterKeepsTheZeroDateAsNoValueInNotNullTemporalColumnsOnly() {
        List<Object[]> registered = new ArrayList<>();
        CustomConverter.ConverterRegistration<SchemaBuilder> registration =
                (schema, converter) -> registered.add(new Object[] {schema, converter});
        NotNullDateConverter converter = new NotNullDateConverter();
        converter.converterFor(column("d", "DATE", Types.DATE, false), registration);
        converter.converterFor(column("n", "DATE", Types.DATE, true), registration);
        converter.converterFor(column("v", "VARCHAR", Types.VARCHAR, false), registration);

        assertThat(registered).hasSize(1);
        SchemaBuilder schema = (SchemaBuilder) registered.get(0)[0];
        CustomConverter.Converter convert = (CustomConverter.Converter) registered.get(0)[1];
        assertThat(schema.isOptional()).isTrue();
        assertThat(schema.name()).isEqualTo("io.debezium.time.Date");
        assertThat(schema.parameters()).containsEntry(NotNullDateConverter.NOT_NULL_PARAM, "true");
        assertThat(convert.convert(null)).isNull();
        assertThat(convert.convert(LocalDate.of(2024, 1, 31))).isEqualTo(19_753);
    }

    private static RelationalColumn column(String name, String type, int jdbc, boolean optional) {
        return new RelationalColumn() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String dataCollection() {
                return "db.t";
            }

            @Override
            public int jdbcType() {
                return jdbc;
            }

            @Override
            public int nativeType() {
                return -1;
            }

            @Override
            public String typeName() {
                return type;
            }

            @Override
            public String typeExpression() {
                return type;
            }

            @Override
            public OptionalInt length() {
                return OptionalInt.empty();
            }

            @Override
            public OptionalInt scale() {
                return OptionalInt.empty();
            }

            @Override
            public boolean isOptional() {
                return optional;
            }

            @Override
            public Object defaultValue() {
                return null;
            }

            @Override
            public boolean hasDefaultValue() {
                return false;
            }
        };
    }

    private static ChangeEvent convert(Struct after) {
        return new SourceRecordConverter(List.of()).convert(record(after)).get(0);
    }

    private static SourceChange deserialize(Struct after) {
        List<SourceChange> out = new ArrayList<>();
        new ChangeEventDeserializer(List.of())
                .deserialize(
                        record(after),
                        new org.apache.flink.util.Collector<>() {
                            @Override
                            public void collect(SourceChange c) {
                                out.add(c);
                            }

                            @Override
                            public void close() {}
                        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source
                    .SourceRecord
            record(Struct after) {
        Object d = after.get("d");
        Struct key = new Struct(KEY).put("d", d == null ? 0 : d);
        return DebeziumRecords.record(
                KEY,
                key,
                ROW,
                "c",
                null,
                after,
                DebeziumRecords.source("db", "t", "mysql-bin.000003", 1234, 0));
    }

    private static Schema zeroable(SchemaBuilder b, String type, Integer length) {
        return typed(b, type, length, null)
                .parameter(NotNullDateConverter.NOT_NULL_PARAM, "true")
                .build();
    }

    private static SchemaBuilder date() {
        return named(SchemaBuilder.int32(), "Date");
    }

    private static SchemaBuilder named(SchemaBuilder b, String debeziumTime) {
        return b.name("io.debezium.time." + debeziumTime);
    }
}
