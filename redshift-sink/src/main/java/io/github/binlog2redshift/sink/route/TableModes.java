package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.TableSelection;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@link TableMode} of each source table: the first {@code sink.tables} rule whose database and
 * table regexes match the whole names, else the default mode. Serializable, so the staging writer
 * can resolve a table's mode and hand it to the committer inside the committable.
 */
public final class TableModes implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One rule's patterns and mode. */
    public record Entry(Pattern database, Pattern table, TableMode mode) implements Serializable {}

    private final List<Entry> entries;
    private final TableMode fallback;
    private transient Map<TableId, TableMode> cache;

    public TableModes(List<Entry> entries, TableMode fallback) {
        this.entries = List.copyOf(entries);
        this.fallback = fallback;
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
                                                TableMode.of(r, policy.distStyle()))));
        TableMode d = TableMode.defaults();
        return new TableModes(
                entries,
                new TableMode(
                        d.ignoreDdl(),
                        d.deletes(),
                        d.archive(),
                        d.history(),
                        policy.distStyle(),
                        d.sortKey()));
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
