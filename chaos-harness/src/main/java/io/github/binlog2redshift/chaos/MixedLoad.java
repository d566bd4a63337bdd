package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady mixed load on the source, one short transaction at a time at about {@code rate} per
 * second: inserts, updates and deletes on every table, an ADD COLUMN and later a MODIFY COLUMN on
 * {@code orders}. The keyless, history and archive tables are only written once {@link
 * #snapshotDone()} is called: cdc-source's snapshot of them is exact only while they are quiet
 * (docs/tables.md, Not done), and the audit tables record changes, not a snapshot's rows.
 *
 * <p>A failed statement (MariaDB restarting) reconnects and goes on: the ground truth is what
 * MariaDB committed, whatever the load believes.
 */
final class MixedLoad implements Runnable {
    private final MySqlDatabase db;
    private final SplittableRandom random;
    private final int rate;
    private final int snapshotRows;
    private final AtomicBoolean allTables = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> addedColumns = new ArrayList<>();
    private final Thread thread = new Thread(this, "chaos-load");
    private int nextOrder = 1;
    private int nextSnapRow;
    private int nextAccount = 1;
    private int nextTicket = 1;
    private int batch;
    private volatile boolean ddlRequested;

    MixedLoad(MySqlDatabase db, long seed, int rate, int snapshotRows) {
        this.db = db;
        this.random = new SplittableRandom(seed);
        this.rate = rate;
        this.snapshotRows = snapshotRows;
        this.nextSnapRow = snapshotRows + 1;
    }

    void start() {
        thread.start();
    }

    /** From now on every table is written. */
    void snapshotDone() {
        allTables.set(true);
    }

    /** Stops the load and waits for its last transaction. */
    void stop() throws InterruptedException {
        stop.set(true);
        thread.join();
    }

    long transactions() {
        return transactions.get();
    }

    long failures() {
        return failures.get();
    }

    /**
     * Asks for the next DDL on {@code orders}, run by the load's thread at its next step: ADD
     * COLUMN, then MODIFY COLUMN of the column added, alternately.
     */
    void requestDdl() {
        ddlRequested = true;
    }

    @Override
    public void run() {
        long pause = Math.max(1, 1000 / rate);
        Connection c = null;
        while (!stop.get()) {
            try {
                if (c == null) {
                    c = db.connect();
                }
                try (Statement s = c.createStatement()) {
                    step(s);
                }
                transactions.incrementAndGet();
                Thread.sleep(pause);
            } catch (SQLException e) {
                failures.incrementAndGet();
                close(c);
                c = null;
                sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close(c);
    }

    private void step(Statement s) throws SQLException {
        if (ddlRequested) {
            ddlRequested = false;
            ddl(s);
            return;
        }
        int choice = random.nextInt(allTables.get() ? 10 : 4);
        switch (choice) {
            case 0, 3 -> snapRow(s);
            case 1, 2 -> order(s);
            case 4, 5 -> keyless(s);
            case 6, 7 -> account(s);
            default -> ticket(s);
        }
    }

    private void ddl(Statement s) throws SQLException {
        if (addedColumns.size() % 2 == 0) {
            String column = "extra_" + (addedColumns.size() + 1);
            s.execute("ALTER TABLE orders ADD COLUMN " + column + " VARCHAR(10)");
            addedColumns.add(column);
        } else {
            String column = addedColumns.get(addedColumns.size() - 1);
            s.execute("ALTER TABLE orders MODIFY COLUMN " + column + " VARCHAR(60)");
            addedColumns.add(column);
        }
    }

    private void snapRow(Statement s) throws SQLException {
        int op = random.nextInt(10);
        int id = 1 + random.nextInt(nextSnapRow - 1);
        if (op < 6) {
            s.executeUpdate(
                    "UPDATE snap_rows SET v = v + 1, note = 'u" + op + "' WHERE id = " + id);
        } else if (op < 8) {
            s.executeUpdate("DELETE FROM snap_rows WHERE id = " + id);
        } else {
            s.executeUpdate("INSERT INTO snap_rows VALUES (" + nextSnapRow++ + ", 1, 'new')");
        }
    }

    private void order(Statement s) throws SQLException {
        int op = random.nextInt(10);
        if (op < 5 || nextOrder < 5) {
            s.executeUpdate(
                    "INSERT INTO orders (id, customer, amount, status) VALUES ("
                            + nextOrder++
                            + ", "
                            + random.nextInt(100)
                            + ", "
                            + random.nextInt(10000)
                            + ".25, 'new')");
        } else if (op < 8) {
            String extra =
                    addedColumns.isEmpty()
                            ? ""
                            : ", " + addedColumns.get(addedColumns.size() - 1) + " = 'x" + op + "'";
            s.executeUpdate(
                    "UPDATE orders SET status = 'paid', amount = amount + 1"
                            + extra
                            + " WHERE id = "
                            + (1 + random.nextInt(nextOrder - 1)));
        } else {
            s.executeUpdate("DELETE FROM orders WHERE id = " + (1 + random.nextInt(nextOrder - 1)));
        }
    }

    private void keyless(Statement s) throws SQLException {
        int op = random.nextInt(10);
        String kind = "k" + random.nextInt(5);
        if (op < 6) {
            // Twice the same row now and then: a multiset keeps both.
            String row = "('" + kind + "', " + random.nextInt(20) + ", " + batch++ % 7 + ")";
            s.executeUpdate("INSERT INTO events_nokey VALUES " + row + (op == 0 ? ", " + row : ""));
        } else if (op < 8) {
            s.executeUpdate(
                    "UPDATE events_nokey SET amount = amount + 100 WHERE kind = '"
                            + kind
                            + "' LIMIT 1");
        } else {
            s.executeUpdate("DELETE FROM events_nokey WHERE kind = '" + kind + "' LIMIT 1");
        }
    }

    private void account(Statement s) throws SQLException {
        int op = random.nextInt(10);
        if (op < 4 || nextAccount < 3) {
            s.executeUpdate(
                    "INSERT INTO accounts VALUES (" + nextAccount++ + ", 0, 'o" + op + "')");
        } else if (op < 8) {
            s.executeUpdate(
                    "UPDATE accounts SET balance = balance + "
                            + (1 + random.nextInt(50))
                            + " WHERE id = "
                            + (1 + random.nextInt(nextAccount - 1)));
        } else {
            s.executeUpdate(
                    "DELETE FROM accounts WHERE id = " + (1 + random.nextInt(nextAccount - 1)));
        }
    }

    private void ticket(Statement s) throws SQLException {
        int op = random.nextInt(10);
        if (op < 5 || nextTicket < 3) {
            s.executeUpdate(
                    "INSERT INTO tickets VALUES (" + nextTicket++ + ", 't" + op + "', 'open')");
        } else if (op < 7) {
            s.executeUpdate(
                    "UPDATE tickets SET state = 'closed' WHERE id = "
                            + (1 + random.nextInt(nextTicket - 1)));
        } else {
            s.executeUpdate(
                    "DELETE FROM tickets WHERE id = " + (1 + random.nextInt(nextTicket - 1)));
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // The server is gone; nothing to release.
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
