package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import io.github.binlog2redshift.source.TopicReader.Rec;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TRUNCATE on the local MariaDB becomes a schema-change event of its table (Debezium's history
 * record of it has no table change): with and without {@code TABLE}, qualified, copied to every
 * partition between the table's older and newer rows; a table outside the captured ones gives none.
 */
@ExtendWith(LocalStackExtension.class)
class CdcSourceTruncateITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(CdcJobs.miniClusterConfig())
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void truncateIsForwardedToEveryPartitionBetweenTheRows(
            MySqlDatabase db, @Partitions(4) KafkaTopic topic) throws Exception {
        sql(
                db,
                "CREATE TABLE orders (id INT PRIMARY KEY, qty INT)",
                "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE scratch (id INT PRIMARY KEY)",
                "INSERT INTO orders VALUES (1, 1), (2, 1), (3, 1)",
                "INSERT INTO items VALUES (1, 'one')");
        var config =
                TestConfigs.source(
                        CdcJobs.options(
                                db,
                                topic,
                                "5450",
                                "source.table-list="
                                        + db.name()
                                        + "\\.orders,"
                                        + db.name()
                                        + "\\.items"));
        JobClient job = CdcJobs.start(config);
        String orders = db.name() + ".orders";
        String items = db.name() + ".items";
        try (TopicReader reader =
                new TopicReader(topic.bootstrapServers(), topic.name(), 4, false)) {
            // the snapshot's rows (chunk range events are not rows)
            reader.readUntil(
                    r -> r.stream().filter(x -> !x.op().equals("ddl")).count() >= 4,
                    Duration.ofSeconds(90));
            sql(db, "INSERT INTO items VALUES (2, 'two')");
            // The binlog is read once a streamed change arrives.
            reader.readUntil(
                    r -> r.stream().anyMatch(x -> x.op().equals("c")), Duration.ofSeconds(60));
            sql(
                    db,
                    "INSERT INTO orders VALUES (4, 1), (5, 1), (6, 1), (7, 1)",
                    "UPDATE orders SET qty = 2 WHERE id <= 2",
                    "TRUNCATE TABLE orders",
                    "INSERT INTO orders VALUES (1, 3), (8, 3), (9, 3)",
                    "TRUNCATE orders",
                    "INSERT INTO orders VALUES (10, 4), (11, 4), (12, 4), (13, 4)",
                    "TRUNCATE `" + db.name() + "`.`items`",
                    "TRUNCATE TABLE scratch",
                    "INSERT INTO items VALUES (99, 'sentinel')");
            List<Rec> all =
                    reader.readUntil(
                            r -> r.stream().anyMatch(x -> x.key().equals(items + ".99")),
                            Duration.ofSeconds(60));
            all = reader.drain(Duration.ofSeconds(1));

            CdcSourceITCase.assertPartitionsAndOrder(all, 4);
            List<Rec> ddl = all.stream().filter(CdcSourceITCase::isDdl).toList();
            assertThat(ddl).allMatch(r -> r.value().path("columns").isEmpty());
            assertThat(ddl).allMatch(r -> r.value().path("pk").isEmpty());
            assertThat(ddl).noneMatch(r -> r.table().endsWith(".scratch"));
            assertThat(texts(ddl, orders))
                    .containsExactly("TRUNCATE TABLE orders", "TRUNCATE orders");
            assertThat(texts(ddl, items)).containsExactly("TRUNCATE `" + db.name() + "`.`items`");
            assertCopiesBetweenRows(all, orders, 2);
            assertCopiesBetweenRows(all, items, 1);
        } finally {
            job.cancel().get();
        }
    }

    /** Distinct DDL texts of {@code table}, in source order. */
    private static List<String> texts(List<Rec> ddl, String table) {
        return ddl.stream()
                .filter(r -> r.table().equals(table))
                .sorted(Comparator.comparing(Rec::sortKey))
                .map(r -> r.value().path("ddl").asText())
                .distinct()
                .toList();
    }

    /**
     * Each of the table's {@code truncates} statements is in every partition once, under the key
     * {@code db.table}, and every partition holds the table's records in source order, so each copy
     * sits after the rows before the statement and before the rows after it.
     */
    private static void assertCopiesBetweenRows(List<Rec> all, String table, int truncates) {
        List<Rec> copies =
                all.stream()
                        .filter(r -> r.table().equals(table) && CdcSourceITCase.isDdl(r))
                        .toList();
        assertThat(copies).hasSize(4 * truncates).allMatch(r -> r.key().equals(table));
        assertThat(copies.stream().map(Rec::sortKey).distinct()).hasSize(truncates);
        for (String position : copies.stream().map(Rec::sortKey).collect(Collectors.toSet())) {
            assertThat(
                            copies.stream()
                                    .filter(r -> r.sortKey().equals(position))
                                    .map(Rec::partition))
                    .as("partitions holding %s's TRUNCATE at %s", table, position)
                    .containsExactlyInAnyOrder(0, 1, 2, 3);
        }
        for (int p = 0; p < 4; p++) {
            int partition = p;
            List<String> positions =
                    all.stream()
                            .filter(r -> r.partition() == partition && r.table().equals(table))
                            .map(Rec::sortKey)
                            .toList();
            assertThat(positions).as("%s in partition %s", table, p).isSorted();
        }
    }
}
