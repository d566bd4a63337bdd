package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import io.github.binlog2redshift.source.TopicReader.Rec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel the job mid-stream and restart it from its retained checkpoint: with EXACTLY_ONCE and a
 * read_committed consumer, every change made before, during and while stopped arrives exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class CdcSourceRestartITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(CdcJobs.miniClusterConfig())
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void restartFromRetainedCheckpointLosesNothingAndDuplicatesNothing(
            MySqlDatabase db, @Partitions(3) KafkaTopic topic, @TempDir Path checkpoints)
            throws Exception {
        sql(db, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", insert(1, 5));
        Map<String, String> options =
                CdcJobs.options(
                        db,
                        topic,
                        "5420",
                        "kafka.delivery-guarantee=EXACTLY_ONCE",
                        "kafka.transactional-id-prefix=" + topic.name() + "-tx",
                        "pipeline.checkpoint.dir=" + checkpoints.toUri());
        JobClient job = CdcJobs.start(TestConfigs.source(options));
        try (TopicReader reader =
                new TopicReader(topic.bootstrapServers(), topic.name(), 3, true)) {
            reader.readUntil(r -> rows(r).size() >= 5, Duration.ofSeconds(90));
            sql(db, insert(100, 20));
            reader.readUntil(r -> rows(r).size() >= 25, Duration.ofSeconds(60));
            sql(db, insert(200, 20), "UPDATE t SET v = 2 WHERE id < 3");
            Thread.sleep(300); // some of these are now in an open Kafka transaction
            job.cancel().get();
            sql(db, insert(300, 20), "DELETE FROM t WHERE id = 5");

            options.put("source.server-id", "5421");
            job = CdcJobs.start(TestConfigs.source(options), latestCheckpoint(checkpoints));
            int expected = 5 + 20 + 20 + 2 + 20 + 1;
            reader.readUntil(r -> rows(r).size() >= expected, Duration.ofSeconds(90));
            List<Rec> read = reader.drain(Duration.ofSeconds(3));
            // t is read in one chunk, whose range event is in each of the 3 partitions once: the
            // snapshot ended before the cancel and is not read again
            assertThat(read.stream().filter(r -> r.op().equals("ddl")))
                    .hasSize(3)
                    .allMatch(r -> r.value().path("ddl").asText().startsWith("SNAPSHOT CHUNK OF"));
            List<Rec> all = rows(read);

            Map<String, Long> copies =
                    all.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            r -> r.key() + "@" + r.sortKey() + "/" + r.op(),
                                            Collectors.counting()));
            assertThat(copies.values()).as("copies per change").containsOnly(1L);
            assertThat(all).hasSize(expected);
            Map<String, Long> ops =
                    all.stream().collect(Collectors.groupingBy(Rec::op, Collectors.counting()));
            assertThat(ops)
                    .containsEntry("r", 5L)
                    .containsEntry("c", 60L)
                    .containsEntry("u", 2L)
                    .containsEntry("d", 1L);
            CdcSourceITCase.assertPartitionsAndOrder(all, 3);
        } finally {
            job.cancel().get();
        }
    }

    /** The records that are row changes, without the snapshot's chunk range events. */
    private static List<Rec> rows(List<Rec> records) {
        return records.stream().filter(r -> !r.op().equals("ddl")).toList();
    }

    private static String insert(int from, int count) {
        return "INSERT INTO t VALUES "
                + Stream.iterate(from, i -> i + 1)
                        .limit(count)
                        .map(i -> "(" + i + ", 1)")
                        .collect(Collectors.joining(", "));
    }

    /** The newest completed checkpoint ({@code chk-N} with its {@code _metadata}). */
    private static String latestCheckpoint(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .max(
                            Comparator.comparingInt(
                                    p -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .map(Function.<Path>identity().andThen(Path::toString))
                    .orElseThrow(() -> new AssertionError("no completed checkpoint in " + root));
        }
    }
}
