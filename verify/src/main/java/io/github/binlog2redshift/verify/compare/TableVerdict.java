package io.github.binlog2redshift.verify.compare;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.compare.TableComparator.DifferenceCollector;
import io.github.binlog2redshift.verify.mapping.TableMode;
import io.github.binlog2redshift.verify.mapping.TargetName;
import io.github.binlog2redshift.verify.schema.ComparedColumn;
import io.github.binlog2redshift.verify.schema.TableShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether what was found makes a table different, under the table's mode: extra target rows
 * are fine under skip_delete, column sets may differ under ignore_ddl; everything else is a
 * difference.
 */
final class TableVerdict {

    private final TableId table;
    private final TargetName target;
    private final TableMode mode;
    private final TableShape shape;

    TableVerdict(TableId table, TargetName target, TableMode mode, TableShape shape) {
        this.table = table;
        this.target = target;
        this.mode = mode;
        this.shape = shape;
    }

    TableResult result(
            long sourceCount,
            long targetCount,
            int chunks,
            int differingChunks,
            long readForDiff,
            DifferenceCollector found) {
        List<String> notes = new ArrayList<>();
        boolean different = found.missing > 0 || found.changed > 0;
        if (found.extra > 0) {
            if (mode.skipDelete()) {
                notes.add(found.extra + " extra target rows allowed by skip_delete");
            } else {
                different = true;
            }
        }
        if (!shape.sourceOnly().isEmpty()) {
            String msg = "source columns missing in the target: " + shape.sourceOnly();
            if (mode.ignoreDdl()) {
                notes.add(msg + " (ignore_ddl: not compared)");
            } else {
                notes.add(msg);
                different = true;
            }
        }
        if (!shape.targetOnly().isEmpty()) {
            notes.add("target columns not in the source, not compared: " + shape.targetOnly());
        }
        // a dead-lettered row missing in the target explains one row of the count gap
        long deadMissing =
                found.deadLettered.stream()
                        .filter(d -> d.type() == Difference.Type.MISSING)
                        .count();
        if (!different
                && sourceCount - deadMissing != targetCount
                && !(mode.skipDelete() && targetCount > sourceCount - deadMissing)) {
            // the scan saw equal data but the counts did not: rows changed while verify ran
            notes.add(
                    "row counts differed while the scan found no difference: data changed during the run");
            different = true;
        }
        List<String> keyColumns =
                shape.keyColumns().stream().map(ComparedColumn::sourceName).toList();
        return new TableResult(
                table,
                target,
                different ? TableResult.Verdict.DIFFERENT : TableResult.Verdict.EQUAL,
                sourceCount,
                targetCount,
                chunks,
                differingChunks,
                readForDiff,
                found.missing,
                found.extra,
                found.changed,
                keyColumns,
                found.kept,
                found.deadLettered,
                notes,
                null);
    }
}
