package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.result.Direction;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.MetricsCapture;
import io.github.binlog2redshift.bench.workload.DebeziumEnvelope;
import io.github.binlog2redshift.bench.workload.SinkRows;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.StartingOffsets;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.sink.ingest.IngestOptions;
import io.github.binlog2redshift.sink.ingest.SinkIngestTopology;
import io.github.binlog2redshift.sink.kafka.KafkaInputOptions;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Memory of the sink's dedupe with many distinct keys changed inside one checkpoint interval: the
 * ingest half (Kafka -> parse -> keyBy -> latest per key) on RocksDB, with no checkpoint during the
 * run, so every key is held in state at the end. Reports the JVM heap in use after a full GC (the
 * MiniCluster runs in this JVM) over the baseline before the job, and RocksDB's own size figures.
 * The peer has no counterpart (Debezium's JDBC sink holds one batch in its reduction buffer).
 */
public final class SinkMemory implements Scenario {

    static final String NAME = "sink-memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        int keys = env.sizes().memoryKeys();
        KafkaTopic topic = env.stack().newTopic("memory", 2);
        produce(topic, keys);
        Path rocks = env.dir("rocksdb");
        Files.createDirectories(rocks);
        Configuration conf = FlinkRunner.baseConfig(2);
        // RocksDB's memtables and block cache come out of managed memory. With the harness's
        // 512 MiB (256 MiB a slot) the dedupe fell from 60k to 7k keys/s past a million keys in
        // one interval (lookups in RocksDB.get); 1 GiB a slot (2 GiB: Flink's default 40% share
        // of a TaskManager of about 5.5 GiB) keeps 5M keys at about 60k keys/s.
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(2048));
        conf.setString("state.backend.type", "rocksdb");
        conf.setString("state.backend.rocksdb.localdir", rocks.toString());
        conf.setString("state.backend.rocksdb.metrics.estimate-live-data-size", "true");
        conf.setString("state.backend.rocksdb.metrics.cur-size-all-mem-tables", "true");
        conf.setString("state.backend.rocksdb.metrics.estimate-num-keys", "true");
        long baseline = heapAfterGc();
        KafkaInputOptions kafka =
                new KafkaInputOptions(
                        topic.bootstrapServers(),
                        List.of(topic.name()),
                        null,
                        "bench-memory",
                        StartingOffsets.EARLIEST,
                        null,
                        0,
                        Map.of());
        JobClient job =
                FlinkRunner.start(
                        NAME,
                        conf,
                        2,
                        e -> {
                            // One interval longer than the run: every key stays buffered until the
                            // end.
                            e.enableCheckpointing(Duration.ofHours(1).toMillis());
                            SinkIngestTopology.build(
                                            e,
                                            new IngestOptions(
                                                    kafka,
                                                    InputFormat.DEBEZIUM,
                                                    RoutingOptions.of(
                                                            TargetNaming.SCHEMA_PER_DATABASE, null),
                                                    Optional.empty()))
                                    .changes()
                                    .sinkTo(new DiscardingSink<>())
                                    .name("discard");
                        });
        try {
            Pattern in = Pattern.compile("\\." + NAME + "\\.latest-per-key\\.\\d+\\.numRecordsIn$");
            CatchUp c =
                    CatchUp.await(
                            "dedupe of " + keys + " keys",
                            () -> MetricsCapture.sum(in).orElse(0),
                            keys,
                            Duration.ofMillis(500),
                            Duration.ofMinutes(15));
            Thread.sleep(2_000); // let the RocksDB gauges refresh (reporter interval 1 s)
            double heapMb = (heapAfterGc() - baseline) / 1048576.0;
            long live = MetricsCapture.sum(Pattern.compile("estimate-live-data-size$")).orElse(0);
            long mem = MetricsCapture.sum(Pattern.compile("cur-size-all-mem-tables$")).orElse(0);
            long disk = directorySize(rocks);
            String note =
                    keys
                            + " distinct keys in one interval, RocksDB, parallelism 2, "
                            + Math.round(c.rate())
                            + " keys/s";
            add(env, "heap_mb", heapMb, note);
            add(
                    env,
                    "rocksdb_live_mb",
                    (live + mem) / 1048576.0,
                    "estimate-live-data-size + memtables");
            add(env, "rocksdb_disk_mb", disk / 1048576.0, "local RocksDB directory");
            add(
                    env,
                    "bytes_per_key",
                    (live + mem) / (double) keys,
                    "RocksDB live bytes per buffered key");
        } finally {
            FlinkRunner.cancel(job);
        }
    }

    private static void add(BenchEnv env, String metric, double value, String note) {
        env.results()
                .add(
                        new Measurement(
                                NAME,
                                Measurement.OURS,
                                metric,
                                value,
                                metric.endsWith("_mb") ? "MB" : "bytes",
                                Direction.LOWER_IS_BETTER,
                                note));
    }

    private static void produce(KafkaTopic topic, int keys) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "524288");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long id = 1; id <= keys; id++) {
                String table = String.format("t%03d", 1 + id % 100);
                String v =
                        DebeziumEnvelope.payload(
                                "memdb",
                                table,
                                "c",
                                "null",
                                SinkRows.json(id, 0),
                                4 + id * 100,
                                1_700_000_000_000L);
                producer.send(
                        new ProducerRecord<>(
                                topic.name(), null, v.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static long directorySize(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
