package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.TableRule;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How one table is written (its {@code sink.tables} rule, see {@code docs/tables.md}): whether the
 * sink manages its DDL, what a delete does, whether deleted rows or every change are also appended
 * to side tables, its Redshift layout, and how it is written when it has no key.
 */
public final class TableMode implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean ignoreDdl;
    private final DeleteHandling deletes;
    private final DeleteArchive archive;
    private final boolean history;
    private final SchemaPolicy.DistStyle distStyle;
    private final List<String> sortKey;
    private final KeylessMode keyless;

    /** A mode whose table, if it has no key, is mirrored ({@link KeylessMode#MIRROR}). */
    public TableMode(
            boolean ignoreDdl,
            DeleteHandling deletes,
            DeleteArchive archive,
            boolean history,
            SchemaPolicy.DistStyle distStyle,
            List<String> sortKey) {
        this(ignoreDdl, deletes, archive, history, distStyle, sortKey, KeylessMode.MIRROR);
    }

    public TableMode(
            boolean ignoreDdl,
            DeleteHandling deletes,
            DeleteArchive archive,
            boolean history,
            SchemaPolicy.DistStyle distStyle,
            List<String> sortKey,
            KeylessMode keyless) {
        this.keyless = Objects.requireNonNull(keyless, "keyless");
        this.ignoreDdl = ignoreDdl;
        this.deletes = Objects.requireNonNull(deletes, "deletes");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.history = history;
        this.distStyle = Objects.requireNonNull(distStyle, "distStyle");
        this.sortKey = List.copyOf(sortKey);
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
        return of(rule, defaultDistStyle, KeylessMode.MIRROR);
    }

    /**
     * The rule's mode, with {@code defaultDistStyle} and {@code defaultKeyless} where the rule
     * names none ({@link TableRule#keylessMode}).
     */
    public static TableMode of(
            TableRule rule, SchemaPolicy.DistStyle defaultDistStyle, KeylessMode defaultKeyless) {
        return new TableMode(
                rule.ignoreDdl(),
                rule.deletes(),
                rule.deleteArchive(),
                rule.history(),
                rule.distStyle().orElse(defaultDistStyle),
                rule.sortKey(),
                rule.keylessMode(defaultKeyless));
    }

    /** A user-managed table: never created or altered, only its columns are written. */
    public boolean ignoreDdl() {
        return ignoreDdl;
    }

    /** APPLY (remove the row), SKIP (keep it as it was) or SOFT (flag it). */
    public DeleteHandling deletes() {
        return deletes;
    }

    /** Also (or only) append deleted rows to {@code <table>_delete}. */
    public DeleteArchive archive() {
        return archive;
    }

    /** Also append every change to {@code <table>_history}. */
    public boolean history() {
        return history;
    }

    /** Redshift distribution style of a created table. */
    public SchemaPolicy.DistStyle distStyle() {
        return distStyle;
    }

    /** Redshift sort key of a created table; empty: the primary key. */
    public List<String> sortKey() {
        return sortKey;
    }

    /**
     * How the table is written if it has no key: a multiset copy or a change log (see {@code
     * docs/tables.md}). A target that an earlier version made as a change log (it has {@code
     * _b2r_op}) stays one, whatever this says.
     */
    public KeylessMode keyless() {
        return keyless;
    }

    /** True when the target table itself is written ({@code only_save_delete} writes none). */
    public boolean writesTarget() {
        return archive != DeleteArchive.ONLY_SAVE;
    }

    public TableMode withIgnoreDdl(boolean ignore) {
        return new TableMode(ignore, deletes, archive, history, distStyle, sortKey, keyless);
    }

    public TableMode withSortKey(List<String> other) {
        return new TableMode(ignoreDdl, deletes, archive, history, distStyle, other, keyless);
    }

    public TableMode withKeyless(KeylessMode other) {
        return new TableMode(ignoreDdl, deletes, archive, history, distStyle, sortKey, other);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableMode)) {
            return false;
        }
        TableMode other = (TableMode) o;
        return ignoreDdl == other.ignoreDdl
                && deletes == other.deletes
                && archive == other.archive
                && history == other.history
                && distStyle == other.distStyle
                && sortKey.equals(other.sortKey)
                && keyless == other.keyless;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ignoreDdl, deletes, archive, history, distStyle, sortKey, keyless);
    }

    @Override
    public String toString() {
        return "TableMode[ignoreDdl="
                + ignoreDdl
                + ", deletes="
                + deletes
                + ", archive="
                + archive
                + ", history="
                + history
                + ", distStyle="
                + distStyle
                + ", sortKey="
                + sortKey
                + ", keyless="
                + keyless
                + "]";
    }
}
