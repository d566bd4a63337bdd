package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.StagingFormat;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.MarkedColumn;
import io.github.binlog2redshift.sink.dialect.MergeInput;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.dialect.TableShape;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out the stage and the columns written from what the table has (after the DDL) and what the
 * files carry: the stage is created LIKE the table, plus the hidden columns the table lacks and any
 * staged column the table does not have (a column dropped in the interval, or one a user-managed
 * table lacks), which is loaded and then ignored. Written are the table's columns that the files
 * carry, so a column the files lack keeps its default; the others are carried along when a keyless
 * mirror rewrites rows. The columns staged from binary source columns carry the dialect's binary
 * marker when the files are of {@link StagingFormat#MARKED_BINARY}: the merge removes it.
 */
final class StageLayout {

    private static final Logger LOG = LoggerFactory.getLogger(StageLayout.class);

    /** Keyless change logs warned about, once each per JVM. */
    private static final Set<TargetTable> WARNED_LOGS = ConcurrentHashMap.newKeySet();

    /** Columns the plan writes itself; {@code _b2r_truncated} is staged like a source column. */
    private static final Set<String> HIDDEN =
            Set.of(
                    ReservedNames.OP,
                    ReservedNames.POSITION,
                    ReservedNames.SOURCE_TS,
                    ReservedNames.DELETED,
                    ReservedNames.DELETED_AT);

    private StageLayout() {}

    static MergeInput input(
            TableCommittable b, List<CatalogColumn> base, String cutoff, SqlDialect dialect) {
        Set<String> loaded = new LinkedHashSet<>();
        for (StagedFile f : b.files()) {
            loaded.addAll(b.loadColumns(f));
        }
        Set<String> baseNames = new LinkedHashSet<>();
        base.forEach(c -> baseNames.add(c.name()));
        List<ColumnDef> written = new ArrayList<>();
        for (CatalogColumn c : base) {
            if (loaded.contains(c.name()) && !HIDDEN.contains(c.name())) {
                written.add(ColumnDef.of(c.name(), c.type().text(), null, null, true));
            }
        }
        Map<String, String> extras = new LinkedHashMap<>();
        hidden(extras, baseNames, ReservedNames.OP, "CHAR(1)");
        hidden(
                extras,
                baseNames,
                ReservedNames.POSITION,
                "VARCHAR(" + ReservedNames.POSITION_WIDTH + ")");
        hidden(extras, baseNames, ReservedNames.SOURCE_TS, "TIMESTAMPTZ");
        for (String c : loaded) {
            if (!baseNames.contains(c)) {
                extras.put(c, dialect.unboundedText());
            }
        }
        TargetTable stageBase =
                b.mode().archive() == DeleteArchive.ONLY_SAVE
                        ? b.table().withSuffix(ReservedNames.ARCHIVE_SUFFIX)
                        : b.table();
        TableShape shape = new TableShape(b.table(), written, b.primaryKey());
        boolean guarded = baseNames.contains(ReservedNames.POSITION);
        TableMode mode = b.mode();
        if (shape.appendOnly()
                && mode.keyless() == KeylessMode.MIRROR
                && baseNames.contains(ReservedNames.OP)) {
            // A change log made by an earlier version (or by keyless=append): it stays one.
            if (WARNED_LOGS.add(b.table())) {
                LOG.warn(
                        "{} has no key and is mirrored by its table mode, but its target has {}: it"
                                + " is a change log and stays one (docs/tables.md: migrating a"
                                + " keyless change log)",
                        b.table(),
                        ReservedNames.OP);
            }
            mode = mode.withKeyless(KeylessMode.APPEND);
        }
        List<String> carried = new ArrayList<>();
        for (CatalogColumn c : base) {
            if (!loaded.contains(c.name()) && !HIDDEN.contains(c.name())) {
                carried.add(c.name());
            }
        }
        return new MergeInput(shape, mode, stageBase, extras, guarded, cutoff, carried)
                .withMarkedBinary(markedBinary(b, base, written, dialect))
                .withPartialColumns(b.loadPartialColumns());
    }

    /**
     * The written columns whose staged values carry the marker: those of a binary source column (as
     * {@code StagedValueText} decides) that the table has as a VARBYTE or, in a user-managed table,
     * as text, each with the most bytes of its source's values (their VARBYTE size). A column the
     * table lacks is loaded as text and ignored; one of another type cannot load hex.
     */
    private static Map<String, MarkedColumn> markedBinary(
            TableCommittable b, List<CatalogColumn> base, List<ColumnDef> written, SqlDialect d) {
        Map<String, MarkedColumn> marked = new LinkedHashMap<>();
        if (d.binaryMarker().isEmpty() || b.stagingFormat() != StagingFormat.MARKED_BINARY) {
            return marked;
        }
        Map<String, ColumnDef> staged = new HashMap<>();
        b.columns().forEach(c -> staged.put(c.name(), c));
        Map<String, Long> sourceBytes = new HashMap<>();
        for (StagedFile f : b.files()) {
            List<String> load = b.loadColumns(f);
            for (int i = 0; i < load.size(); i++) {
                ColumnDef source = staged.get(f.columns().get(i));
                if (source != null && MySqlType.of(source).isBinary()) {
                    Integer size = ColumnType.parse(d.columnType(source)).size();
                    sourceBytes.merge(
                            load.get(i),
                            size == null ? Long.MAX_VALUE : size.longValue(),
                            Math::max);
                }
            }
        }
        Set<String> writtenNames = new HashSet<>();
        written.forEach(c -> writtenNames.add(c.name()));
        for (CatalogColumn c : base) {
            ColumnType.Family family = c.type().family();
            if (sourceBytes.containsKey(c.name())
                    && writtenNames.contains(c.name())
                    && (family == ColumnType.Family.BINARY || family == ColumnType.Family.TEXT)) {
                marked.put(c.name(), MarkedColumn.of(c.type(), sourceBytes.get(c.name())));
            }
        }
        return marked;
    }

    private static void hidden(
            Map<String, String> extras, Set<String> have, String name, String type) {
        if (!have.contains(name)) {
            extras.put(name, type);
        }
    }
}
