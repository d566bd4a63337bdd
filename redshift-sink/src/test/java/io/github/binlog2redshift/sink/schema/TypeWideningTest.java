package io.github.binlog2redshift.sink.schema;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.ColumnType.Family;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every type family has a case in the widening switch (nothing else checks its coverage). */
class TypeWideningTest {

    /** One type per family, as the dialects or the catalog write it. */
    private static final Map<Family, String> SAMPLES =
            Map.ofEntries(
                    entry(Family.INTEGER, "INTEGER"),
                    entry(Family.DECIMAL, "DECIMAL(10,2)"),
                    entry(Family.FLOAT, "REAL"),
                    entry(Family.TEXT, "VARCHAR(10)"),
                    entry(Family.BOOLEAN, "BOOLEAN"),
                    entry(Family.DATE, "DATE"),
                    entry(Family.TIMESTAMP, "TIMESTAMP(3)"),
                    entry(Family.TIMESTAMPTZ, "TIMESTAMPTZ(3)"),
                    entry(Family.BINARY, "VARBYTE(10)"),
                    entry(Family.JSON, "SUPER"),
                    entry(Family.OTHER, "GEOMETRY"));

    @ParameterizedTest
    @EnumSource(Family.class)
    void anUnchangedTypeIsKeptInEveryFamily(Family family) {
        assertThat(SAMPLES).containsKey(family);
        ColumnType type = ColumnType.parse(SAMPLES.get(family));
        assertThat(type.family()).isEqualTo(family);
        assertThat(TypeWidening.decide(type, type, new RedshiftDialect())).isNull();
        assertThat(TypeWidening.decide(type, type, new PostgresDialect())).isNull();
    }
}
