package io.github.binlog2redshift.source.debezium;

import io.debezium.config.CommonConnectorConfig.BinaryHandlingMode;
import io.debezium.connector.mysql.MySqlValueConverters;
import io.debezium.jdbc.JdbcValueConverters.BigIntUnsignedMode;
import io.debezium.jdbc.JdbcValueConverters.DecimalMode;
import io.debezium.jdbc.TemporalPrecisionMode;
import io.debezium.relational.Column;
import io.debezium.relational.ValueConverter;
import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;

/**
 * A Debezium converter for NOT NULL DATE, DATETIME and TIMESTAMP columns that keeps MySQL's zero
 * date visible. Debezium reads the zero date {@code 0000-00-00} (and a date with a zero month or
 * day) as no value, and for a NOT NULL column then writes the column's default or the epoch ({@code
 * 1970-01-01}) instead: indistinguishable from a real value, and a key that collides with a real
 * 1970-01-01 key. This converter converts as Debezium does, except that such a value stays null, in
 * a field marked {@value #NOT_NULL_PARAM}; {@link SourceColumn} turns it into the zero date's text,
 * or a dead letter for a key column (docs/event-format.md).
 *
 * <p>Registered through {@code MySqlSourceFactory.debeziumProperties} ({@code converters}).
 */
public final class NotNullDateConverter
        implements CustomConverter<SchemaBuilder, RelationalColumn> {

    /** Schema parameter of a NOT NULL column made optional here to carry the zero date as null. */
    public static final String NOT_NULL_PARAM = "__b2r.not-null";

    private static final Set<String> TYPES = Set.of("DATE", "DATETIME", "TIMESTAMP");

    /** Configured as the job configures Debezium's own (MySqlSourceFactory.debeziumProperties). */
    private final MySqlValueConverters debezium =
            new MySqlValueConverters(
                    DecimalMode.PRECISE,
                    TemporalPrecisionMode.ADAPTIVE_TIME_MICROSECONDS,
                    BigIntUnsignedMode.PRECISE,
                    BinaryHandlingMode.BYTES,
                    MySqlValueConverters::adjustTemporal,
                    MySqlValueConverters::defaultParsingErrorHandler);

    @Override
    public void configure(Properties props) {}

    @Override
    public void converterFor(
            RelationalColumn column, ConverterRegistration<SchemaBuilder> registration) {
        if (column.isOptional() || !TYPES.contains(column.typeName().toUpperCase(Locale.ROOT))) {
            return;
        }
        // Debezium's conversion of the same column as if it were nullable: no value stays null.
        Column nullable =
                Column.editor()
                        .name(column.name())
                        .type(column.typeName(), column.typeExpression())
                        .jdbcType(column.jdbcType())
                        .nativeType(column.nativeType())
                        .length(column.length().orElse(-1))
                        .scale(column.scale().isPresent() ? column.scale().getAsInt() : null)
                        .optional(true)
                        .create();
        SchemaBuilder schema = debezium.schemaBuilder(nullable);
        ValueConverter convert =
                debezium.converter(nullable, new Field(column.name(), 0, schema.build()));
        registration.register(
                debezium.schemaBuilder(nullable).optional().parameter(NOT_NULL_PARAM, "true"),
                convert::convert);
    }
}
