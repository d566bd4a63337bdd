package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.ColumnEvolver.idempotent;

import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TableCommittableSerializer;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.QuarantineStatements;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Runs {@link QuarantineStatements}: the warehouse's record of which tables of a job are
 * quarantined and of the committables kept behind them. The warehouse, not Flink's state, holds
 * them: Flink 1.20's committer has no state of its own, and its operator retries a committable the
 * committer asks to {@code retryLater()} at once, up to {@code sink.committer.retries} times, then
 * fails the job; so a committable can only be kept across checkpoints by handing it over somewhere
 * durable, and the warehouse is where the commit ledger (the sink's exactly-once record) already
 * lives. Every write is idempotent: a committable kept twice (a committer called again after a
 * failover) is kept once, and a replayed one is found in the commit ledger.
 *
 * <p>Not thread-safe across connections: each committer thread passes its own.
 */
public final class QuarantineStore {

    private final SqlDialect dialect;
    private final QuarantineStatements sql;
    private final String controlSchema;
    private final String jobId;
    private volatile boolean ready;

    public QuarantineStore(SqlDialect dialect, String controlSchema, String jobId) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.controlSchema = Objects.requireNonNull(controlSchema, "control schema");
        this.jobId = Objects.requireNonNull(jobId, "job id");
        this.sql = new QuarantineStatements(dialect, controlSchema);
    }

    /** The quarantine's table, where the operator's resume deletes the row. */
    public TargetTable quarantineTable() {
        return sql.quarantineTable();
    }

    public String jobId() {
        return jobId;
    }

    /**
     * How these records name {@code t}: the warehouse's {@code schema.table}, as the ledger does.
     */
    public String name(TargetTable t) {
        return WarehouseNames.table(t, dialect).toString();
    }

    /** Creates the control schema and the two tables when missing (once per store). */
    public void ensureTables(Connection c) throws SQLException {
        if (ready) {
            return;
        }
        CatalogReader catalog = new CatalogReader(dialect);
        String schema = sql.quarantineTable().schema();
        if (!catalog.schemaExists(c, schema)) {
            idempotent(c, dialect.createSchema(schema), () -> catalog.schemaExists(c, schema));
        }
        idempotent(c, sql.createQuarantine(), () -> catalog.exists(c, sql.quarantineTable()));
        idempotent(c, sql.createKept(), () -> catalog.exists(c, sql.keptTable()));
        ready = true;
    }

    /**
     * The job's quarantined tables and the committables kept for committer {@code subtask} of
     * {@code parallelism}: those a writer subtask with the same index modulo the parallelism kept
     * (after a rescale, every kept committable still has one committer).
     */
    public QuarantineView read(Connection c, int subtask, int parallelism) throws SQLException {
        ensureTables(c);
        QuarantineView.Builder view = QuarantineView.builder();
        try (PreparedStatement ps = c.prepareStatement(sql.selectQuarantined())) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    view.quarantined(
                            new QuarantineView.Quarantine(
                                    rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.selectKeptKeys())) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int keptBy = rs.getInt(2);
                    if (Math.floorMod(keptBy, parallelism) != subtask) {
                        continue;
                    }
                    view.kept(
                            new QuarantineView.Kept(
                                    rs.getString(1),
                                    keptBy,
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getLong(5)));
                }
            }
        }
        return view.build();
    }

    /**
     * Records {@code table} as quarantined since {@code checkpointId} unless a row says so already
     * (another subtask may have been first: then its row stands).
     */
    public void quarantine(
            Connection c, String table, long checkpointId, int subtask, String reason)
            throws SQLException {
        ensureTables(c);
        if (count(c, sql.countQuarantine(), table, null, null) > 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.insertQuarantine())) {
            ps.setString(1, jobId);
            ps.setString(2, table);
            ps.setLong(3, checkpointId);
            ps.setInt(4, subtask);
            ps.setString(5, reason);
            ps.executeUpdate();
        }
    }

    /**
     * Keeps {@code b} (its staged files stay where they are; file copies the committable carries
     * for PostgreSQL are left out, the files themselves are read again). A committable kept already
     * is not kept twice. One transaction.
     */
    public void keep(Connection c, TableCommittable b) throws SQLException {
        ensureTables(c);
        String table = name(b.table());
        if (count(c, sql.countKept(), table, b.checkpointId(), b.stagingId()) > 0) {
            return;
        }
        List<String> parts = parts(encode(b));
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql.insertKept())) {
            for (int i = 0; i < parts.size(); i++) {
                ps.setString(1, jobId);
                ps.setString(2, table);
                ps.setInt(3, b.subtask());
                ps.setLong(4, b.checkpointId());
                ps.setString(5, b.stagingId());
                ps.setLong(6, b.rowCount());
                ps.setInt(7, TableCommittableSerializer.VERSION);
                ps.setInt(8, i);
                ps.setInt(9, parts.size());
                ps.setString(10, parts.get(i));
                ps.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** A kept committable; null when it is gone (replayed by an earlier attempt, or deleted). */
    @Nullable
    public TableCommittable load(Connection c, QuarantineView.Kept k) throws SQLException {
        StringBuilder text = new StringBuilder();
        int version = -1;
        int parts = -1;
        int seen = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.selectKept())) {
            ps.setString(1, jobId);
            ps.setString(2, k.table());
            ps.setLong(3, k.checkpointId());
            ps.setString(4, k.stagingId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    version = rs.getInt(1);
                    if (rs.getInt(2) != seen) {
                        throw new SQLException(k + ": part " + seen + " is missing");
                    }
                    parts = rs.getInt(3);
                    text.append(rs.getString(4));
                    seen++;
                }
            }
        }
        if (seen == 0) {
            return null;
        }
        if (seen != parts) {
            throw new SQLException(k + ": " + seen + " of " + parts + " parts found");
        }
        try {
            return new TableCommittableSerializer()
                    .deserialize(version, Base64.getDecoder().decode(text.toString()));
        } catch (IOException | IllegalArgumentException e) {
            throw new SQLException(k + " cannot be read back: " + e.getMessage(), e);
        }
    }

    /** Forgets a kept committable once it was applied (or found in the ledger). */
    public void release(Connection c, QuarantineView.Kept k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.deleteKept())) {
            ps.setString(1, jobId);
            ps.setString(2, k.table());
            ps.setLong(3, k.checkpointId());
            ps.setString(4, k.stagingId());
            ps.executeUpdate();
        }
    }

    private long count(
            Connection c,
            String query,
            String table,
            @Nullable Long checkpointId,
            @Nullable String stagingId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, jobId);
            ps.setString(2, table);
            if (checkpointId != null) {
                ps.setLong(3, checkpointId);
                ps.setString(4, stagingId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The committable without the file copies it may carry, serialized, in base64. */
    static String encode(TableCommittable b) throws SQLException {
        List<StagedFile> files = new ArrayList<>(b.files().size());
        for (StagedFile f : b.files()) {
            files.add(new StagedFile(f.path(), f.columns(), f.rows(), null));
        }
        TableCommittable bare = b.withFiles(files);
        try {
            byte[] bytes = new TableCommittableSerializer().serialize(bare);
            return new String(Base64.getEncoder().encode(bytes), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SQLException(b + " cannot be serialized: " + e.getMessage(), e);
        }
    }

    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += QuarantineStatements.PART_CHARS) {
            parts.add(
                    text.substring(
                            i, Math.min(text.length(), i + QuarantineStatements.PART_CHARS)));
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    @Override
    public String toString() {
        return "QuarantineStore[" + controlSchema + ", job " + jobId + "]";
    }
}
