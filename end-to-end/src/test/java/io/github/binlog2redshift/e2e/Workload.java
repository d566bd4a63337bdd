package io.github.binlog2redshift.e2e;

import static io.github.binlog2redshift.e2e.PipelineResources.sql;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The source data of the end-to-end tests. Same-named {@code customers} tables in both databases
 * (they must land in two target tables), a composite key ({@code order_lines}), a text key ({@code
 * items}), an insert-only table ({@code events}: each row staged and applied exactly once, which
 * the ledger's row counts can show), and values that are easy to get wrong in CSV: commas, quotes,
 * newlines, backslashes, NULL versus empty, non-ASCII, decimals, times with milliseconds, JSON.
 */
final class Workload {

    static final int SNAPSHOT_CUSTOMERS = 20;
    static final int HOT_ROW_UPDATES = 25;

    private final MySqlDatabase db1;
    private final MySqlDatabase db2;
    private int events;

    Workload(PipelineResources p) {
        this.db1 = p.db1();
        this.db2 = p.db2();
    }

    /** Tables and the rows the snapshot reads. */
    void createWithSnapshotRows() throws SQLException {
        for (MySqlDatabase db : List.of(db1, db2)) {
            List<String> s = new ArrayList<>();
            s.add(
                    "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50),"
                            + " balance DECIMAL(12,2), updated DATETIME(3), note TEXT)");
            for (int i = 1; i <= SNAPSHOT_CUSTOMERS; i++) {
                s.add(
                        "INSERT INTO customers VALUES ("
                                + i
                                + ", '"
                                + db.name().substring(db.name().length() - 1)
                                + "-cust-"
                                + i
                                + "', "
                                + i
                                + ".50, '2024-01-31 12:34:56.789', "
                                + (i % 3 == 0
                                        ? "NULL"
                                        : i % 3 == 1 ? "''" : "'a, \"b\"\\nc\\\\d é ☃'")
                                + ")");
            }
            sql(db, s.toArray(String[]::new));
        }
        sql(
                db1,
                "CREATE TABLE order_lines (order_id INT, line_no INT, sku VARCHAR(20), qty INT,"
                        + " PRIMARY KEY (order_id, line_no))",
                "INSERT INTO order_lines VALUES (1, 1, 'sku-a', 1), (1, 2, 'sku-b', 2),"
                        + " (2, 1, 'sku-a', 3), (3, 1, 'sku-c', 4)",
                "CREATE TABLE events (id BIGINT PRIMARY KEY, kind VARCHAR(10), payload JSON)");
        sql(
                db2,
                "CREATE TABLE items (sku VARCHAR(20) PRIMARY KEY, price DECIMAL(14,2), size"
                        + " ENUM('S','M','L'))",
                "INSERT INTO items VALUES ('sku-a', 9.99, 'S'), ('sku-b', 0.10, NULL)");
        insertEvents(5);
    }

    /**
     * Every kind of change, in both databases: inserts, many updates of one row, deletes, a key
     * deleted and inserted again, composite-key updates (the key itself changes) and deletes.
     */
    void changes() throws SQLException {
        sql(
                db1,
                "INSERT INTO customers VALUES (21, 'new', 0.00, NULL, 'inserted')",
                "DELETE FROM customers WHERE id IN (3, 4)",
                "INSERT INTO customers VALUES (4, 'back again', 4.44, '2024-02-29 00:00:00.001',"
                        + " 'reinserted')",
                "UPDATE order_lines SET qty = qty + 10 WHERE order_id = 1",
                "UPDATE order_lines SET line_no = 9 WHERE order_id = 1 AND line_no = 2",
                "UPDATE order_lines SET order_id = 4 WHERE order_id = 2 AND line_no = 1",
                "DELETE FROM order_lines WHERE order_id = 3",
                "INSERT INTO order_lines VALUES (3, 1, 'sku-z', 7)");
        for (int i = 1; i <= HOT_ROW_UPDATES; i++) {
            sql(
                    db1,
                    "UPDATE customers SET balance = "
                            + (100 + i)
                            + ", name = 'hot-"
                            + i
                            + "'"
                            + " WHERE id = 1");
        }
        insertEvents(10);
        sql(
                db2,
                "UPDATE customers SET name = 'db2 only', note = NULL WHERE id = 1",
                "DELETE FROM customers WHERE id = 2",
                "INSERT INTO items VALUES ('sku-c', 1234567890.12, 'L')",
                "UPDATE items SET price = 10.01, size = 'M' WHERE sku = 'sku-a'",
                "DELETE FROM items WHERE sku = 'sku-b'");
    }

    /** Inserts {@code n} more events; the insert-only table of the ledger checks. */
    void insertEvents(int n) throws SQLException {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events++;
            s.add(
                    "INSERT INTO events VALUES ("
                            + events
                            + ", 'k"
                            + (events % 4)
                            + "', '{\"n\": "
                            + events
                            + ", \"tags\": [\"a\", \"b\"]}')");
        }
        sql(db1, s.toArray(String[]::new));
    }

    /** Events inserted so far. */
    int events() {
        return events;
    }
}
