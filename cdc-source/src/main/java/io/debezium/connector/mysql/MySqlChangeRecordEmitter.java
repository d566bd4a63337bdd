package io.debezium.connector.mysql;

import io.debezium.data.Envelope;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.relational.RelationalChangeRecordEmitter;
import io.debezium.schema.DataCollectionSchema;
import io.debezium.util.Clock;
import io.github.binlog2redshift.source.debezium.PresentColumns;
import io.github.binlog2redshift.source.debezium.StaleTableSchemaException;
import java.io.Serializable;
import java.util.Optional;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.header.ConnectHeaders;

/**
 * Replaces Debezium 1.9's class of this name (as bundled in flink-sql-connector-mysql-cdc 3.5.0):
 * the same emitter of one binlog row change, plus the record headers {@link
 * PresentColumns#BEFORE_HEADER} / {@link PresentColumns#AFTER_HEADER} when a row image is partial
 * (marked by {@code RowDeserializers}), so the converter can tell a column the binlog did not carry
 * from a NULL. A full row gets no header. A row with fewer columns than the table schema fails the
 * job with {@link StaleTableSchemaException} (no restart) instead of Debezium's error, which Flink
 * would retry for ever. The job jar excludes the connector's copy.
 */
public class MySqlChangeRecordEmitter extends RelationalChangeRecordEmitter<MySqlPartition> {

    private final Envelope.Operation operation;
    private final OffsetContext offset;
    private final Object[] before;
    private final Object[] after;

    public MySqlChangeRecordEmitter(
            MySqlPartition partition,
            OffsetContext offset,
            Clock clock,
            Envelope.Operation operation,
            Serializable[] before,
            Serializable[] after) {
        super(partition, offset, clock);
        this.offset = offset;
        this.operation = operation;
        this.before = before;
        this.after = after;
    }

    @Override
    public void emitChangeRecords(DataCollectionSchema schema, Receiver<MySqlPartition> receiver)
            throws InterruptedException {
        try {
            super.emitChangeRecords(schema, receiver);
        } catch (RuntimeException e) {
            throw StaleTableSchemaException.of(
                    schema == null ? "?" : schema.id(),
                    offset == null ? null : offset.getOffset(),
                    e);
        }
    }

    @Override
    public OffsetContext getOffset() {
        return offset;
    }

    @Override
    public Envelope.Operation getOperation() {
        return operation;
    }

    @Override
    protected Object[] getOldColumnValues() {
        return before;
    }

    @Override
    protected Object[] getNewColumnValues() {
        return after;
    }

    @Override
    protected Optional<ConnectHeaders> getEmitConnectHeaders() {
        PresentColumns inBefore = PresentColumns.of(before);
        PresentColumns inAfter = PresentColumns.of(after);
        if (inBefore == null && inAfter == null) {
            return Optional.empty();
        }
        ConnectHeaders headers = new ConnectHeaders();
        if (inBefore != null) {
            headers.addString(PresentColumns.BEFORE_HEADER, inBefore.headerValue());
        }
        if (inAfter != null) {
            headers.addString(PresentColumns.AFTER_HEADER, inAfter.headerValue());
        }
        return Optional.of(headers);
    }
}
