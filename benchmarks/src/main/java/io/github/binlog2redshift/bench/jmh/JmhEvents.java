package io.github.binlog2redshift.bench.jmh;

import io.github.binlog2redshift.bench.workload.DebeziumEnvelope;
import io.github.binlog2redshift.bench.workload.SinkRows;
import java.nio.charset.StandardCharsets;

/** The records the micro-benchmarks work on: the same update event the sink workload produces. */
final class JmhEvents {

    static final String DB = "sinkbench";
    static final String TABLE = "t001";

    private JmhEvents() {}

    /** Our wire format: an update with before and after images, pk and columns (~1 KB). */
    static byte[] plainUpdate(long id) {
        return DebeziumEnvelope.payload(
                        DB,
                        TABLE,
                        "u",
                        SinkRows.json(id, 1),
                        SinkRows.json(id, 2),
                        4 + id * 100,
                        1_700_000_000_000L)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The same event in Kafka Connect's schema envelope (what MSK Connect Debezium writes). */
    static byte[] envelopedUpdate(long id) {
        return DebeziumEnvelope.value(
                        DebeziumEnvelope.valueSchema(DB, TABLE),
                        DB,
                        TABLE,
                        "u",
                        SinkRows.json(id, 1),
                        SinkRows.json(id, 2),
                        4 + id * 100,
                        1_700_000_000_000L)
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] key(long id) {
        return DebeziumEnvelope.key(DB, TABLE, id).getBytes(StandardCharsets.UTF_8);
    }
}
