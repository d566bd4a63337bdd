package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.TableSelection;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.schema.DdlText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The {@link TableMode} of each source table: the first {@code sink.tables} rule whose database and
 * table regexes match the whole names, else the default mode. Serializable, so the staging writer
 * can resolve a table's mode and hand it to the committer inside the committable.
 *
 * <p>Also resolves, for a RENAME TABLE, where the old name's rows went ({@link #renamedFrom}): the
 * committer follows the rename on the target and has no routing rules of its own.
 */
public final class TableModes implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One rule's patterns and mode. */
    public static final class Entry implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Pattern database;
        private final Pattern table;
        private final TableMode mode;

        public Entry(Pattern database, Pattern table, TableMode mode) {
            this.database = database;
            this.table = table;
            this.mode = mode;
        }

        public Pattern database() {
            return database;
        }

        public Pattern table() {
            return table;
        }

        public TableMode mode() {
            return mode;
        }

        /** Patterns compare by identity, as {@link Pattern} does. */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Entry)) {
                return false;
            }
            Entry other = (Entry) o;
            return Objects.equals(database, other.database)
                    && Objects.equals(table, other.table)
                    && Objects.equals(mode, other.mode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(database, table, mode);
        }

        @Override
        public String toString() {
            return "Entry[database=" + database + ", table=" + table + ", mode=" + mode + "]";
        }
    }

    private final List<Entry> entries;
    private final TableMode fallback;
    @Nullable private final TableRouter router;
    private transient Map<TableId, TableMode> cache;

    /** Modes without routing: renamed tables' old targets are not resolved. */
    public TableModes(List<Entry> entries, TableMode fallback) {
        this(entries, fallback, null);
    }

    /**
     * @param router routes a renamed table's old name; null: renames are not followed
     */
    public TableModes(List<Entry> entries, TableMode fallback, @Nullable TableRouter router) {
        this.entries = List.copyOf(entries);
        this.fallback = fallback;
        this.router = router;
    }

    /** Every table in the default mode. */
    public static TableModes defaults() {
        return new TableModes(List.of(), TableMode.defaults());
    }

    public static TableModes from(TableSelection tables, SchemaPolicy policy) {
        List<Entry> entries = new ArrayList<>();
        tables.rules()
                .forEach(
                        r ->
                                entries.add(
                                        new Entry(
                                                r.database(),
                                                r.table(),
                                                TableMode.of(
                                                        r,
                                                        policy.distStyle(),
                                                        tables.keylessTables()))));
        TableMode d = TableMode.defaults();
        return new TableModes(
                entries,
                new TableMode(
                        d.ignoreDdl(),
                        d.deletes(),
                        d.archive(),
                        d.history(),
                        policy.distStyle(),
                        d.sortKey(),
                        tables.keylessTables()),
                new TableRouter(RoutingOptions.from(tables)));
    }

    /**
     * For a RENAME TABLE event: the target the old name was routed to (the database of the
     * statement unless it names one); empty for other events, for an old name that was not loaded,
     * or without routing.
     */
    public Optional<TargetTable> renamedFrom(ChangeEvent ddl) {
        if (router == null || ddl.op() != Op.SCHEMA_CHANGE) {
            return Optional.empty();
        }
        DdlText text = DdlText.parse(ddl.ddl());
        if (text.kind() != DdlText.Kind.RENAME_TABLE || text.renamedFrom() == null) {
            return Optional.empty();
        }
        String db =
                text.renamedFromDatabase() != null
                        ? text.renamedFromDatabase()
                        : ddl.table().database();
        return router.route(TableId.of(db, text.renamedFrom())).map(Route::target);
    }

    public TableMode modeFor(TableId source) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        return cache.computeIfAbsent(source, this::resolve);
    }

    private TableMode resolve(TableId source) {
        for (Entry e : entries) {
            if (e.database().matcher(source.database()).matches()
                    && e.table().matcher(source.table()).matches()) {
                return e.mode();
            }
        }
        return fallback;
    }
}
