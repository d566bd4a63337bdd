package io.github.binlog2redshift.quickstart;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers one {@link Status}: job states and checkpoints from the Flink REST API, per-table metrics
 * of both jobs (events captured by cdc-source, rows applied and source timestamps of
 * redshift-sink), row counts on both sides, the sink's Kafka backlog. Each part that fails (a table
 * not created yet, a job restarting) is left empty instead of failing the whole status.
 */
final class ProgressProbe {

    private final FlinkRest rest;
    private final PipelineJobs.JobIds jobs;
    private final List<TrackedTable> tables;
    private final JdbcSource sourceDb;
    private final JdbcSource targetDb;
    private final KafkaBacklog kafka;

    /** Opens a connection to one side, for counts. */
    interface JdbcSource {
        Connection open() throws Exception;
    }

    ProgressProbe(
            FlinkRest rest,
            PipelineJobs.JobIds jobs,
            List<TrackedTable> tables,
            JdbcSource sourceDb,
            JdbcSource targetDb,
            KafkaBacklog kafka) {
        this.rest = rest;
        this.jobs = jobs;
        this.tables = tables;
        this.sourceDb = sourceDb;
        this.targetDb = targetDb;
        this.kafka = kafka;
    }

    Status probe() {
        long now = System.currentTimeMillis();
        String sourceState = attempt(() -> rest.jobState(jobs.source())).orElse("?");
        String sinkState = attempt(() -> rest.jobState(jobs.sink())).orElse("?");
        var sourceCp = attempt(() -> rest.lastCheckpoint(jobs.source()).orElse(null));
        var sinkCp = attempt(() -> rest.lastCheckpoint(jobs.sink()).orElse(null));
        // Counters add up over subtasks (each sink subtask commits its share of every table);
        // source timestamps are the newest of any subtask.
        Map<String, Double> captured =
                attempt(() -> rest.sums(jobs.source(), "\\.table\\..+\\.events")).orElse(Map.of());
        Map<String, Double> applied = new HashMap<>();
        applied.putAll(
                attempt(() -> rest.sums(jobs.sink(), "\\.table\\..+\\.rowsApplied"))
                        .orElse(Map.of()));
        applied.putAll(
                attempt(
                                () ->
                                        rest.metrics(
                                                jobs.sink(),
                                                "\\.table\\..+\\.(lastAppliedSourceTimestampMs|lastSourceTimestampMs)"))
                        .orElse(Map.of()));
        List<Long> sourceRows = counts(sourceDb, true);
        List<Long> targetRows = counts(targetDb, false);
        List<Status.TableRow> rows = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            TrackedTable t = tables.get(i);
            String target = "table." + metricScope(t.target()) + ".";
            double read = applied.getOrDefault(target + "lastSourceTimestampMs", 0d);
            double done = applied.getOrDefault(target + "lastAppliedSourceTimestampMs", 0d);
            rows.add(
                    new Status.TableRow(
                            t,
                            captured.getOrDefault(
                                            "table." + metricScope(t.source()) + ".events", 0d)
                                    .longValue(),
                            applied.getOrDefault(target + "rowsApplied", 0d).longValue(),
                            sourceRows.get(i),
                            targetRows.get(i),
                            // How far the applied data trails what the sink has read, in source
                            // time.
                            read > 0 ? (long) Math.max(0, read - done) : -1));
        }
        // Only the subtask reading the binlog reports a position, once it streamed a change.
        boolean streaming =
                attempt(() -> rest.metrics(jobs.source(), "\\.binlogPosition"))
                        .orElse(Map.of())
                        .values()
                        .stream()
                        .anyMatch(position -> position > 0);
        return new Status(
                now,
                sourceState,
                sinkState,
                sourceCp.orElse(null),
                sinkCp.orElse(null),
                attempt(kafka::backlog).orElse(null),
                streaming,
                rows);
    }

    /** Row counts in table order; -1 where a table cannot be counted (not created yet). */
    private List<Long> counts(JdbcSource db, boolean source) {
        List<Long> counts = new ArrayList<>();
        try (Connection c = db.open();
                Statement s = c.createStatement()) {
            for (TrackedTable t : tables) {
                String name =
                        source
                                ? "`" + t.database() + "`.`" + t.table() + "`"
                                : "\"" + t.targetSchema() + "\".\"" + t.targetTable() + "\"";
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + name)) {
                    rs.next();
                    counts.add(rs.getLong(1));
                } catch (SQLException e) {
                    counts.add(-1L);
                    if (!c.getAutoCommit()) c.rollback();
                }
            }
        } catch (Exception e) {
            while (counts.size() < tables.size()) counts.add(-1L);
        }
        return counts;
    }

    /** Flink replaces the dots of a metric group's value with underscores in metric ids. */
    static String metricScope(String table) {
        return table.replace('.', '_');
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> Optional<T> attempt(Call<T> call) {
        try {
            return Optional.ofNullable(call.call());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
