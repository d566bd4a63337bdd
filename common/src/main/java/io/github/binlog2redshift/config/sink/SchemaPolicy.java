package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the apply does when a source table's schema changes, and with values the target cannot hold.
 * The defaults never lose data and never stop the job for a change the target can follow; see
 * {@code docs/tables.md}.
 */
public final class SchemaPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A column dropped at the source. */
    public enum DropColumn {
        /** Keep the target column; new rows hold NULL in it (default: no data is lost). */
        KEEP,
        /** Drop the target column too. */
        DROP
    }

    /** A type change that is not a widening (e.g. VARCHAR to INT, INT to DATE). */
    public enum TypeChange {
        /** Stop the job naming table, column, old and new type (default). */
        FAIL,
        /** Turn the target column into text (VARCHAR(65535) / TEXT), which holds both. */
        TO_TEXT
    }

    /** A table dropped at the source. */
    public enum DropTable {
        /** Keep the target and its data; log a warning (default). */
        IGNORE,
        /** Drop the target table as well. */
        DROP
    }

    /** A table truncated at the source. */
    public enum TruncateTable {
        /** Empty the target (default); soft-delete tables mark their rows deleted instead. */
        APPLY,
        /** Keep the target rows; log a warning. */
        IGNORE
    }

    /**
     * A table renamed at the source ({@code RENAME TABLE a TO b}, {@code ALTER TABLE a RENAME b}).
     */
    public enum RenameTable {
        /**
         * Rename the old name's target (and its side tables) to the new name's (default), so the
         * rows loaded so far and the rows to come meet in one table; done when only the new one
         * exists.
         */
        FOLLOW,
        /** Keep the old target as it is; the new name's rows load into a new target. WARN. */
        IGNORE
    }

    /** A value longer than its target column can hold. */
    public enum Oversize {
        /** Send the change to the dead-letter output naming table, column and key (default). */
        DEAD_LETTER,
        /** Cut the value to fit and name the column in the row's {@code _b2r_truncated}. */
        TRUNCATE
    }

    /** Redshift distribution style of the tables the sink creates. */
    public enum DistStyle {
        /** DISTKEY on the first key column (default): the merge's key join stays node-local. */
        KEY,
        AUTO,
        EVEN,
        ALL
    }

    private final DropColumn dropColumn;
    private final TypeChange typeChange;
    private final DropTable dropTable;
    private final TruncateTable truncateTable;
    private final Oversize oversize;
    private final DistStyle distStyle;
    private final RenameTable renameTable;

    public SchemaPolicy(
            DropColumn dropColumn,
            TypeChange typeChange,
            DropTable dropTable,
            TruncateTable truncateTable,
            Oversize oversize,
            DistStyle distStyle,
            RenameTable renameTable) {
        this.dropColumn = Objects.requireNonNull(dropColumn, "dropColumn");
        this.typeChange = Objects.requireNonNull(typeChange, "typeChange");
        this.dropTable = Objects.requireNonNull(dropTable, "dropTable");
        this.truncateTable = Objects.requireNonNull(truncateTable, "truncateTable");
        this.oversize = Objects.requireNonNull(oversize, "oversize");
        this.distStyle = Objects.requireNonNull(distStyle, "distStyle");
        this.renameTable = Objects.requireNonNull(renameTable, "renameTable");
    }

    /** A column dropped at the source. */
    public DropColumn dropColumn() {
        return dropColumn;
    }

    /** A column type change the target cannot follow by widening. */
    public TypeChange typeChange() {
        return typeChange;
    }

    /** A table dropped at the source. */
    public DropTable dropTable() {
        return dropTable;
    }

    /** A table truncated at the source. */
    public TruncateTable truncateTable() {
        return truncateTable;
    }

    /** A value longer than the target column (Redshift VARCHAR 65,535 bytes, SUPER 16 MB). */
    public Oversize oversize() {
        return oversize;
    }

    /** Redshift distribution style of created tables (a table rule may override it). */
    public DistStyle distStyle() {
        return distStyle;
    }

    /** A table renamed at the source. */
    public RenameTable renameTable() {
        return renameTable;
    }

    /** A policy that follows table renames (the default for them). */
    public SchemaPolicy(
            DropColumn dropColumn,
            TypeChange typeChange,
            DropTable dropTable,
            TruncateTable truncateTable,
            Oversize oversize,
            DistStyle distStyle) {
        this(
                dropColumn,
                typeChange,
                dropTable,
                truncateTable,
                oversize,
                distStyle,
                RenameTable.FOLLOW);
    }

    public SchemaPolicy withRenameTable(RenameTable other) {
        return new SchemaPolicy(
                dropColumn, typeChange, dropTable, truncateTable, oversize, distStyle, other);
    }

    /** Every default. */
    public static SchemaPolicy defaults() {
        return new SchemaPolicy(
                DropColumn.KEEP,
                TypeChange.FAIL,
                DropTable.IGNORE,
                TruncateTable.APPLY,
                Oversize.DEAD_LETTER,
                DistStyle.KEY,
                RenameTable.FOLLOW);
    }

    static SchemaPolicy from(Settings s) {
        return new SchemaPolicy(
                s.get(SinkOptions.SCHEMA_DROP_COLUMN),
                s.get(SinkOptions.SCHEMA_TYPE_CHANGE),
                s.get(SinkOptions.SCHEMA_DROP_TABLE),
                s.get(SinkOptions.SCHEMA_TRUNCATE_TABLE),
                s.get(SinkOptions.OVERSIZE_VALUES),
                s.get(SinkOptions.REDSHIFT_DIST_STYLE),
                s.get(SinkOptions.SCHEMA_RENAME_TABLE));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SchemaPolicy)) {
            return false;
        }
        SchemaPolicy other = (SchemaPolicy) o;
        return dropColumn == other.dropColumn
                && typeChange == other.typeChange
                && dropTable == other.dropTable
                && truncateTable == other.truncateTable
                && oversize == other.oversize
                && distStyle == other.distStyle
                && renameTable == other.renameTable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                dropColumn, typeChange, dropTable, truncateTable, oversize, distStyle, renameTable);
    }

    @Override
    public String toString() {
        return "SchemaPolicy[dropColumn="
                + dropColumn
                + ", typeChange="
                + typeChange
                + ", dropTable="
                + dropTable
                + ", truncateTable="
                + truncateTable
                + ", oversize="
                + oversize
                + ", distStyle="
                + distStyle
                + ", renameTable="
                + renameTable
                + "]";
    }
}
