package io.github.binlog2redshift.deploy;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.verify.VerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The source tables of the standalone-cluster test and their warehouse copies: DML on the MySQL
 * side, {@code verify} (through its Java entry point) and the commit ledger on the PostgreSQL side.
 * Two tables, one with a composite key, cover the key handling of both jobs without slowing the
 * snapshot.
 */
final class MirroredShop {
    private final MySqlDatabase source;
    private final PostgresDatabase warehouse;

    MirroredShop(MySqlDatabase source, PostgresDatabase warehouse) {
        this.source = source;
        this.warehouse = warehouse;
    }

    /** Creates both tables with {@code rows} items (each with two tags), read by the snapshot. */
    void create(int rows) throws SQLException {
        sql(
                "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, qty INT,"
                        + " price DECIMAL(10,2), updated_at DATETIME(3))",
                "CREATE TABLE item_tags (item_id INT, tag VARCHAR(20), weight INT,"
                        + " PRIMARY KEY (item_id, tag))");
        insert(1, rows);
    }

    /** Inserts items {@code from..to} (inclusive), each with tags 'a' and 'b'. */
    void insert(int from, int to) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            statements.add(
                    "INSERT INTO items VALUES ("
                            + id
                            + ", 'item-"
                            + id
                            + "', "
                            + id % 7
                            + ", "
                            + id
                            + ".25, NOW(3))");
            statements.add(
                    "INSERT INTO item_tags VALUES (" + id + ", 'a', 1), (" + id + ", 'b', 2)");
        }
        sql(statements.toArray(String[]::new));
    }

    /** Changes a value of every item whose id is a multiple of {@code every}, and of its tags. */
    void update(int every, String name) throws SQLException {
        sql(
                "UPDATE items SET name = CONCAT('"
                        + name
                        + "-', id), qty = qty + 1,"
                        + " updated_at = NOW(3) WHERE id % "
                        + every
                        + " = 0",
                "UPDATE item_tags SET weight = weight * 10 WHERE item_id % " + every + " = 0");
    }

    /** Deletes the items in {@code from..to} and one tag of each item whose id ends in 3. */
    void delete(int from, int to) throws SQLException {
        sql(
                "DELETE FROM items WHERE id BETWEEN " + from + " AND " + to,
                "DELETE FROM item_tags WHERE item_id BETWEEN " + from + " AND " + to,
                "DELETE FROM item_tags WHERE item_id % 10 = 3 AND tag = 'b'");
    }

    /** verify's exit code (0 equal, 1 different, 2 error) with its report. */
    record Verdict(int exitCode, String report) {
        boolean equal() {
            return exitCode == 0;
        }
    }

    /** Runs verify over both tables. */
    Verdict verify() {
        StringWriter out = new StringWriter();
        int code =
                VerifyCommand.run(
                        new PrintWriter(out, true),
                        new PrintWriter(out, true),
                        "--source-url",
                        source.jdbcUrl(),
                        "--source-user",
                        source.user(),
                        "--source-password",
                        source.password(),
                        "--target-url",
                        warehouse.jdbcUrl(),
                        "--target-user",
                        warehouse.user(),
                        "--tables",
                        source.name() + "\\..*",
                        // the sink's default naming (DB_TABLE): public.<db>__<table>
                        "--map",
                        source.name() + ".items=public." + source.name() + "__items",
                        "--map",
                        source.name() + ".item_tags=public." + source.name() + "__item_tags",
                        "--no-progress");
        return new Verdict(code, out.toString());
    }

    /** Ledger keys of {@code jobId} that were recorded more than once (there must be none). */
    List<String> duplicateLedgerKeys(String jobId) throws SQLException {
        return pgStrings(
                "SELECT target_table || '@' || checkpoint_id || '/' || staging_id"
                        + " FROM public._b2r_commit_ledger WHERE job_id = '"
                        + jobId
                        + "'"
                        + " GROUP BY target_table, checkpoint_id, staging_id HAVING COUNT(*) > 1");
    }

    /** The highest checkpoint id in the ledger of {@code jobId}, 0 when it has no row. */
    long lastLedgerCheckpoint(String jobId) throws SQLException {
        List<String> max =
                pgStrings(
                        "SELECT COALESCE(MAX(checkpoint_id), 0) FROM public._b2r_commit_ledger"
                                + " WHERE job_id = '"
                                + jobId
                                + "'");
        return Long.parseLong(max.get(0));
    }

    /** Ledger rows of {@code jobId} for checkpoints up to {@code checkpointId}. */
    long ledgerRowsUpTo(String jobId, long checkpointId) throws SQLException {
        List<String> count =
                pgStrings(
                        "SELECT COUNT(*) FROM public._b2r_commit_ledger WHERE job_id = '"
                                + jobId
                                + "' AND checkpoint_id <= "
                                + checkpointId);
        return Long.parseLong(count.get(0));
    }

    private List<String> pgStrings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = source.connect();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
