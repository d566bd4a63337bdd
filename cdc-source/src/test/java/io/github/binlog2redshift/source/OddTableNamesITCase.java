package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.source.TopicReader.Rec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables with odd names in the captured database, before the start and created mid-run: the names
 * Flink CDC can carry flow like any other (snapshot, binlog, restore from a checkpoint), the ones
 * it cannot are skipped, named by the preflight and counted by the running job, and nothing stops.
 */
@ExtendWith(LocalStackExtension.class)
class OddTableNamesITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(CdcJobs.miniClusterConfig())
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    static final List<String> CARRIED =
            List.of("sp ace", "dot.ted", "dq\"mid", "bt`mid", "ünïcödé_表", TableNamesTest.LONG);
    static final List<String> SKIPPED = List.of("Weird Table \"1\"", "sq'mid", "`bt`");

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void carriesWhatItCanAndNamesWhatItCannot(
            MySqlDatabase db,
            KafkaTopic topic,
            LocalStack stack,
            @InjectClusterClient RestClusterClient<?> cluster,
            @TempDir Path checkpoints)
            throws Exception {
        List<String> setup = new ArrayList<>(List.of(create("ok"), insert("ok", 1)));
        for (String t : concat(CARRIED, SKIPPED)) {
            setup.add(create(t));
            setup.add(insert(t, 1));
        }
        sql(db, setup.toArray(String[]::new));
        stack.kafka().createTopic(topic.name() + ".dlq", 1);
        Map<String, String> options =
                CdcJobs.options(
                        db,
                        topic,
                        "5460",
                        "source.table-name-check-interval=1s",
                        "pipeline.checkpoint.dir=" + checkpoints.toUri());

        List<String> warnings = SourcePreflight.check(TestConfigs.source(options));
        // One per table skipped for its name; none for the at-least-once snapshot (the
        // default): every table is split on an INT key, whose chunks carry their range.
        assertThat(warnings).hasSize(SKIPPED.size());
        assertThat(warnings)
                .noneMatch(w -> w.startsWith("kafka.delivery-guarantee is AT_LEAST_ONCE"));
        for (String t : SKIPPED) {
            assertThat(warnings).anyMatch(w -> w.contains(quoted(db.name()) + "." + quoted(t)));
        }
        assertThatThrownBy(
                        () ->
                                SourcePreflight.check(
                                        TestConfigs.source(
                                                CdcJobs.options(
                                                        db,
                                                        topic,
                                                        "5461",
                                                        "source.table-list="
                                                                + db.name()
                                                                + "\\.sq'mid"))))
                .isInstanceOf(SourcePreflightException.class)
                .hasMessageContaining("matches only tables whose names Flink CDC 3.5 cannot");

        JobClient job = CdcJobs.start(TestConfigs.source(options));
        try (TopicReader reader =
                new TopicReader(topic.bootstrapServers(), topic.name(), 1, false)) {
            reader.readUntil(r -> tables(r).containsAll(concat(CARRIED, List.of("ok"))), T90);
            sql(
                    db,
                    create("mid sp.ace"),
                    create("'mid'"),
                    create("\"mid\""),
                    insert("mid sp.ace", 2),
                    insert("'mid'", 2),
                    insert("\"mid\"", 2),
                    insert("Weird Table \"1\"", 2),
                    insert("sp ace", 2),
                    insert("ok", 2));
            reader.readUntil(r -> has(r, "ok", 2) && has(r, "mid sp.ace", 2), T90);
            JobMetrics metrics = new JobMetrics(cluster.getWebInterfaceURL(), job.getJobID());
            assertThat(metrics.await("uncapturableTables", 5, T90)).isEqualTo(5);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            Thread.sleep(2500); // a checkpoint after the mid-run tables
            job.cancel().get();

            options.put("source.server-id", "5462");
            job = CdcJobs.start(TestConfigs.source(options), CdcJobs.latestCheckpoint(checkpoints));
            sql(db, insert("ok", 3), insert("dot.ted", 3), insert("mid sp.ace", 3));
            List<Rec> all =
                    reader.readUntil(
                            r -> has(r, "ok", 3) && has(r, "dot.ted", 3) && has(r, "mid sp.ace", 3),
                            T90);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(has(all, "sp ace", 2)).isTrue();
            assertThat(tables(all))
                    .doesNotContainAnyElementsOf(concat(SKIPPED, List.of("'mid'", "\"mid\"")));
        } finally {
            job.cancel().get();
        }
    }

    private static final Duration T90 = Duration.ofSeconds(90);

    private static String create(String table) {
        return "CREATE TABLE " + quoted(table) + " (id INT PRIMARY KEY)";
    }

    private static String insert(String table, int id) {
        return "INSERT INTO " + quoted(table) + " VALUES (" + id + ")";
    }

    private static String quoted(String name) {
        return TableNames.quoted(name);
    }

    private static List<String> tables(List<Rec> records) {
        return records.stream().map(r -> r.value().path("source").path("table").asText()).toList();
    }

    private static boolean has(List<Rec> records, String table, int id) {
        return records.stream()
                .anyMatch(
                        r ->
                                r.value().path("source").path("table").asText().equals(table)
                                        && r.value().path("after").path("id").asInt() == id);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
