package io.github.binlog2redshift.deploy;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.internal.FreePorts;
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
        Map<String, String> m = new LinkedHashMap<>();
        m.put("jobmanager.rpc.address", "localhost");
        m.put("jobmanager.rpc.port", Integer.toString(FreePorts.pick()));
        m.put("jobmanager.bind-host", "localhost");
        m.put("taskmanager.bind-host", "localhost");
        m.put("taskmanager.host", "localhost");
        m.put("rest.address", "localhost");
        m.put("rest.bind-address", "localhost");
        m.put("rest.port", Integer.toString(restPort));
        m.put("jobmanager.memory.process.size", "768m");
        m.put("taskmanager.memory.process.size", "1536m");
        m.put("taskmanager.numberOfTaskSlots", "4");
        m.put("parallelism.default", "1");
        m.put("state.backend.type", "rocksdb");
        m.put("state.checkpoints.dir", s3.uri("checkpoints/"));
        m.put("state.savepoints.dir", s3.uri("savepoints/"));
        m.put("env.java.opts.all", String.join(" ", FlinkHome.JAVA_17_OPTS));
        S3ProxyServer server = stack.s3();
        m.put("s3.endpoint", server.endpoint());
        m.put("s3.endpoint.region", S3ProxyServer.REGION);
        m.put("s3.path.style.access", "true");
        m.put("s3.access-key", server.accessKey());
        m.put("s3.secret-key", server.secretKey());
        // The default provider chain would probe the cloud metadata address and stall.
        m.put(
                "s3.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        // S3Proxy's filesystem backend rejects S3A's bulk delete of directory markers.
        m.put("s3.directory.marker.retention", "keep");
        return m;
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
