package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local PostgreSQL runs the merge statements the Redshift sink relies on, in one transaction.
 */
@ExtendWith(LocalStackExtension.class)
class PostgresMergeITCase {

    @Test
    void deleteUsingAndMergeCommitInOneTransaction(PostgresDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(15);
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40))");
            s.execute("INSERT INTO orders VALUES (1, 'old-1'), (2, 'old-2'), (3, 'to-delete')");

            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE staged (LIKE orders)");
            s.execute("INSERT INTO staged VALUES (2, 'new-2'), (4, 'new-4')");
            s.execute("DELETE FROM orders USING staged WHERE orders.id = staged.id");
            s.execute("INSERT INTO orders SELECT * FROM staged");
            s.execute("CREATE TEMP TABLE deletes (id INT)");
            s.execute("INSERT INTO deletes VALUES (3)");
            s.execute("DELETE FROM orders USING deletes WHERE orders.id = deletes.id");
            s.execute(
                    "MERGE INTO orders USING (SELECT 1 AS id, 'merged-1' AS item) AS m"
                            + " ON orders.id = m.id WHEN MATCHED THEN UPDATE SET item = m.item");
            c.commit();
        }

        Map<Integer, String> rows = new LinkedHashMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, item FROM orders ORDER BY id")) {
            while (rs.next()) {
                rows.put(rs.getInt(1), rs.getString(2));
            }
        }
        assertThat(rows)
                .containsExactly(
                        Map.entry(1, "merged-1"), Map.entry(2, "new-2"), Map.entry(4, "new-4"));
    }

    @Test
    void eachTestGetsItsOwnDatabase(PostgresDatabase first, PostgresDatabase second) {
        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(first.jdbcUrl()).endsWith("/" + first.name());
    }
}
