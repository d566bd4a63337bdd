package io.github.binlog2redshift.verify.compare;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.canon.RowHasher;
import io.github.binlog2redshift.verify.compare.TableComparator.DifferenceCollector;
import io.github.binlog2redshift.verify.dialect.ScanSpec;
import io.github.binlog2redshift.verify.jdbc.Row;
import io.github.binlog2redshift.verify.jdbc.RowCursor;
import io.github.binlog2redshift.verify.jdbc.Side;
import io.github.binlog2redshift.verify.mapping.TableMode;
import io.github.binlog2redshift.verify.mapping.TargetName;
import io.github.binlog2redshift.verify.schema.ComparedColumn;
import io.github.binlog2redshift.verify.schema.SourceColumn;
import io.github.binlog2redshift.verify.schema.TableShape;
import io.github.binlog2redshift.verify.schema.TargetColumn;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a table without a primary key as a multiset: equal when every distinct row (all compared
 * columns, in canonical form) occurs as many times on both sides, which is what the sink's keyless
 * mirror keeps (docs/tables.md). Rows have no key to sort and chunk by, and ordering by every
 * column would need MySQL and the warehouse to agree on the order of JSON, floats and binary, so
 * both sides are read unordered: each row's 64-bit hash ({@link RowHasher}) is counted, +1 for the
 * source and -1 for the target, and a hash left with a count other than 0 is a row missing in (or
 * extra in) the target that many times.
 *
 * <p>Memory holds one count per distinct row of a pass. Tables of more than {@value #ROWS_PER_PASS}
 * rows are read in several passes, each counting the rows whose hash falls in its share, so memory
 * stays bounded at the cost of reading both sides once per pass. The differences shown (at most
 * {@code --max-differences}) are read once more to print their values. Two different rows with one
 * 64-bit hash would count as one; for a billion rows the odds are about 3 in 100.
 */
final class MultisetComparator {

    /** Rows counted per pass: at most about 2 x 12 MB of counts. */
    static final long ROWS_PER_PASS = 1_000_000;

    private final Side source;
    private final Side target;
    private final int maxDifferences;
    private final Progress progress;

    MultisetComparator(Side source, Side target, int maxDifferences, Progress progress) {
        this.source = source;
        this.target = target;
        this.maxDifferences = maxDifferences;
        this.progress = progress;
    }

    TableResult compare(
            TableId table,
            TargetName targetName,
            TableMode mode,
            List<SourceColumn> sourceColumns,
            List<TargetColumn> targetColumns)
            throws Exception {
        TableShape read = TableShape.of(sourceColumns, List.of(), targetColumns);
        List<ComparedColumn> columns = read.columns();
        // Every column is the row's identity: the report names rows by all their values.
        TableShape shape =
                new TableShape(columns, columns.size(), read.sourceOnly(), read.targetOnly());
        List<String> sourceNames = columns.stream().map(ComparedColumn::sourceName).toList();
        List<String> targetNames = columns.stream().map(ComparedColumn::targetName).toList();
        var kinds = columns.stream().map(ComparedColumn::kind).toList();
        ScanSpec sourceSpec =
                new ScanSpec(
                        table.database(), table.table(), sourceNames, 0, List.of(), null, kinds);
        String live =
                mode.softDeleteColumn() == null
                        ? null
                        : target.dialect().notSoftDeleted(mode.softDeleteColumn());
        ScanSpec targetSpec =
                new ScanSpec(
                        targetName.schema(),
                        targetName.table(),
                        targetNames,
                        0,
                        List.of(),
                        live,
                        kinds);
        long sourceCount = TableComparator.count(source, sourceSpec);
        long targetCount = TableComparator.count(target, targetSpec);
        int passes = (int) Math.max(1, ceilDiv(Math.max(sourceCount, targetCount), ROWS_PER_PASS));

        DifferenceCollector found = new DifferenceCollector(maxDifferences);
        Map<Long, Integer> shown = new LinkedHashMap<>();
        int differingPasses = 0;
        RowHasher hasher = new RowHasher();
        progress.start(table.toString(), (sourceCount + targetCount) * passes);
        try {
            for (int pass = 0; pass < passes; pass++) {
                RowCounts counts =
                        new RowCounts((int) Math.min(ROWS_PER_PASS, sourceCount + targetCount));
                count(source, sourceSpec, columns, pass, passes, 1, counts, hasher);
                count(target, targetSpec, columns, pass, passes, -1, counts, hasher);
                long before = found.missing + found.extra;
                counts.forEachNonZero(
                        h -> {
                            int delta = counts.get(h);
                            if (delta > 0) {
                                found.missing += delta;
                            } else {
                                found.extra -= delta;
                            }
                            if (shown.size() < maxDifferences) {
                                shown.put(h, delta);
                            }
                        });
                if (found.missing + found.extra > before) {
                    differingPasses++;
                }
            }
        } finally {
            progress.finish();
        }
        long reread = 0;
        if (!shown.isEmpty()) {
            Map<Long, List<String>> values = new HashMap<>();
            reread += collect(source, sourceSpec, columns, shown, values, hasher);
            reread += collect(target, targetSpec, columns, shown, values, hasher);
            for (Map.Entry<Long, Integer> e : shown.entrySet()) {
                int delta = e.getValue();
                found.kept.add(
                        new Difference(
                                delta > 0 ? Difference.Type.MISSING : Difference.Type.EXTRA,
                                values.getOrDefault(e.getKey(), List.of()),
                                List.of(),
                                Math.abs(delta)));
            }
        }
        return new TableVerdict(table, targetName, mode, shape)
                .result(sourceCount, targetCount, passes, differingPasses, reread, found);
    }

    /** Adds {@code delta} per row of {@code spec} whose hash falls in {@code pass}. */
    private void count(
            Side side,
            ScanSpec spec,
            List<ComparedColumn> columns,
            int pass,
            int passes,
            int delta,
            RowCounts counts,
            RowHasher hasher)
            throws Exception {
        try (RowCursor rows = new RowCursor(side, spec, columns, null, null)) {
            Row r;
            while ((r = rows.next()) != null) {
                progress.step();
                long h = hasher.hash(r.values());
                if (Math.floorMod(h, passes) == pass) {
                    counts.add(h, delta);
                }
            }
        }
    }

    /** The values of the rows to show, read once more; returns the rows read. */
    private static long collect(
            Side side,
            ScanSpec spec,
            List<ComparedColumn> columns,
            Map<Long, Integer> shown,
            Map<Long, List<String>> values,
            RowHasher hasher)
            throws Exception {
        long read = 0;
        try (RowCursor rows = new RowCursor(side, spec, columns, null, null)) {
            Row r;
            while ((r = rows.next()) != null && values.size() < shown.size()) {
                read++;
                long h = hasher.hash(r.values());
                if (shown.containsKey(h)) {
                    values.putIfAbsent(h, r.values());
                }
            }
        }
        return read;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
