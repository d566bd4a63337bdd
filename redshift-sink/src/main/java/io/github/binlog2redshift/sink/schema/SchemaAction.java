package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import java.util.Objects;

/**
 * One column-level change to bring a target table in line with its source. The kinds are the nested
 * classes; code that acts on an action goes through {@link #accept}, so a new kind breaks every
 * consumer at compile time instead of being ignored.
 */
public abstract class SchemaAction {

    /** Only the nested classes extend it. */
    private SchemaAction() {}

    /** The column the action is about (after it, for a rename). */
    public abstract String column();

    /** Calls the {@code visit} method of {@code visitor} for this action's kind. */
    public abstract <R, E extends Exception> R accept(Visitor<R, E> visitor) throws E;

    /** Something done per kind of action. */
    public interface Visitor<R, E extends Exception> {

        R visit(AddColumn action) throws E;

        R visit(DropColumn action) throws E;

        R visit(RenameColumn action) throws E;

        R visit(MergeRenamedColumn action) throws E;

        R visit(ChangeType action) throws E;
    }

    /** A source column the target lacks; added nullable. */
    public static final class AddColumn extends SchemaAction {

        private final ColumnDef source;
        private final String type;

        public AddColumn(ColumnDef source, String type) {
            this.source = Objects.requireNonNull(source, "source");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The source column's definition. */
        public ColumnDef source() {
            return source;
        }

        /** The warehouse type the column is added with. */
        public String type() {
            return type;
        }

        @Override
        public String column() {
            return source.name();
        }

        @Override
        public <R, E extends Exception> R accept(Visitor<R, E> visitor) throws E {
            return visitor.visit(this);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof AddColumn)) {
                return false;
            }
            AddColumn other = (AddColumn) o;
            return source.equals(other.source) && type.equals(other.type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, type);
        }

        @Override
        public String toString() {
            return "AddColumn[source=" + source + ", type=" + type + "]";
        }
    }

    /** A column dropped at the source, with policy DROP. */
    public static final class DropColumn extends SchemaAction {

        private final String column;

        public DropColumn(String column) {
            this.column = Objects.requireNonNull(column, "column");
        }

        @Override
        public String column() {
            return column;
        }

        @Override
        public <R, E extends Exception> R accept(Visitor<R, E> visitor) throws E {
            return visitor.visit(this);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof DropColumn)) {
                return false;
            }
            DropColumn other = (DropColumn) o;
            return column.equals(other.column);
        }

        @Override
        public int hashCode() {
            return Objects.hash(column);
        }

        @Override
        public String toString() {
            return "DropColumn[column=" + column + "]";
        }
    }

    /** A column renamed at the source. */
    public static final class RenameColumn extends SchemaAction {

        private final String from;
        private final String column;

        public RenameColumn(String from, String column) {
            this.from = Objects.requireNonNull(from, "from");
            this.column = Objects.requireNonNull(column, "column");
        }

        /** The column's old name. */
        public String from() {
            return from;
        }

        @Override
        public String column() {
            return column;
        }

        @Override
        public <R, E extends Exception> R accept(Visitor<R, E> visitor) throws E {
            return visitor.visit(this);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RenameColumn)) {
                return false;
            }
            RenameColumn other = (RenameColumn) o;
            return from.equals(other.from) && column.equals(other.column);
        }

        @Override
        public int hashCode() {
            return Objects.hash(from, column);
        }

        @Override
        public String toString() {
            return "RenameColumn[from=" + from + ", column=" + column + "]";
        }
    }

    /**
     * A column renamed at the source whose new name is there already: rows of the new name, staged
     * by another sink subtask than the one that got the DDL, were committed first and added it. The
     * old column's values fill the new one where it is NULL (rows not written since), then the old
     * column goes, as after a rename.
     */
    public static final class MergeRenamedColumn extends SchemaAction {

        private final String from;
        private final String column;

        public MergeRenamedColumn(String from, String column) {
            this.from = Objects.requireNonNull(from, "from");
            this.column = Objects.requireNonNull(column, "column");
        }

        /** The column's old name. */
        public String from() {
            return from;
        }

        @Override
        public String column() {
            return column;
        }

        @Override
        public <R, E extends Exception> R accept(Visitor<R, E> visitor) throws E {
            return visitor.visit(this);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof MergeRenamedColumn)) {
                return false;
            }
            MergeRenamedColumn other = (MergeRenamedColumn) o;
            return from.equals(other.from) && column.equals(other.column);
        }

        @Override
        public int hashCode() {
            return Objects.hash(from, column);
        }

        @Override
        public String toString() {
            return "MergeRenamedColumn[from=" + from + ", column=" + column + "]";
        }
    }

    /** A widening, or an incompatible change turned into text (policy TO_TEXT). */
    public static final class ChangeType extends SchemaAction {

        private final String column;
        private final ColumnType from;
        private final String to;

        public ChangeType(String column, ColumnType from, String to) {
            this.column = Objects.requireNonNull(column, "column");
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
        }

        @Override
        public String column() {
            return column;
        }

        /** The column's type in the target now. */
        public ColumnType from() {
            return from;
        }

        /** The type the column gets, as SQL text. */
        public String to() {
            return to;
        }

        @Override
        public <R, E extends Exception> R accept(Visitor<R, E> visitor) throws E {
            return visitor.visit(this);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ChangeType)) {
                return false;
            }
            ChangeType other = (ChangeType) o;
            return column.equals(other.column) && from.equals(other.from) && to.equals(other.to);
        }

        @Override
        public int hashCode() {
            return Objects.hash(column, from, to);
        }

        @Override
        public String toString() {
            return "ChangeType[column=" + column + ", from=" + from + ", to=" + to + "]";
        }
    }
}
