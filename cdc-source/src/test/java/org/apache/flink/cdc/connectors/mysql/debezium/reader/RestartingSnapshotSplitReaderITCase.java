package org.apache.flink.cdc.connectors.mysql.debezium.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.relational.TableId;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.cdc.connectors.mysql.source.assigners.MySqlSnapshotSplitAssigner;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfig;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfigFactory;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSplit;
import org.apache.flink.cdc.connectors.mysql.source.split.SourceRecords;
import org.apache.flink.cdc.connectors.mysql.source.utils.RecordUtils;
import org.apache.flink.cdc.connectors.mysql.source.utils.hooks.SnapshotPhaseHooks;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One snapshot reader given two chunks one after the other, as {@code MySqlSplitReader} does when
 * it has several queued (after a restore with unfinished chunks in state), against the local
 * MariaDB. Before each chunk's high watermark every row's {@code v} is incremented, so each chunk
 * needs a backfill that really reads the binlog: chunk {@code k} (1-based) must show {@code v = k}.
 * Flink CDC 3.5.0's reader stalls on the second chunk (FLINK-39207); {@link
 * RestartingSnapshotSplitReader} reads both.
 */
@ExtendWith(LocalStackExtension.class)
class RestartingSnapshotSplitReaderITCase {

    private static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STALL = Duration.ofSeconds(20);

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void restartingReaderReadsTwoBackfilledChunks(MySqlDatabase db) throws Exception {
        MySqlSourceConfig config = config(db, "5591");
        List<MySqlSplit> splits = splits(db, config);
        ExecutorService poller = Executors.newSingleThreadExecutor();
        RestartingSnapshotSplitReader reader =
                new RestartingSnapshotSplitReader(config, 0, incrementBeforeHighWatermark(db));
        try {
            assertChunk(read(poller, reader, splits.get(0), CHUNK_TIMEOUT), 1);
            // The cause: the first chunk's backfill stopped the reader's one context.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reader.isContextRunning() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(reader.isContextRunning()).isFalse();
            assertChunk(read(poller, reader, splits.get(1), CHUNK_TIMEOUT), 2);
        } finally {
            poller.shutdownNow();
            reader.close();
        }
    }

    /**
     * Flink CDC 3.5.0's own reader never finishes the second chunk. When this fails, Flink CDC has
     * the fix: remove {@link RestartingSnapshotSplitReader} and this test.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void flinkCdcReaderStallsOnItsSecondBackfilledChunk(MySqlDatabase db) throws Exception {
        MySqlSourceConfig config = config(db, "5592");
        List<MySqlSplit> splits = splits(db, config);
        ExecutorService poller = Executors.newSingleThreadExecutor();
        SnapshotSplitReader reader =
                new SnapshotSplitReader(config, 0, incrementBeforeHighWatermark(db));
        try {
            assertChunk(read(poller, reader, splits.get(0), CHUNK_TIMEOUT), 1);
            assertThatThrownBy(() -> read(poller, reader, splits.get(1), STALL))
                    .isInstanceOf(TimeoutException.class);
        } finally {
            poller.shutdownNow();
            reader.close();
        }
    }

    private static MySqlSourceConfig config(MySqlDatabase db, String serverId) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0)");
        }
        Properties jdbc = new Properties();
        jdbc.setProperty("sslMode", "DISABLED");
        jdbc.setProperty("allowPublicKeyRetrieval", "true");
        return new MySqlSourceConfigFactory()
                .hostname(db.host())
                .port(db.port())
                .username(db.cdcUser())
                .password(db.cdcPassword())
                .databaseList(db.name())
                .tableList(db.name() + ".t")
                .serverId(serverId)
                .serverTimeZone("UTC")
                .splitSize(2)
                .jdbcProperties(jdbc)
                .createConfig(0);
    }

    /** The table's chunks, as Flink CDC's enumerator cuts them. */
    private static List<MySqlSplit> splits(MySqlDatabase db, MySqlSourceConfig config) {
        MySqlSnapshotSplitAssigner assigner =
                new MySqlSnapshotSplitAssigner(
                        config,
                        1,
                        List.of(new TableId(db.name(), null, "t")),
                        false,
                        enumeratorContext());
        assigner.open();
        List<MySqlSplit> splits = new ArrayList<>();
        for (Optional<MySqlSplit> s = assigner.getNext(); s.isPresent(); s = assigner.getNext()) {
            splits.add(s.get());
        }
        assigner.close();
        assertThat(splits).hasSizeGreaterThanOrEqualTo(2);
        return splits;
    }

    /** Every row's {@code v} + 1 just before each chunk's high watermark (as the owner). */
    private static SnapshotPhaseHooks incrementBeforeHighWatermark(MySqlDatabase db) {
        SnapshotPhaseHooks hooks = new SnapshotPhaseHooks();
        hooks.setPreHighWatermarkAction(
                (connection, split) -> {
                    try (Connection c = db.connect();
                            Statement s = c.createStatement()) {
                        s.execute("UPDATE t SET v = v + 1");
                    }
                });
        return hooks;
    }

    /**
     * Submits {@code split} and polls it to its end, or throws TimeoutException after {@code
     * timeout}.
     */
    private static List<SourceRecord> read(
            ExecutorService poller, SnapshotSplitReader reader, MySqlSplit split, Duration timeout)
            throws Exception {
        assertThat(reader.isFinished()).isTrue();
        Future<List<SourceRecord>> records =
                poller.submit(
                        () -> {
                            reader.submitSplit(split);
                            List<SourceRecord> out = new ArrayList<>();
                            Iterator<SourceRecords> batch;
                            while ((batch = reader.pollSplitRecords()) != null) {
                                batch.forEachRemaining(r -> out.addAll(r.getSourceRecordList()));
                            }
                            return out;
                        });
        try {
            return records.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            records.cancel(true);
            throw e;
        }
    }

    /**
     * Rows between the low and high watermark (the backfill ended at BINLOG_END), all {@code v}.
     */
    private static void assertChunk(List<SourceRecord> records, int v) {
        assertThat(records).isNotEmpty();
        assertThat(RecordUtils.isLowWatermarkEvent(records.get(0))).isTrue();
        assertThat(RecordUtils.isHighWatermarkEvent(records.get(records.size() - 1))).isTrue();
        List<SourceRecord> rows = records.subList(1, records.size() - 1);
        assertThat(rows).isNotEmpty().allMatch(RecordUtils::isDataChangeRecord);
        assertThat(rows)
                .extracting(r -> ((Struct) r.value()).getStruct("after").getInt32("v"))
                .containsOnly(v);
    }

    @SuppressWarnings("unchecked")
    private static SplitEnumeratorContext<MySqlSplit> enumeratorContext() {
        return (SplitEnumeratorContext<MySqlSplit>)
                Proxy.newProxyInstance(
                        SplitEnumeratorContext.class.getClassLoader(),
                        new Class<?>[] {SplitEnumeratorContext.class},
                        (proxy, method, args) -> {
                            Class<?> type = method.getReturnType();
                            if (type == int.class) {
                                return 1;
                            }
                            return type == boolean.class ? false : null;
                        });
    }
}
