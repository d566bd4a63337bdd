package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.event.TableId;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the job runs, looks for tables in the captured databases whose names Flink CDC cannot
 * capture ({@link TableNames}). The source's table list leaves them out, so they never reach Flink
 * CDC (which would fail on them), and Flink CDC then reports nothing about them either: this check
 * is what makes a table created mid-run with such a name visible. Each one is logged once (WARN,
 * naming the table and what to do) and counted in the {@code uncapturableTables} gauge. A failed
 * check is logged and retried at the next interval; it never fails the job.
 */
public final class UncapturableTables implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UncapturableTables.class);

    private final MySqlJdbc jdbc;
    private final List<Pattern> databases;
    private final List<Pattern> tables;
    private final Duration interval;
    private transient Set<TableId> seen;
    private transient volatile int count;
    private transient ScheduledExecutorService timer;

    private UncapturableTables(
            MySqlJdbc jdbc, List<Pattern> databases, List<Pattern> tables, Duration interval) {
        this.jdbc = jdbc;
        this.databases = List.copyOf(databases);
        this.tables = List.copyOf(tables);
        this.interval = interval;
    }

    /** The check of {@code source.table-name-check-interval}, or null when it is 0 (off). */
    @Nullable
    public static UncapturableTables of(SourceConfig config) {
        Duration interval = config.tableNameCheckInterval();
        if (interval.isZero()) {
            return null;
        }
        return new UncapturableTables(
                MySqlJdbc.of(config), config.databaseList(), config.tableList(), interval);
    }

    /** Registers the gauge and starts checking, the first time at once. */
    public void open(MetricGroup metrics) {
        seen = new TreeSet<>();
        metrics.gauge("uncapturableTables", () -> count);
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "uncapturable-tables-check");
                            t.setDaemon(true);
                            return t;
                        });
        timer.scheduleWithFixedDelay(
                this::checkOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkOnce() {
        try (Connection c = jdbc.connect()) {
            Set<TableId> now = list(c);
            for (TableId t : now) {
                if (!seen.contains(t)) {
                    LOG.warn("cdc-source: {}", TableNames.problem(t).orElseThrow());
                }
            }
            seen = now;
            count = now.size();
        } catch (SQLException | RuntimeException e) {
            LOG.warn(
                    "cdc-source: cannot check {} for tables with names Flink CDC cannot capture"
                            + " (retried in {}): {}",
                    jdbc.where(),
                    interval,
                    e.toString());
        }
    }

    /** The selected tables that cannot be captured, as the user sees them now. */
    private Set<TableId> list(Connection c) throws SQLException {
        Set<TableId> found = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT table_schema, table_name FROM information_schema.tables"
                                        + " WHERE table_type = 'BASE TABLE' AND table_schema"
                                        + " NOT IN ('mysql', 'information_schema',"
                                        + " 'performance_schema', 'sys')")) {
            while (rs.next()) {
                TableId t = TableId.of(rs.getString(1), rs.getString(2));
                if (selected(t) && !TableNames.capturable(t)) {
                    found.add(t);
                }
            }
        }
        return found;
    }

    /** {@link SourceConfig#captures}, which this serializable copy cannot hold. */
    private boolean selected(TableId t) {
        return databases.stream().anyMatch(p -> p.matcher(t.database()).matches())
                && (tables.isEmpty()
                        || tables.stream().anyMatch(p -> p.matcher(t.toString()).matches()));
    }

    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
