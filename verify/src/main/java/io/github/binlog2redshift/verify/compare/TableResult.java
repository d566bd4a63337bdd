package io.github.binlog2redshift.verify.compare;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.mapping.TargetName;
import java.util.List;

/**
 * The outcome for one table. {@code differences} holds at most the configured number of rows; the
 * {@code missing}, {@code extra} and {@code changed} counts are complete. {@code notes} are
 * information that does not make the table different (columns skipped under ignore_ddl, extra rows
 * under skip_delete). {@code deadLettered} are the missing or changed rows whose keys are in a
 * dead-letter output: not compared, not counted in {@code missing} or {@code changed}.
 */
public record TableResult(
        TableId source,
        TargetName target,
        Verdict verdict,
        long sourceRows,
        long targetRows,
        int chunks,
        int differingChunks,
        long rowsReadForDiff,
        long missing,
        long extra,
        long changed,
        List<String> keyColumns,
        List<Difference> differences,
        List<Difference> deadLettered,
        List<String> notes,
        String error) {

    /** Whether the target matches the source. */
    public enum Verdict {
        EQUAL,
        DIFFERENT,
        ERROR
    }

    public TableResult {
        keyColumns = List.copyOf(keyColumns);
        differences = List.copyOf(differences);
        deadLettered = List.copyOf(deadLettered);
        notes = List.copyOf(notes);
    }

    static TableResult error(TableId source, TargetName target, String error) {
        return new TableResult(
                source,
                target,
                Verdict.ERROR,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                error);
    }

    static TableResult differentShape(TableId source, TargetName target, String reason) {
        return new TableResult(
                source,
                target,
                Verdict.DIFFERENT,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(),
                List.of(),
                List.of(reason),
                null);
    }
}
