package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.MySqlAdmin;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The source tables of a run, one per kind the sink treats differently, and the ground truth of the
 * append-only targets: MariaDB triggers write every change of {@code accounts} (history mode) and
 * every delete of {@code tickets} (delete-archive mode) into audit tables in the same transaction,
 * and cdc-source does not capture the audit tables.
 */
final class SourceSchema {
    /** Keyed, read by the snapshot: its rows are in MariaDB before the jobs start. */
    static final String SNAPSHOT = "snap_rows";

    /** Keyed, with ADD and MODIFY COLUMN during the load. */
    static final String ORDERS = "orders";

    /** No key: the sink keeps it as a multiset ({@code sink.keyless-tables=MIRROR}). */
    static final String KEYLESS = "events_nokey";

    /** History mode: {@code accounts_history} gets every change. */
    static final String HISTORY = "accounts";

    /** Delete-archive mode ({@code save_delete}): {@code tickets_delete} gets every delete. */
    static final String ARCHIVE = "tickets";

    static final String HISTORY_AUDIT = "audit_accounts";
    static final String ARCHIVE_AUDIT = "audit_tickets";

    /** Every table cdc-source captures (the audit tables are not among them). */
    static final List<String> CAPTURED = List.of(SNAPSHOT, ORDERS, KEYLESS, HISTORY, ARCHIVE);

    private SourceSchema() {}

    /** Creates the tables and triggers (as root: triggers need SUPER with the binlog on). */
    static void create(MySqlAdmin admin, MySqlDatabase db, int snapshotRows) throws SQLException {
        try (Connection c = admin.connect(db.name());
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE snap_rows (id INT PRIMARY KEY, v INT NOT NULL,"
                            + " note VARCHAR(40))");
            s.execute(
                    "CREATE TABLE orders (id INT PRIMARY KEY, customer INT NOT NULL,"
                            + " amount DECIMAL(10,2), status VARCHAR(20))");
            s.execute("CREATE TABLE events_nokey (kind VARCHAR(20), amount INT, batch INT)");
            s.execute(
                    "CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL,"
                            + " owner VARCHAR(20))");
            s.execute(
                    "CREATE TABLE tickets (id INT PRIMARY KEY, title VARCHAR(40),"
                            + " state VARCHAR(10))");
            s.execute(
                    "CREATE TABLE audit_accounts (seq BIGINT AUTO_INCREMENT PRIMARY KEY,"
                            + " op CHAR(1) NOT NULL, id INT, balance INT, owner VARCHAR(20))");
            s.execute(
                    "CREATE TABLE audit_tickets (seq BIGINT AUTO_INCREMENT PRIMARY KEY,"
                            + " id INT, title VARCHAR(40), state VARCHAR(10))");
            s.execute(auditTrigger("INSERT", "c", "NEW"));
            s.execute(auditTrigger("UPDATE", "u", "NEW"));
            s.execute(auditTrigger("DELETE", "d", "OLD"));
            s.execute(
                    "CREATE TRIGGER tickets_ad AFTER DELETE ON tickets FOR EACH ROW INSERT INTO"
                            + " audit_tickets (id, title, state) VALUES (OLD.id, OLD.title,"
                            + " OLD.state)");
            fill(c, snapshotRows);
        }
    }

    private static String auditTrigger(String event, String op, String image) {
        return String.format(
                "CREATE TRIGGER accounts_%s AFTER %s ON accounts FOR EACH ROW INSERT INTO"
                        + " audit_accounts (op, id, balance, owner) VALUES ('%s', %s.id,"
                        + " %s.balance, %s.owner)",
                op, event, op, image, image, image);
    }

    private static void fill(Connection c, int rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO snap_rows VALUES (?, ?, ?)")) {
            for (int id = 1; id <= rows; id++) {
                insert.setInt(1, id);
                insert.setInt(2, id % 1000);
                insert.setString(3, "row-" + id);
                insert.addBatch();
                if (id % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * cdc-source's {@code source.table-list}: the captured tables only ({@code [.]}: no escapes).
     */
    static String tableList(MySqlDatabase db) {
        return db.name() + "[.](" + String.join("|", CAPTURED) + ")";
    }
}
