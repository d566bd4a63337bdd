package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import io.github.binlog2redshift.standalone.ClusterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's cluster configuration and both jobs' properties files (docs/configuration.md): exactly or
 * at least once into Kafka as the plan draws, checkpoints every {@value #CHECKPOINT_INTERVAL}
 * retained on cancellation (the jobs set it), restarts without a limit so that a service outage is
 * ridden out by Flink's own restarts, and the sink's table modes under test.
 */
final class ChaosSettings {
    static final String CHECKPOINT_INTERVAL = "2s";

    /** One job's source and sink plus the slots a job restored beside a dying one may take. */
    static final int SLOTS = 6;

    private final LocalStack stack;
    private final MySqlDatabase mysql;
    private final KafkaTopic topic;
    private final S3Location s3;
    private final WarehouseDatabase warehouse;
    private final boolean atLeastOnce;
    private final String sinkJobId;
    private final int restPort = FreePorts.pick();

    ChaosSettings(
            LocalStack stack,
            MySqlDatabase mysql,
            KafkaTopic topic,
            S3Location s3,
            WarehouseDatabase warehouse,
            boolean atLeastOnce) {
        this.stack = stack;
        this.atLeastOnce = atLeastOnce;
        // Unique in the batch's shared stack: it names the dead-letter topic and consumer group.
        this.sinkJobId = stack.uniqueName("chaos_sink");
        this.mysql = mysql;
        this.topic = topic;
        this.s3 = s3;
        this.warehouse = warehouse;
    }

    String sinkJobId() {
        return sinkJobId;
    }

    int restPort() {
        return restPort;
    }

    S3Location s3() {
        return s3;
    }

    /** config.yaml: the local-stack cluster, with quick detection of a dead process. */
    Map<String, String> cluster() {
        Map<String, String> m = ClusterConfig.onLocalStack(stack.s3(), s3, restPort, SLOTS);
        // A killed JobManager or TaskManager is noticed within seconds instead of 50 s.
        m.put("heartbeat.interval", "1000");
        m.put("heartbeat.timeout", "8000");
        m.put("taskmanager.memory.process.size", "1728m");
        return m;
    }

    Path writeSource(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source.hostname", mysql.host());
        m.put("source.port", Integer.toString(mysql.port()));
        m.put("source.username", mysql.cdcUser());
        m.put("source.password", mysql.cdcPassword());
        m.put("source.database-list", mysql.name());
        m.put("source.table-list", SourceSchema.tableList(mysql));
        m.put("source.chunk-key-columns", mysql.name() + "." + SourceSchema.KEYLESS + "=batch");
        // Small chunks: the snapshot takes several checkpoints, so a fault can land inside it.
        m.put("source.snapshot.chunk-size", "2000");
        m.put("source.server-id", "5600-5601");
        m.put("kafka.bootstrap-servers", topic.bootstrapServers());
        m.put("kafka.topic", topic.name());
        if (atLeastOnce) {
            m.put("kafka.delivery-guarantee", "AT_LEAST_ONCE");
        } else {
            m.put("kafka.delivery-guarantee", "EXACTLY_ONCE");
            m.put("kafka.transactional-id-prefix", topic.name() + "-tx");
            m.put("kafka.properties.transaction.timeout.ms", "600000");
        }
        m.put("pipeline.job-name", "cdc-source-chaos");
        m.put("pipeline.parallelism", "1");
        restarts(m);
        return write(file, m);
    }

    Path writeSink(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>(warehouse.sinkSettings());
        m.put("kafka.bootstrap-servers", topic.bootstrapServers());
        m.put("kafka.topics", topic.name());
        m.put("kafka.starting-offsets", "EARLIEST");
        m.put("sink.staging.path", s3.uri("staging/"));
        m.put("sink.job-id", sinkJobId);
        m.put("sink.keyless-tables", "MIRROR");
        String db = mysql.name();
        m.put(
                "sink.tables",
                "[{\"db\":\""
                        + db
                        + "\",\"table\":\""
                        + SourceSchema.HISTORY
                        + "\",\"history\":true},{\"db\":\""
                        + db
                        + "\",\"table\":\""
                        + SourceSchema.ARCHIVE
                        + "\",\"save_delete\":true}]");
        m.put("pipeline.job-name", "redshift-sink-chaos");
        m.put("pipeline.parallelism", "2");
        restarts(m);
        return write(file, m);
    }

    private static void restarts(Map<String, String> m) {
        m.put("pipeline.checkpoint.interval", CHECKPOINT_INTERVAL);
        m.put("pipeline.restart-strategy", "FIXED_DELAY");
        m.put("pipeline.restart-strategy.attempts", "1000");
        m.put("pipeline.restart-strategy.delay", "2s");
    }

    private static Path write(Path file, Map<String, String> properties) throws IOException {
        return Files.writeString(
                file,
                properties.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("\n"))
                        + "\n");
    }
}
