package io.github.binlog2redshift.bench.peer;

import io.github.binlog2redshift.bench.peer.DebeziumConnectors.SourceKind;
import io.github.binlog2redshift.localstack.MySqlAdmin;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Debezium's binlog source on a worker. The MySQL connector is tried first (the peer named
 * in the issue); Debezium 3 refuses MariaDB there and points to its MariaDB connector, which is
 * then used. Which one ran is returned so the report can say so.
 */
public final class PeerSource {

    private static final Logger LOG = LoggerFactory.getLogger(PeerSource.class);

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

    /** The Connect name of the source connector {@link #start} created for {@code kind}. */
    public static String connectorName(String prefix, SourceKind kind) {
        return prefix + "-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SourceKind start(
            ConnectWorker worker,
            MySqlDatabase db,
            String prefix,
            long serverId,
            String snapshotMode,
            Path dir)
            throws Exception {
        for (SourceKind kind : SourceKind.values()) {
            String name = connectorName(prefix, kind);
            worker.create(
                    name, DebeziumConnectors.source(kind, db, prefix, serverId, snapshotMode, dir));
            String status = awaitRunningOrFailed(worker, name);
            if (!status.contains("FAILED")) {
                LOG.info("Debezium source {} runs: {}", kind, status);
                return kind;
            }
            LOG.warn(
                    "Debezium source {} failed, trying the next one: {}", kind, abbreviate(status));
            worker.delete(name);
            serverId++;
        }
        throw new IllegalStateException(
                "no Debezium binlog connector could read the server; worker log:\n"
                        + worker.logTail());
    }

    private static String awaitRunningOrFailed(ConnectWorker worker, String name) throws Exception {
        String status = "";
        // A connector reports RUNNING before its task has connected; a refusal shows within
        // seconds.
        long deadline = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < deadline) {
            status = worker.status(name);
            if (status.contains("FAILED")) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }

    static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
