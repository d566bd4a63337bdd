package io.github.binlog2redshift.deploy;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import io.github.binlog2redshift.standalone.ClusterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The standalone-cluster test's configuration against the local stack: the cluster's {@code
 * config.yaml} entries and both jobs' properties files (the keys of docs/configuration.md), the
 * same a user writes for a real cluster.
 */
final class JobSettings {
    private final LocalStack stack;
    private final MySqlDatabase mysql;
    private final KafkaTopic topic;
    private final S3Location s3;
    private final PostgresDatabase warehouse;
    private final String sinkJobId;
    private final int restPort = FreePorts.pick();

    JobSettings(
            LocalStack stack,
            MySqlDatabase mysql,
            KafkaTopic topic,
            S3Location s3,
            PostgresDatabase warehouse,
            String sinkJobId) {
        this.stack = stack;
        this.mysql = mysql;
        this.topic = topic;
        this.s3 = s3;
        this.warehouse = warehouse;
        this.sinkJobId = sinkJobId;
    }

    int restPort() {
        return restPort;
    }

    /** config.yaml: loopback only, small memory, RocksDB, checkpoints and savepoints on S3. */
    Map<String, String> cluster() {
        return ClusterConfig.onLocalStack(stack.s3(), s3, restPort, 4);
    }

    /** cdc-source: snapshot then binlog of the test database, exactly once into the topic. */
    Path writeSource(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source.hostname", mysql.host());
        m.put("source.port", Integer.toString(mysql.port()));
        m.put("source.username", mysql.cdcUser());
        m.put("source.password", mysql.cdcPassword());
        m.put("source.database-list", mysql.name());
        m.put("source.server-id", "5600-5601");
        m.put("kafka.bootstrap-servers", topic.bootstrapServers());
        m.put("kafka.topic", topic.name());
        m.put("kafka.delivery-guarantee", "EXACTLY_ONCE");
        m.put("kafka.transactional-id-prefix", topic.name() + "-tx");
        // Flink asks for 1 h; the broker's transaction.max.timeout.ms is 15 min.
        m.put("kafka.properties.transaction.timeout.ms", "600000");
        m.put("pipeline.job-name", "cdc-source-standalone");
        m.put("pipeline.parallelism", "1");
        m.put("pipeline.checkpoint.interval", "1s");
        m.put("pipeline.restart-strategy", "NONE");
        return write(file, m);
    }

    /** redshift-sink into PostgreSQL, staging on S3, a stable ledger id across the resume. */
    Path writeSink(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kafka.bootstrap-servers", topic.bootstrapServers());
        m.put("kafka.topics", topic.name());
        m.put("kafka.starting-offsets", "EARLIEST");
        m.put("sink.target", "POSTGRES");
        m.put("sink.jdbc.url", warehouse.jdbcUrl());
        m.put("sink.redshift.username", warehouse.user());
        // Trust authentication ignores it; the option demands a password with a user name.
        m.put("sink.redshift.password", "unused-by-trust-auth");
        m.put("sink.staging.path", s3.uri("staging/"));
        m.put("sink.job-id", sinkJobId);
        m.put("pipeline.job-name", "redshift-sink-standalone");
        m.put("pipeline.parallelism", "2");
        m.put("pipeline.checkpoint.interval", "1s");
        m.put("pipeline.restart-strategy", "NONE");
        return write(file, m);
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
