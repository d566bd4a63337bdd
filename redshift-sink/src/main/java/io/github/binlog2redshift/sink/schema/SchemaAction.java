package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.ColumnType;

/** One column-level change to bring a target table in line with its source. */
public sealed interface SchemaAction {

    /** The column the action is about (after it, for a rename). */
    String column();

    /** A source column the target lacks; added nullable. */
    record AddColumn(ColumnDef source, String type) implements SchemaAction {
        @Override
        public String column() {
            return source.name();
        }
    }

    /** A column dropped at the source, with policy DROP. */
    record DropColumn(String column) implements SchemaAction {}

    /** A column renamed at the source. */
    record RenameColumn(String from, String column) implements SchemaAction {}

    /**
     * A column renamed at the source whose new name is there already: rows of the new name, staged
     * by another sink subtask than the one that got the DDL, were committed first and added it. The
     * old column's values fill the new one where it is NULL (rows not written since), then the old
     * column goes, as after a rename.
     */
    record MergeRenamedColumn(String from, String column) implements SchemaAction {}

    /** A widening, or an incompatible change turned into text (policy TO_TEXT). */
    record ChangeType(String column, ColumnType from, String to) implements SchemaAction {}
}
