package io.github.binlog2redshift.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.errors.ConnectException;
import org.apache.flink.runtime.throwable.ThrowableClassifier;
import org.apache.flink.runtime.throwable.ThrowableType;
import org.junit.jupiter.api.Test;

/** Debezium's out-of-sync error becomes one clear failure that Flink does not restart. */
class StaleTableSchemaExceptionTest {

    private static final ConnectException DEBEZIUM =
            new ConnectException(
                    "Data row is smaller than a column index, internal schema representation is"
                            + " probably out of sync with real database schema");

    @Test
    void theOutOfSyncErrorNamesTableAndPositionAndSuppressesRestarts() {
        RuntimeException e =
                StaleTableSchemaException.of(
                        "shop.orders",
                        Map.of("file", "binlog.000001", "pos", 4218863L, "row", 0),
                        DEBEZIUM);

        assertThat(e).isInstanceOf(StaleTableSchemaException.class).hasCause(DEBEZIUM);
        assertThat(e.getMessage())
                .contains("Table shop.orders")
                .contains("binlog.000001:4218863 (row 0)")
                .contains("ALTER TABLE")
                .contains("Re-syncing a table");
        // what Flink's ExecutionFailureHandler checks, anywhere in the cause chain
        assertThat(ThrowableClassifier.getThrowableType(e))
                .isEqualTo(ThrowableType.NonRecoverableError);
        RuntimeException wrapped =
                new RuntimeException(
                        "SplitFetcher thread 0 received unexpected exception",
                        new IllegalStateException("Error processing binlog event", e));
        assertThat(
                        ThrowableClassifier.findThrowableOfThrowableType(
                                wrapped, ThrowableType.NonRecoverableError))
                .contains(e);
    }

    @Test
    void theErrorIsFoundInsideWrappersAndWithoutAnOffset() {
        RuntimeException e =
                StaleTableSchemaException.of(
                        "shop.orders", null, new IllegalStateException("wrapped", DEBEZIUM));

        assertThat(e).isInstanceOf(StaleTableSchemaException.class);
        assertThat(e.getMessage()).contains("at unknown");
        assertThat(StaleTableSchemaException.of("shop.orders", null, e)).isSameAs(e);
    }

    @Test
    void otherFailuresPassUnchangedAndKeepRestarting() {
        RuntimeException other = new ConnectException("Error while processing event");

        assertThat(StaleTableSchemaException.of("shop.orders", Map.of(), other)).isSameAs(other);
        assertThat(ThrowableClassifier.getThrowableType(other))
                .isNotEqualTo(ThrowableType.NonRecoverableError);
    }
}
