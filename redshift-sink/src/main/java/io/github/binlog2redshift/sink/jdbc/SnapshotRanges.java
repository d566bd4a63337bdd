package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ChunkRangeStatements;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies snapshot chunk ranges ({@link SnapshotChunk}) in a table's merge transaction, under its
 * commit lock: a committable's own chunks delete the target's older rows of their range and are
 * recorded in {@code <table>_b2r_ranges}; after the load, staged rows older than a recorded range
 * they fall in are dropped, whichever subtask recorded it (as the schema log's TRUNCATE cutoff is
 * read under the same lock). Keyed tables that apply deletes (hard or soft) only; a range whose key
 * column the target lacks is skipped with a warning.
 */
final class SnapshotRanges {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRanges.class);

    private final SqlDialect dialect;
    private final CatalogReader catalog;

    SnapshotRanges(SqlDialect dialect) {
        this.dialect = dialect;
        this.catalog = new CatalogReader(dialect);
    }

    /** True when {@code b}'s mode lets snapshot ranges delete (the table must have a key too). */
    static boolean applies(TableCommittable b) {
        TableMode mode = b.mode();
        return !mode.ignoreDdl() && mode.writesTarget() && mode.deletes() != DeleteHandling.SKIP;
    }

    /**
     * True when {@code b}'s table has a key: its rows say so, or, for a committable of chunk ranges
     * alone (they reach one subtask, the rows all), the table's tombstones exist.
     */
    private boolean keyed(Connection c, TableCommittable b) throws SQLException {
        return !b.primaryKey().isEmpty()
                || catalog.exists(c, b.table().withSuffix(ReservedNames.TOMBSTONE_SUFFIX));
    }

    static TargetTable rangesTable(TargetTable t) {
        return t.withSuffix(ReservedNames.RANGES_SUFFIX);
    }

    /**
     * Outside the transaction: creates the ranges table of {@code b}'s table (which exists) when it
     * keeps ranges and lacks one. Every commit of the table reads it.
     */
    void ensureTable(Connection c, TableCommittable b) throws SQLException {
        if (!applies(b) || !keyed(c, b)) {
            return;
        }
        TargetTable ranges = rangesTable(b.table());
        if (!catalog.exists(c, ranges)) {
            ColumnEvolver.idempotent(
                    c, ChunkRangeStatements.create(ranges), () -> catalog.exists(c, ranges));
        }
    }

    /** The chunk statements among {@code b}'s schema changes. */
    static List<SchemaChange> chunksOf(TableCommittable b) {
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange sc : b.schemaChanges()) {
            if (SnapshotChunk.isChunk(sc.ddl())) {
                out.add(sc);
            }
        }
        return out;
    }

    /**
     * In the transaction: for each of {@code b}'s chunks, deletes (or, soft-delete tables, flags)
     * the target's older rows of its range and records the range; {@code base} is the target's
     * columns. Returns the rows deleted.
     */
    long applyOwn(MergeSteps s, Connection c, TableCommittable b, List<CatalogColumn> base)
            throws SQLException, IOException {
        List<SchemaChange> chunks = chunksOf(b);
        if (chunks.isEmpty()
                || !applies(b)
                || !SchemaApplier.has(base, ReservedNames.POSITION)
                || !s.call("chunk-keyed", null, () -> keyed(c, b))) {
            return 0;
        }
        TargetTable t = b.table();
        TargetTable ranges = rangesTable(t);
        long deleted = 0;
        for (SchemaChange sc : chunks) {
            SnapshotChunk chunk = SnapshotChunk.parse(sc.ddl());
            if (chunk.keyColumn() != null && !SchemaApplier.has(base, chunk.keyColumn())) {
                LOG.warn(
                        "{}: snapshot chunk at {} ranges over {}, which the target lacks; older"
                                + " rows of the range are not removed",
                        b,
                        sc.position(),
                        chunk.keyColumn());
                continue;
            }
            String now = dialect.currentTimestamp();
            String delete =
                    b.mode().deletes() == DeleteHandling.SOFT
                            ? ChunkRangeStatements.markOlderDeleted(t, chunk, sc.position(), now)
                            : ChunkRangeStatements.deleteOlder(t, chunk, sc.position());
            long n = s.update("chunk-delete", delete);
            deleted += n;
            s.update("chunk-forget", ChunkRangeStatements.forget(ranges, chunk, sc.position()));
            s.update(
                    "chunk-record", ChunkRangeStatements.insert(ranges, chunk, sc.position(), now));
            if (n > 0) {
                LOG.info(
                        "{}: snapshot chunk {} at {} removed {} older rows of its range",
                        b,
                        chunk,
                        sc.position(),
                        n);
            }
        }
        return deleted;
    }

    /**
     * In the transaction, after the load: drops staged rows older than a recorded range they fall
     * in. Returns the rows dropped.
     */
    long dropStale(MergeSteps s, Connection c, TableCommittable b)
            throws SQLException, IOException {
        if (!applies(b) || b.primaryKey().isEmpty()) {
            return 0;
        }
        TargetTable ranges = rangesTable(b.table());
        String find = ChunkRangeStatements.columnsNewerThanStage(ranges);
        List<String> columns =
                s.call(
                        "chunk-ranges",
                        find,
                        () -> {
                            List<String> out = new ArrayList<>();
                            try (Statement st = c.createStatement();
                                    ResultSet rs = st.executeQuery(find)) {
                                while (rs.next()) {
                                    out.add(rs.getString(1));
                                }
                            }
                            return out;
                        });
        long dropped = 0;
        for (String column : columns) {
            dropped +=
                    s.update(
                            "chunk-drop-stale",
                            ChunkRangeStatements.dropStaleStaged(ranges, column));
        }
        if (dropped > 0) {
            LOG.info(
                    "{}: {} staged rows older than a snapshot chunk of their range dropped",
                    b,
                    dropped);
        }
        return dropped;
    }
}
