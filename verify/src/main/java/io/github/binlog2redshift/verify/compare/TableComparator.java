package io.github.binlog2redshift.verify.compare;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.canon.KeyOrder;
import io.github.binlog2redshift.verify.dialect.ScanSpec;
import io.github.binlog2redshift.verify.jdbc.MySqlCatalog;
import io.github.binlog2redshift.verify.jdbc.RowCursor;
import io.github.binlog2redshift.verify.jdbc.Side;
import io.github.binlog2redshift.verify.jdbc.WarehouseCatalog;
import io.github.binlog2redshift.verify.mapping.TableMode;
import io.github.binlog2redshift.verify.mapping.TargetName;
import io.github.binlog2redshift.verify.schema.ComparedColumn;
import io.github.binlog2redshift.verify.schema.SourceColumn;
import io.github.binlog2redshift.verify.schema.TableShape;
import io.github.binlog2redshift.verify.schema.TargetColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares one table in three phases: (1) row counts; (2) one streaming pass over both sides in key
 * order, hashing each row's canonical text client-side into per-chunk digests; (3) for each chunk
 * whose digests differ only, a second ranged read of that chunk on both sides and a row-by-row
 * merge that names the differing keys and columns. A table without a primary key is compared as a
 * multiset instead ({@link MultisetComparator}).
 *
 * <p>Hashing happens in Java, not in SQL: the same hash over the same canonical text would need
 * per-type formatting in two SQL dialects (three with Redshift), and JSON key order, float text and
 * base64-vs-BYTEA cannot be normalised in MySQL SQL at all. The cost is reading every row over the
 * network once; memory stays at one row per side.
 */
public final class TableComparator {

    private final Side source;
    private final Side target;
    private final int chunkSize;
    private final int maxDifferences;
    private final Progress progress;
    private final DeadLettered deadLettered;

    public TableComparator(
            Side source,
            Side target,
            int chunkSize,
            int maxDifferences,
            Progress progress,
            DeadLettered deadLettered) {
        this.source = source;
        this.target = target;
        this.chunkSize = chunkSize;
        this.maxDifferences = maxDifferences;
        this.progress = progress;
        this.deadLettered = deadLettered;
    }

    public TableResult compare(TableId table, TargetName targetName, TableMode mode) {
        try {
            return compareOrThrow(table, targetName, mode);
        } catch (Exception e) {
            return TableResult.error(
                    table, targetName, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            try {
                target.endRead();
            } catch (SQLException e) {
                // the next table's statements will report a broken connection
            }
        }
    }

    private TableResult compareOrThrow(TableId table, TargetName targetName, TableMode mode)
            throws Exception {
        MySqlCatalog sourceCatalog = new MySqlCatalog(source.connection());
        List<SourceColumn> sourceColumns = sourceCatalog.columns(table);
        List<String> pk = sourceCatalog.primaryKey(table);
        List<TargetColumn> targetColumns =
                new WarehouseCatalog(target.connection()).columns(targetName);
        if (targetColumns.isEmpty()) {
            return TableResult.differentShape(table, targetName, "the target table does not exist");
        }
        if (pk.isEmpty()) {
            return new MultisetComparator(source, target, maxDifferences, progress)
                    .compare(table, targetName, mode, sourceColumns, targetColumns);
        }
        TableShape shape = TableShape.of(sourceColumns, pk, targetColumns);
        List<ComparedColumn> columns = shape.columns();
        ScanSpec sourceSpec =
                new ScanSpec(
                        table.database(),
                        table.table(),
                        columns.stream().map(ComparedColumn::sourceName).toList(),
                        shape.keySize(),
                        shape.keyKinds(),
                        null,
                        columns.stream().map(ComparedColumn::kind).toList());
        String live =
                mode.softDeleteColumn() == null
                        ? null
                        : target.dialect().notSoftDeleted(mode.softDeleteColumn());
        ScanSpec targetSpec =
                new ScanSpec(
                        targetName.schema(),
                        targetName.table(),
                        columns.stream().map(ComparedColumn::targetName).toList(),
                        shape.keySize(),
                        shape.keyKinds(),
                        live,
                        columns.stream().map(ComparedColumn::kind).toList());

        long sourceCount = count(source, sourceSpec);
        long targetCount = count(target, targetSpec);

        KeyOrder order = new KeyOrder(shape.keyKinds());
        List<Chunk> chunks;
        progress.start(table.toString(), sourceCount + targetCount);
        try (RowCursor s = new RowCursor(source, sourceSpec, columns, null, null);
                RowCursor t = new RowCursor(target, targetSpec, columns, null, null)) {
            chunks = new ChunkScanner(order, chunkSize).scan(s::next, t::next, progress::step);
        } finally {
            progress.finish();
        }

        DifferenceCollector collector =
                new DifferenceCollector(maxDifferences, deadLettered.keysOf(table));
        RowDiffer differ =
                new RowDiffer(order, columns.stream().map(ComparedColumn::sourceName).toList());
        long readForDiff = 0;
        List<Chunk> differing = chunks.stream().filter(c -> !c.matches()).toList();
        for (Chunk chunk : differing) {
            try (RowCursor s =
                            new RowCursor(
                                    source, sourceSpec, columns, chunk.lower(), chunk.upper());
                    RowCursor t =
                            new RowCursor(
                                    target, targetSpec, columns, chunk.lower(), chunk.upper())) {
                readForDiff += differ.diff(s::next, t::next, collector);
            }
        }
        return new TableVerdict(table, targetName, mode, shape)
                .result(
                        sourceCount,
                        targetCount,
                        chunks.size(),
                        differing.size(),
                        readForDiff,
                        collector);
    }

    static long count(Side side, ScanSpec spec) throws SQLException {
        String sql = side.dialect().count(spec);
        try (Statement st = side.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Keeps the first differences and counts all of them; a missing or changed row whose key is
     * dead-lettered is kept apart (all of them, they are few) and not counted as a difference.
     */
    static final class DifferenceCollector implements java.util.function.Consumer<Difference> {
        final int max;
        final Set<List<String>> deadLetteredKeys;
        final List<Difference> kept = new ArrayList<>();
        final List<Difference> deadLettered = new ArrayList<>();
        long missing;
        long extra;
        long changed;

        DifferenceCollector(int max) {
            this(max, Set.of());
        }

        DifferenceCollector(int max, Set<List<String>> deadLetteredKeys) {
            this.max = max;
            this.deadLetteredKeys = deadLetteredKeys;
        }

        @Override
        public void accept(Difference d) {
            if (d.type() != Difference.Type.EXTRA && deadLetteredKeys.contains(d.key())) {
                deadLettered.add(d);
                return;
            }
            switch (d.type()) {
                case MISSING -> missing++;
                case EXTRA -> extra++;
                case CHANGED -> changed++;
            }
            if (kept.size() < max) {
                kept.add(d);
            }
        }
    }
}
