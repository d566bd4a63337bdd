package io.github.binlog2redshift.bench.jmh;

import io.github.binlog2redshift.event.PartitionKey;
import io.github.binlog2redshift.event.TableId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key building, paid once per change by cdc-source (Kafka key and partition) and by the sink
 * (dedupe key): a single BIGINT key, and a two-column key whose text needs escaping.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PartitionKeyBenchmark {

    private final TableId table = TableId.of("shop_01", "order_items");
    private final List<String> single = List.of("id");
    private final List<String> composite = List.of("order_id", "sku");
    private Map<String, Object> row;

    @Setup
    public void setUp() {
        row = new LinkedHashMap<>();
        row.put("id", 1234567890L);
        row.put("order_id", 987654321L);
        row.put("sku", "AB.12\\x");
        row.put("qty", 3L);
        row.put("note", "c".repeat(100));
    }

    @Benchmark
    public String singleBigintKey() {
        return PartitionKey.of(table, single, row);
    }

    @Benchmark
    public String compositeEscapedKey() {
        return PartitionKey.of(table, composite, row);
    }

    @Benchmark
    public byte[] keyBytes() {
        return PartitionKey.bytes(table, single, row);
    }
}
