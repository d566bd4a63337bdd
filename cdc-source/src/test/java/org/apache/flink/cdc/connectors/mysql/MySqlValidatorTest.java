package org.apache.flink.cdc.connectors.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.connector.mysql.MySqlChangeRecordEmitter;
import io.debezium.connector.mysql.RowDeserializers;
import org.junit.jupiter.api.Test;

/**
 * cdc-source's replacements of Flink CDC / Debezium classes are the ones loaded (not the
 * connector's): each is loaded from cdc-source's own classes, next to this project's code. Revisit
 * them with every Flink CDC upgrade (their Javadoc says what they replace).
 */
class MySqlValidatorTest {

    @Test
    void cdcSourcesCopiesAreLoaded() {
        Class<?> ours = io.github.binlog2redshift.source.RowImage.class;
        for (Class<?> c :
                new Class<?>[] {
                    MySqlValidator.class,
                    MySqlChangeRecordEmitter.class,
                    RowDeserializers.WriteRowsDeserializer.class,
                    RowDeserializers.UpdateRowsDeserializer.class,
                    RowDeserializers.DeleteRowsDeserializer.class
                }) {
            assertThat(c.getProtectionDomain().getCodeSource().getLocation())
                    .as(c.getName())
                    .isEqualTo(ours.getProtectionDomain().getCodeSource().getLocation());
        }
        assertThat(MySqlValidator.READABLE_ROW_IMAGES)
                .containsExactlyInAnyOrder("FULL", "NOBLOB", "MINIMAL");
    }
}
