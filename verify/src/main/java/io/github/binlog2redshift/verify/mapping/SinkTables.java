package io.github.binlog2redshift.verify.mapping;

import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.PropertiesFileSource;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.TableRule;
import io.github.binlog2redshift.config.sink.TableSelection;
import io.github.binlog2redshift.config.sink.TargetTable;
import io.github.binlog2redshift.event.TableId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sink's own configuration ({@code --sink-config job.properties}, read with the sink's loader
 * and option catalogue, so a key the sink would refuse is refused here too): which tables it loads,
 * where it writes them ({@code sink.target-naming}, {@code sink.redshift.schema}, a rule's {@code
 * target_schema}/{@code target_table}) and each table's mode ({@code soft_delete}, {@code
 * skip_delete}, {@code ignore_ddl}, {@code keyless}). Command-line {@code --map} entries still win.
 */
public final class SinkTables implements TableMapping {

    private final TableSelection selection;
    private final Map<String, TargetName> overrides;

    public SinkTables(TableSelection selection, Map<String, TargetName> overrides) {
        this.selection = selection;
        this.overrides = Map.copyOf(overrides);
    }

    /** Reads the sink's properties file as the sink does (defaults, then the file). */
    public static SinkTables read(Path propertiesFile, Map<String, TargetName> overrides) {
        SinkConfig config =
                SinkConfig.from(
                        new ConfigLoader(SinkOptions.ALL)
                                .merge(List.of(PropertiesFileSource.read(propertiesFile))));
        return new SinkTables(config.tables(), overrides);
    }

    @Override
    public TargetName targetOf(TableId source) {
        TargetName explicit = overrides.get(source.database() + "." + source.table());
        if (explicit != null) {
            return explicit;
        }
        TargetTable t = selection.targetFor(source.database(), source.table());
        return new TargetName(t.schema(), t.table());
    }

    /** Whether the sink loads the table at all (its include/exclude lists and exclude rules). */
    public boolean loads(TableId table) {
        return selection.loads(table.database(), table.table());
    }

    /** The table's comparison as its rule says; {@code softDeleteColumn} is the sink's flag. */
    public TableMode modeOf(TableId table, String softDeleteColumn) {
        Optional<TableRule> rule = selection.ruleFor(table.database(), table.table());
        DeleteHandling deletes = rule.map(TableRule::deletes).orElse(DeleteHandling.APPLY);
        return new TableMode(
                deletes == DeleteHandling.SOFT ? softDeleteColumn : null,
                deletes == DeleteHandling.SKIP,
                rule.map(TableRule::ignoreDdl).orElse(false));
    }

    /**
     * Whether a table without a primary key is kept as a change log ({@code keyless: append}, or
     * {@code sink.keyless-tables=APPEND}, or {@code soft_delete}), which is no copy to compare.
     */
    public boolean keylessAsLog(TableId table) {
        return selection.keylessModeFor(table.database(), table.table()) == KeylessMode.APPEND
                || selection
                        .ruleFor(table.database(), table.table())
                        .map(r -> r.deletes() == DeleteHandling.SOFT)
                        .orElse(false);
    }
}
