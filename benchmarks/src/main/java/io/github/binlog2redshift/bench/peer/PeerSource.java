package io.github.binlog2redshift.bench.peer;

import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.TopicCounter;
import io.github.binlog2redshift.localstack.MySqlAdmin;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Starts Debezium's MariaDB source on a worker and watches it. Nothing waits here: the caller's
 * timer is already running and its progress poll calls {@link ConnectWorker#failIfFailed}, so a
 * refused connector fails the run at once and a working one is timed from the moment it is created.
 */
public final class PeerSource {

    private PeerSource() {}

    /** Debezium's snapshot-less modes still read table metadata, with RELOAD and SHOW DATABASES. */
    public static void grant(MySqlAdmin admin, MySqlDatabase db) throws Exception {
        try (Connection c = admin.connect("");
                Statement s = c.createStatement()) {
            s.execute(
                    "GRANT RELOAD, SHOW DATABASES, LOCK TABLES ON *.* TO '"
                            + db.cdcUser()
                            + "'@'%'");
        }
    }

    /** The Connect name of the source connector {@link #start} creates. */
    public static String connectorName(String prefix) {
        return prefix + "-mariadb";
    }

    /** Creates the source connector and returns its name. */
    public static String start(
            ConnectWorker worker,
            MySqlDatabase db,
            String prefix,
            long serverId,
            String snapshotMode,
            Path dir)
            throws Exception {
        String name = connectorName(prefix);
        worker.create(name, DebeziumConnectors.source(db, prefix, serverId, snapshotMode, dir));
        return name;
    }

    /**
     * Creates the source connector, waits until {@code topics} hold {@code expected} records
     * (start-up counted from before the creation, a failed task failing the wait at once) and
     * deletes the connector.
     */
    public static CatchUp catchUp(
            ConnectWorker worker,
            MySqlDatabase db,
            String prefix,
            long serverId,
            String snapshotMode,
            Path dir,
            List<String> topics,
            long expected,
            Duration timeout)
            throws Exception {
        try (TopicCounter counter = TopicCounter.of(worker.bootstrapServers(), topics)) {
            long start = System.nanoTime();
            String name = start(worker, db, prefix, serverId, snapshotMode, dir);
            try {
                return CatchUp.await(
                        "Debezium " + name,
                        () -> {
                            worker.failIfFailed(name);
                            return counter.count();
                        },
                        expected,
                        Duration.ofMillis(200),
                        timeout,
                        start);
            } finally {
                worker.delete(name);
            }
        }
    }
}
