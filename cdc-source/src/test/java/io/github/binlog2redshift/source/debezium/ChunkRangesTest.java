package io.github.binlog2redshift.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.relational.TableId;
import io.github.binlog2redshift.event.SnapshotChunk;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSnapshotSplit;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;

class ChunkRangesTest {

    private static MySqlSnapshotSplit split(LogicalType key, Object[] start, Object[] end) {
        return new MySqlSnapshotSplit(
                new TableId("shop", null, "orders"),
                0,
                RowType.of(new LogicalType[] {key}, new String[] {"id"}),
                start,
                end,
                null,
                Map.of());
    }

    @Test
    void integerSplitsCarryTheirBoundsAndOneChunkIsTheWholeTable() {
        assertThat(ChunkRanges.of(split(new IntType(), null, null)))
                .contains(SnapshotChunk.wholeTable());
        assertThat(ChunkRanges.of(split(new VarCharType(20), null, null)))
                .as("one chunk of any key is the whole table")
                .contains(SnapshotChunk.wholeTable());
        assertThat(ChunkRanges.of(split(new IntType(), null, new Object[] {100})))
                .contains(SnapshotChunk.range("id", null, BigInteger.valueOf(100)));
        assertThat(ChunkRanges.of(split(new BigIntType(), new Object[] {5L}, new Object[] {9L})))
                .contains(SnapshotChunk.range("id", BigInteger.valueOf(5), BigInteger.valueOf(9)));
        BigDecimal unsigned = new BigDecimal("18446744073709551600");
        assertThat(ChunkRanges.of(split(new DecimalType(20, 0), new Object[] {unsigned}, null)))
                .contains(SnapshotChunk.range("id", unsigned.toBigIntegerExact(), null));
    }

    @Test
    void keysAWarehouseCannotCompareAsMySqlDoesCarryNoRange() {
        assertThat(ChunkRanges.of(split(new VarCharType(20), new Object[] {"m"}, null))).isEmpty();
        assertThat(ChunkRanges.of(split(new TimestampType(3), null, new Object[] {1_000L})))
                .isEmpty();
        assertThat(
                        ChunkRanges.of(
                                split(
                                        new DecimalType(10, 2),
                                        new Object[] {new BigDecimal("1.50")},
                                        null)))
                .isEmpty();
    }

    /**
     * A chunk's range event is positioned at its high watermark, but read before the binlog phase:
     * it must not look like a streamed change to the metrics (run-local waits for one before its
     * ALTER, which fails the source if it lands before the binlog split is handed out).
     */
    @Test
    void aChunkRangeIsNoStreamedChangeForTheMetrics() {
        io.github.binlog2redshift.source.SourceChange change =
                new ChangeEventDeserializer(java.util.List.of())
                        .of(
                                io.github.binlog2redshift.event.TableId.of("shop", "customers"),
                                SnapshotChunk.range("id", BigInteger.ONE, BigInteger.TEN),
                                org.apache.flink.cdc.connectors.mysql.source.offset.BinlogOffset
                                        .ofBinlogFilePosition("mysql-bin.000003", 4000));
        assertThat(change.op()).isEqualTo(io.github.binlog2redshift.event.Op.SCHEMA_CHANGE);
        assertThat(change.binlogPosition()).isZero();
        assertThat(change.binlogFileSequence()).isZero();
        assertThat(change.sourceTsMs()).isZero();
        // The event itself keeps the position the sink orders it by.
        assertThat(new String(change.value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"file\":\"mysql-bin.000003\"")
                .contains("\"pos\":4000");
    }
}
