package io.github.binlog2redshift.bench.workload;

import io.github.binlog2redshift.localstack.MySqlAdmin;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A binlog backlog of {@code 2 x tables x rows} row events: every table gets {@code rows} rows from
 * MariaDB's SEQUENCE engine ({@code seq_1_to_N}, no client round trips), then every row is updated
 * once. The binlog is reset first, so the backlog starts at the beginning of the first file: both
 * our source (at a given position) and Debezium (reading from the start of the binlog, whose only
 * DDL is this database's) read exactly these events.
 *
 * <p>Rows look like sysbench's: a key, an int, a 120-character and a 60-character string, so events
 * have a realistic size (FULL row images, before and after for updates).
 */
public final class BinlogBacklog {

    /** Where the backlog starts, and the files that hold it (for the decode reference). */
    public record Backlog(
            MySqlDatabase database,
            List<String> tables,
            String startFile,
            long startPosition,
            List<Path> binlogFiles,
            long events) {}

    private BinlogBacklog() {}

    public static Backlog prepare(MySqlAdmin admin, MySqlDatabase db, int tables, int rows)
            throws SQLException {
        try (Connection root = admin.connect("");
                Statement s = root.createStatement()) {
            // No other writer is active: the stack is the benchmark's own.
            s.execute("RESET MASTER");
        }
        List<String> names = new ArrayList<>();
        String file;
        long position;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            names.addAll(createTables(s, tables));
            try (Connection root = admin.connect("");
                    Statement rs0 = root.createStatement();
                    ResultSet rs = rs0.executeQuery("SHOW MASTER STATUS")) {
                rs.next();
                file = rs.getString(1);
                position = rs.getLong(2);
            }
            insertRows(s, names, rows);
            for (String name : names) {
                s.execute("UPDATE " + name + " SET v = v + 1, k = k + 1");
            }
        }
        try (Connection root = admin.connect("");
                Statement s = root.createStatement()) {
            // Closes the last file so the decode reference reads complete files only.
            s.execute("FLUSH BINARY LOGS");
        }
        return new Backlog(db, names, file, position, binlogFiles(admin), 2L * tables * rows);
    }

    /**
     * Creates {@code tables} empty tables {@code sbtest01..} of the benchmark shape (id, k, c, pad,
     * v) and returns their names.
     */
    public static List<String> createTables(Statement s, int tables) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int t = 1; t <= tables; t++) {
            String name = String.format("sbtest%02d", t);
            names.add(name);
            s.execute(
                    "CREATE TABLE "
                            + name
                            + " (id BIGINT PRIMARY KEY, k INT NOT NULL, c VARCHAR(120) NOT NULL,"
                            + " pad VARCHAR(60) NOT NULL, v BIGINT NOT NULL)");
        }
        return names;
    }

    /** Fills each table with {@code rows} rows (ids 1..rows) from MariaDB's SEQUENCE engine. */
    public static void insertRows(Statement s, List<String> names, int rows) throws SQLException {
        for (String name : names) {
            s.execute(
                    "INSERT INTO "
                            + name
                            + " SELECT seq, seq % 1000, CONCAT(REPEAT('c', 100), seq),"
                            + " CONCAT(REPEAT('p', 50), seq), 0 FROM seq_1_to_"
                            + rows);
        }
    }

    static List<Path> binlogFiles(MySqlAdmin admin) throws SQLException {
        List<Path> files = new ArrayList<>();
        try (Connection root = admin.connect("");
                Statement s = root.createStatement()) {
            Path base;
            try (ResultSet rs = s.executeQuery("SELECT @@log_bin_basename")) {
                rs.next();
                base = Path.of(rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
                while (rs.next()) {
                    files.add(base.resolveSibling(rs.getString(1)));
                }
            }
        }
        return files;
    }
}
