package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableShape;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import io.github.binlog2redshift.sink.schema.DdlText;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schema log's reader and writer. Runs a table-level DDL (emptying or dropping a table) at most
 * once per source position: in one transaction, look the position up in the schema log, run the
 * statements, record the position. Every sink subtask receives a copy of each DDL (cdc-source
 * writes it to every partition), and a committable may be re-applied after a failover; without the
 * log a second TRUNCATE would remove rows loaded after the first. Two subtasks racing wait for each
 * other on the table's commit lock ({@link SqlDialect#lockForCommit}, taken first, as a merge of
 * the table takes it); the second finds the row and skips. The same lock orders a TRUNCATE and a
 * merge of the table: the merge reads the log after taking it (its cutoff). TRUNCATEs of different
 * tables of a schema can still conflict on the log (Redshift error 1023) and are retried.
 *
 * <p>Inputs without source positions (DMS, Canal: all zeros) cannot be told apart by position:
 * their statement is logged under the committable that carries it instead ({@link #identity}: its
 * staging id, checkpoint and the change's index), so an apply retried after the DDL committed, or a
 * committable committed again after a failover, does not empty the table a second time, after other
 * subtasks' rows were committed. Such entries are not positions and never a cutoff ({@link
 * #isPosition}). A committable staged anew from the same records (the sink restored from an older
 * savepoint) has a new identity and runs the statement again, as it runs every other change again.
 */
final class TableLevelDdl {

    /** DDL text kept in the log is cut here: it is for people, not for matching. */
    private static final int MAX_DDL_CHARS = 8_000;

    /** The prefix of a log key that is no position: {@link #identity} of a position-less change. */
    private static final char APPLIED_BY_BATCH = '#';

    private TableLevelDdl() {}

    /**
     * Runs {@code statements} unless the log has them under {@code sc}'s {@link #identity} ({@code
     * index} is its place in {@code b.schemaChanges()}); true when they ran.
     */
    static boolean once(
            Connection c,
            SqlDialect d,
            TableCommittable b,
            int index,
            SchemaChange sc,
            List<String> statements)
            throws SQLException {
        TargetTable t = b.table();
        String key = identity(b, index, sc);
        c.setAutoCommit(false);
        try {
            String lock = d.lockForCommit(t);
            if (lock != null) {
                // As a merge of t does: it waits for (and is waited for by) t's commits.
                try (Statement st = c.createStatement()) {
                    st.execute(lock);
                }
            }
            if (logged(c, d, t, key)) {
                c.rollback();
                return false;
            }
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            insert(c, d, t, key, sc.ddl());
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * False for inputs without binlog coordinates (DMS, Canal: all zeros), which cannot be told
     * apart.
     */
    static boolean positioned(SchemaChange sc) {
        return !sc.position().isEmpty() && !sc.position().matches("[0:]+");
    }

    /**
     * What the log keys {@code sc} by: its position, or for a change without one (whose copies
     * cannot be told apart) {@code #} and 39 hex digits of a SHA-256 over the committable's staging
     * id, checkpoint and the change's index: the same for every apply of that committable, within
     * the log's 40 characters.
     */
    static String identity(TableCommittable b, int index, SchemaChange sc) {
        if (positioned(sc)) {
            return sc.position();
        }
        String batch = b.stagingId() + "/" + b.checkpointId() + "/" + index;
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(batch.getBytes(StandardCharsets.UTF_8));
            return APPLIED_BY_BATCH
                    + String.format("%064x", new BigInteger(1, hash)).substring(0, 39);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** False for a log entry keyed by {@link #identity} of a position-less change. */
    static boolean isPosition(String logKey) {
        return !logKey.isEmpty() && logKey.charAt(0) != APPLIED_BY_BATCH;
    }

    /**
     * Records a column rename before it runs (autocommit): a subtask committing rows staged under
     * the old name after the rename finds it here ({@link #withLoggedRenames}). Recorded first,
     * because a reader maps a staged column only when the target lacks it and has the new name, so
     * an entry whose rename has not run yet changes nothing. A copy already recorded is left alone.
     */
    static void record(Connection c, SqlDialect d, TargetTable t, SchemaChange sc)
            throws SQLException {
        if (!positioned(sc) || logged(c, d, t, sc.position())) {
            return;
        }
        try {
            insert(c, d, t, sc.position(), sc.ddl());
        } catch (SQLException e) {
            if (!logged(c, d, t, sc.position())) {
                throw e;
            }
        }
    }

    /** Every logged DDL of {@code t}, oldest first, as text and position. */
    static List<SchemaChange> entries(Connection c, SqlDialect d, TargetTable t)
            throws SQLException {
        List<SchemaChange> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(d.schemaLogEntries(t.schema()))) {
            ps.setString(1, t.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ddl = rs.getString(2);
                    out.add(
                            new SchemaChange(
                                    ddl == null ? "" : ddl,
                                    rs.getString(1),
                                    null,
                                    List.of(),
                                    List.of()));
                }
            }
        }
        return out;
    }

    /**
     * {@code b} as it is to be loaded: when its files carry a column the target lacks and the log
     * says another subtask renamed it to a column the target has, with that rename added, so rows
     * staged under the old name load into the new one (as a rename in the batch itself does, see
     * {@link TableCommittable#loadColumns}).
     */
    static TableCommittable withLoggedRenames(
            Connection c, SqlDialect d, TableCommittable b, List<CatalogColumn> base)
            throws SQLException {
        Set<String> have = new HashSet<>();
        base.forEach(x -> have.add(x.name()));
        Set<String> missing = new HashSet<>();
        b.files().forEach(f -> missing.addAll(b.loadColumns(f)));
        missing.removeAll(have);
        if (missing.isEmpty()) {
            return b;
        }
        List<SchemaChange> renames = new ArrayList<>();
        for (SchemaChange logged : entries(c, d, b.table())) {
            Map<String, String> r = DdlText.parse(logged.ddl()).renames();
            if (!b.schemaChanges().contains(logged)
                    && r.entrySet().stream()
                            .anyMatch(
                                    e ->
                                            missing.contains(e.getKey())
                                                    && have.contains(e.getValue()))) {
                renames.add(logged);
            }
        }
        return renames.isEmpty() ? b : b.withMoreSchemaChanges(renames);
    }

    /**
     * {@code shape} without the columns another subtask renamed away (logged, gone from {@code
     * target}, their new name present): rows staged under an old name must not add it again.
     */
    static TableShape withoutRenamedAway(
            Connection c, SqlDialect d, TableShape shape, List<CatalogColumn> target)
            throws SQLException {
        Set<String> have = new HashSet<>();
        target.forEach(x -> have.add(x.name()));
        Set<String> missing = new HashSet<>();
        shape.columns().forEach(x -> missing.add(x.name()));
        missing.removeAll(have);
        missing.removeAll(shape.key());
        if (missing.isEmpty()) {
            return shape;
        }
        Set<String> gone = new HashSet<>();
        for (SchemaChange logged : entries(c, d, shape.table())) {
            DdlText.parse(logged.ddl())
                    .renames()
                    .forEach(
                            (from, to) -> {
                                if (missing.contains(from) && have.contains(to)) {
                                    gone.add(from);
                                }
                            });
        }
        return gone.isEmpty()
                ? shape
                : shape.withColumns(
                        shape.columns().stream()
                                .filter(x -> !gone.contains(x.name()))
                                .collect(Collectors.toUnmodifiableList()));
    }

    private static void insert(Connection c, SqlDialect d, TargetTable t, String key, String ddl)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(d.schemaLogInsert(t.schema()))) {
            ps.setString(1, t.toString());
            ps.setString(2, key);
            ps.setString(3, ddl.length() > MAX_DDL_CHARS ? ddl.substring(0, MAX_DDL_CHARS) : ddl);
            ps.executeUpdate();
        }
    }

    private static boolean logged(Connection c, SqlDialect d, TargetTable t, String key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(d.schemaLogLookup(t.schema()))) {
            ps.setString(1, t.toString());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
