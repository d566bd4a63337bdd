package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.PostgresServer;
import io.github.binlog2redshift.localstack.S3Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the harness watches to aim a fault at a phase, from the outside, as an operator could: the
 * JobManager's log, the topic's end offsets, the warehouse's {@code pg_stat_activity} and commit
 * ledger, the objects under the staging prefix. Every probe answers false (or 0) while the thing it
 * reads is down.
 */
final class PhaseSignals {
    /** Logged by Flink CDC's split assigner when every snapshot split is read. */
    static final String SNAPSHOT_FINISHED = "INITIAL_ASSIGNING_FINISHED";

    private final Path jobManagerLog;
    private final Admin kafka;
    private final String topic;
    private final int partitions;
    private final PostgresServer postgres;
    private final String warehouseDatabase;
    private final S3Client s3;
    private final S3Location staging;
    private final Set<String> stagedSeen = new HashSet<>();

    PhaseSignals(
            Path jobManagerLog,
            Admin kafka,
            String topic,
            int partitions,
            PostgresServer postgres,
            String warehouseDatabase,
            S3Client s3,
            S3Location staging) {
        this.jobManagerLog = jobManagerLog;
        this.kafka = kafka;
        this.topic = topic;
        this.partitions = partitions;
        this.postgres = postgres;
        this.warehouseDatabase = warehouseDatabase;
        this.s3 = s3;
        this.staging = staging;
    }

    /** Whether cdc-source's enumerator logged the end of the snapshot. */
    boolean snapshotFinished() {
        try {
            return Files.isRegularFile(jobManagerLog)
                    // Latin-1: any byte decodes, whatever else the log holds.
                    && Files.readString(jobManagerLog, StandardCharsets.ISO_8859_1)
                            .contains(SNAPSHOT_FINISHED);
        } catch (IOException e) {
            return false;
        }
    }

    /** Records written to the topic (end offsets: transactional writes count before the commit). */
    long topicRecords() {
        try {
            Map<TopicPartition, OffsetSpec> latest =
                    java.util.stream.IntStream.range(0, partitions)
                            .boxed()
                            .collect(
                                    Collectors.toMap(
                                            p -> new TopicPartition(topic, p),
                                            p -> OffsetSpec.latest()));
            return kafka.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Statements of the warehouse database's clients now running that match {@code like}. */
    boolean warehouseRunning(String like) {
        return count(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <>"
                                + " pg_backend_pid() AND state = 'active' AND query ILIKE ?",
                        warehouseDatabase,
                        like)
                > 0;
    }

    /** Whether a client of the warehouse database is inside a transaction now. */
    boolean warehouseTransactionOpen() {
        return count(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <>"
                                + " pg_backend_pid() AND xact_start IS NOT NULL AND state IN"
                                + " ('active', 'idle in transaction')",
                        warehouseDatabase)
                > 0;
    }

    /** Rows of the warehouse's commit ledger: it grows by one per committed table batch. */
    long ledgerRows() {
        return count("SELECT count(*) FROM public._b2r_commit_ledger");
    }

    /** Whether an object appeared under the staging prefix since the last call. */
    boolean newStagedObject() {
        try {
            ListObjectsV2Request request =
                    ListObjectsV2Request.builder()
                            .bucket(staging.bucket())
                            .prefix(staging.prefix())
                            .build();
            boolean fresh = false;
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                fresh |= stagedSeen.add(o.key());
            }
            return fresh;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private long count(String sql, String... arguments) {
        try (Connection c = postgres.connect(warehouseDatabase);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setString(i + 1, arguments[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }
}
