package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.TableRule;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How one table is written (its {@code sink.tables} rule, see {@code docs/tables.md}): whether the
 * sink manages its DDL, what a delete does, whether deleted rows or every change are also appended
 * to side tables, and its Redshift layout.
 *
 * @param ignoreDdl a user-managed table: never created or altered, only its columns are written
 * @param deletes APPLY (remove the row), SKIP (keep it as it was) or SOFT (flag it)
 * @param archive also (or only) append deleted rows to {@code <table>_delete}
 * @param history also append every change to {@code <table>_history}
 * @param distStyle Redshift distribution style of a created table
 * @param sortKey Redshift sort key of a created table; empty: the primary key
 */
public record TableMode(
        boolean ignoreDdl,
        DeleteHandling deletes,
        DeleteArchive archive,
        boolean history,
        SchemaPolicy.DistStyle distStyle,
        List<String> sortKey)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TableMode {
        Objects.requireNonNull(deletes, "deletes");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(distStyle, "distStyle");
        sortKey = List.copyOf(sortKey);
    }

    /** A mirrored table: managed DDL, deletes applied, no side tables, Redshift KEY layout. */
    public static TableMode defaults() {
        return new TableMode(
                false,
                DeleteHandling.APPLY,
                DeleteArchive.NONE,
                false,
                SchemaPolicy.DistStyle.KEY,
                List.of());
    }

    /** The rule's mode, with {@code defaultDistStyle} where the rule names none. */
    public static TableMode of(TableRule rule, SchemaPolicy.DistStyle defaultDistStyle) {
        return new TableMode(
                rule.ignoreDdl(),
                rule.deletes(),
                rule.deleteArchive(),
                rule.history(),
                rule.distStyle().orElse(defaultDistStyle),
                rule.sortKey());
    }

    /** True when the target table itself is written ({@code only_save_delete} writes none). */
    public boolean writesTarget() {
        return archive != DeleteArchive.ONLY_SAVE;
    }

    public TableMode withIgnoreDdl(boolean ignore) {
        return new TableMode(ignore, deletes, archive, history, distStyle, sortKey);
    }
}
