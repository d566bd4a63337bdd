package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.source.TopicReader.Rec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Values that used to change on their way from MariaDB: negative TIMEs at every precision (as the
 * server prints them), MySQL's zero date in NOT NULL columns (the zero date's text, a dead letter
 * in a key, never 1970-01-01) and a lone UTF-16 surrogate in a utf32 column (a dead letter).
 */
@ExtendWith(LocalStackExtension.class)
class ExactValuesITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(CdcJobs.miniClusterConfig())
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    static final String[] TIMES = {
        "-838:59:59",
        "-00:01:00",
        "-01:00:00",
        "-00:00:01",
        "-12:34:56",
        "-00:00:00.5",
        "-00:00:01.25",
        "-10:00:00.000001",
        "-838:59:58.999999",
        "-00:00:03.56",
        "838:59:59",
        "-00:00:02",
        "-01:02:03.4"
    };
    static final String[] TIME_COLUMNS = {"t0", "t1", "t2", "t3", "t4", "t5", "t6"};

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void timesZeroDatesAndSurrogatesAreExactOrDeadLettered(
            MySqlDatabase db, KafkaTopic topic, LocalStack stack) throws Exception {
        List<String> setup = new ArrayList<>();
        setup.add("SET SESSION sql_mode = ''");
        setup.add(
                "CREATE TABLE tm (id INT PRIMARY KEY, t0 TIME, t1 TIME(1), t2 TIME(2), t3 TIME(3),"
                        + " t4 TIME(4), t5 TIME(5), t6 TIME(6))");
        setup.add(
                "CREATE TABLE zk (d DATE NOT NULL, v INT, dt DATETIME(3) NOT NULL, PRIMARY KEY (v,"
                        + " d))");
        setup.add(
                "CREATE TABLE zn (id INT PRIMARY KEY, d DATE NOT NULL, dt DATETIME NOT NULL,"
                        + " ts TIMESTAMP(2) NOT NULL DEFAULT '2000-01-01 00:00:00', dn DATE NULL,"
                        + " dd DATE NOT NULL DEFAULT '2000-01-01', nd INT NULL DEFAULT 5)");
        setup.add("CREATE TABLE sg (id INT PRIMARY KEY, u32 VARCHAR(10) CHARACTER SET utf32)");
        for (int i = 0; i < TIMES.length; i++) {
            if (!TIMES[i].startsWith("-00:")) { // the snapshot loses their sign (documented)
                setup.add(time(i, TIMES[i]));
            }
        }
        setup.addAll(zeroDates(0));
        sql(db, setup.toArray(String[]::new));
        stack.kafka().createTopic(topic.name() + ".dlq", 1);
        var config = TestConfigs.source(CdcJobs.options(db, topic, "5480"));
        assertThat(SourcePreflight.check(config))
                .anyMatch(w -> w.contains(".`t6` is TIME: the snapshot reads a value between"));

        JobClient job = CdcJobs.start(config);
        try (TopicReader reader =
                        new TopicReader(topic.bootstrapServers(), topic.name(), 1, false);
                TopicReader dlq =
                        new TopicReader(
                                topic.bootstrapServers(), topic.name() + ".dlq", 1, false)) {
            reader.readUntil(r -> has(r, "zn", "r", 2), T90);
            List<String> binlog = new ArrayList<>();
            binlog.add("SET SESSION sql_mode = ''");
            for (int i = 0; i < TIMES.length; i++) {
                binlog.add(time(100 + i, TIMES[i]));
            }
            binlog.addAll(zeroDates(10));
            binlog.add("INSERT INTO sg VALUES (1, X'0000D800'), (2, X'0001F600')");
            binlog.add("INSERT INTO zn (id, d, dt) VALUES (99, '2024-01-31', '2024-01-31')");
            sql(db, binlog.toArray(String[]::new));
            List<Rec> all =
                    CdcSourceITCase.withoutChunks(
                            reader.readUntil(r -> has(r, "zn", "c", 99), T90));
            List<Rec> letters = dlq.readUntil(r -> r.size() >= 3, T90);

            Map<Integer, Map<String, String>> server = serverTimes(db);
            for (Rec r : all) {
                if (table(r).equals("tm")) {
                    int id = r.value().path("after").path("id").asInt();
                    for (String c : TIME_COLUMNS) {
                        assertThat(r.value().path("after").path(c).asText())
                                .as("%s of %s (%s)", c, TIMES[id % 100], r.op())
                                .isEqualTo(server.get(id).get(c));
                    }
                }
            }
            long snapshotted = List.of(TIMES).stream().filter(t -> !t.startsWith("-00:")).count();
            assertThat(all)
                    .filteredOn(r -> table(r).equals("tm"))
                    .hasSize(TIMES.length + (int) snapshotted);

            for (int id : new int[] {1, 11}) {
                JsonNode zero = row(all, "zn", id);
                assertThat(zero.path("d").asText()).isEqualTo("0000-00-00");
                assertThat(zero.path("dt").asText()).isEqualTo("0000-00-00 00:00:00");
                assertThat(zero.path("ts").asText()).isEqualTo("0000-00-00T00:00:00.00Z");
                assertThat(zero.path("dn").isNull()).isTrue();
                assertThat(zero.path("dd").asText()).isEqualTo("0000-00-00");
                assertThat(zero.path("nd").isNull()).as("NULL, not the DEFAULT").isTrue();
                JsonNode real = row(all, "zn", id + 1);
                assertThat(real.path("d").asText()).isEqualTo("1970-01-01");
                assertThat(real.path("dt").asText()).isEqualTo("1970-01-01 00:00:00");
                assertThat(real.path("ts").asText()).isEqualTo("1970-01-01T00:00:01.00Z");
                assertThat(row(all, "zk", id + 1).path("d").asText()).isEqualTo("1970-01-01");
            }
            assertThat(all).noneMatch(r -> table(r).equals("zk") && r.key().contains("0000"));
            assertThat(row(all, "sg", 2).path("u32").asText()).isEqualTo("😀");
            assertThat(all).noneMatch(r -> table(r).equals("sg") && r.key().endsWith(".1"));

            assertThat(letters).hasSize(3);
            assertThat(letters.subList(0, 2))
                    .allSatisfy(
                            l ->
                                    assertThat(l.value().path("reason").asText())
                                            .contains("key column d of " + db.name() + ".zk")
                                            .contains("MySQL's zero date 0000-00-00"));
            assertThat(letters.get(2).value().path("reason").asText())
                    .contains("column u32 holds a lone UTF-16 surrogate (U+D800");
            assertThat(letters.get(2).value().path("source").path("pos").asLong()).isPositive();
        } finally {
            job.cancel().get();
        }
    }

    private static final Duration T90 = Duration.ofSeconds(90);

    private static String time(int id, String v) {
        StringBuilder sql = new StringBuilder("INSERT INTO tm VALUES (" + id);
        for (int c = 0; c < TIME_COLUMNS.length; c++) {
            sql.append(", '").append(v).append('\'');
        }
        return sql.append(')').toString();
    }

    /** A zero-date row and a real 1970-01-01 row in each table. */
    private static List<String> zeroDates(int base) {
        return List.of(
                "INSERT INTO zk VALUES ('0000-00-00', " + (base + 1) + ", '0000-00-00')",
                "INSERT INTO zk VALUES ('1970-01-01', " + (base + 2) + ", '1970-01-01')",
                "INSERT INTO zn VALUES ("
                        + (base + 1)
                        + ", '0000-00-00', '0000-00-00', '0000-00-00', '0000-00-00',"
                        + " '0000-00-00', NULL)",
                "INSERT INTO zn VALUES ("
                        + (base + 2)
                        + ", '1970-01-01', '1970-01-01', '1970-01-01 00:00:01', NULL,"
                        + " '1970-01-01', 7)");
    }

    /** Each TIME as the server prints it: the exact text expected. */
    private static Map<Integer, Map<String, String>> serverTimes(MySqlDatabase db)
            throws Exception {
        Map<Integer, Map<String, String>> out = new LinkedHashMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT id, CAST(t0 AS CHAR), CAST(t1 AS CHAR), CAST(t2 AS CHAR),"
                                        + " CAST(t3 AS CHAR), CAST(t4 AS CHAR), CAST(t5 AS CHAR),"
                                        + " CAST(t6 AS CHAR) FROM tm")) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < TIME_COLUMNS.length; i++) {
                    row.put(TIME_COLUMNS[i], rs.getString(i + 2));
                }
                out.put(rs.getInt(1), row);
            }
        }
        return out;
    }

    private static String table(Rec r) {
        return r.value().path("source").path("table").asText();
    }

    private static boolean has(List<Rec> records, String table, String op, int id) {
        return records.stream()
                .anyMatch(
                        r ->
                                table(r).equals(table)
                                        && r.op().equals(op)
                                        && r.value().path("after").path("id").asInt() == id);
    }

    private static JsonNode row(List<Rec> records, String table, int id) {
        return records.stream()
                .filter(r -> table(r).equals(table))
                .map(r -> r.value().path("after"))
                .filter(a -> a.path(table.equals("zk") ? "v" : "id").asInt() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " of " + table));
    }
}
