package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the column changes that bring an existing target table in line with its source table's
 * columns after a change, compared with what the target's catalog says (not with the DDL text, so
 * that a replayed or partly applied change plans only what is still missing). The DDL text only
 * tells a rename (RENAME COLUMN a TO b, CHANGE a b ...) from a drop plus an add, and names drops.
 *
 * <p>Order: renames, drops (policy DROP only; never a key column), then per source column in source
 * order an add or a type change. Columns the target has and the source lacks are kept (policy KEEP,
 * or columns the text does not name as dropped): new rows hold NULL there.
 *
 * <p>Redshift cannot drop its tables' DISTKEY and SORTKEY columns ({@link
 * CatalogColumn#layoutKey}), so none is ever dropped: a source DROP COLUMN of one keeps it (WARN),
 * a rename onto a column rows added already keeps the old column too (WARN), and a type change of
 * one fails with {@link IncompatibleSchemaChangeException} naming the column and what to do,
 * instead of a statement that Redshift refuses on every attempt.
 */
public final class SchemaEvolution {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaEvolution.class);

    private SchemaEvolution() {}

    public static List<SchemaAction> plan(
            TargetTable table,
            List<CatalogColumn> catalog,
            List<ColumnDef> source,
            DdlText text,
            List<String> key,
            SqlDialect dialect,
            SchemaPolicy policy)
            throws IncompatibleSchemaChangeException {
        Map<String, CatalogColumn> have = new LinkedHashMap<>();
        catalog.forEach(c -> have.put(c.name(), c));
        Set<String> want = source.stream().map(ColumnDef::name).collect(Collectors.toSet());
        List<SchemaAction> actions = new ArrayList<>();
        for (Map.Entry<String, String> r : text.renames().entrySet()) {
            String from = r.getKey();
            String to = r.getValue();
            if (have.containsKey(from) && !have.containsKey(to) && want.contains(to)) {
                actions.add(new SchemaAction.RenameColumn(from, to));
                CatalogColumn old = have.remove(from);
                have.put(to, new CatalogColumn(to, old.type(), old.layoutKey()));
            } else if (have.containsKey(from)
                    && have.containsKey(to)
                    && want.contains(to)
                    && !want.contains(from)
                    && !key.contains(from)) {
                if (have.get(from).layoutKey()) {
                    LOG.warn(
                            "Table {}: column '{}' renamed to '{}', which rows added already; '{}'"
                                    + " is kept as it is: it is a DISTKEY or SORTKEY column, which"
                                    + " Redshift cannot drop",
                            table,
                            from,
                            to,
                            from);
                    continue;
                }
                actions.add(new SchemaAction.MergeRenamedColumn(from, to));
                have.remove(from);
            }
        }
        if (policy.dropColumn() == SchemaPolicy.DropColumn.DROP) {
            for (String name : text.drops()) {
                if (have.containsKey(name) && !want.contains(name) && !key.contains(name)) {
                    if (have.get(name).layoutKey()) {
                        LOG.warn(
                                "Table {}: column '{}' dropped at the source is kept (new rows hold"
                                        + " NULL): it is a DISTKEY or SORTKEY column, which Redshift"
                                        + " cannot drop",
                                table,
                                name);
                        continue;
                    }
                    actions.add(new SchemaAction.DropColumn(name));
                    have.remove(name);
                }
            }
        }
        for (ColumnDef c : source) {
            String type = dialect.columnType(c);
            CatalogColumn current = have.get(c.name());
            if (current == null) {
                actions.add(new SchemaAction.AddColumn(c, type));
                continue;
            }
            String to = TypeWidening.decide(current.type(), ColumnType.parse(type), dialect);
            if (to == TypeWidening.INCOMPATIBLE) {
                to = incompatible(table, c.name(), current.type(), type, dialect, policy);
            }
            if (to == null) {
                continue;
            }
            if (key.contains(c.name()) && !dialect.changesKeyColumnTypes()) {
                throw IncompatibleSchemaChangeException.typeChange(
                        table,
                        c.name(),
                        current.type().text(),
                        to,
                        "but it is a key column, which Redshift can neither ALTER nor drop"
                                + " (PRIMARY KEY, DISTKEY, SORTKEY): recreate the table with the"
                                + " new type (CREATE TABLE ... AS SELECT with a cast) and restart");
            }
            if (current.layoutKey()) {
                throw IncompatibleSchemaChangeException.typeChange(
                        table,
                        c.name(),
                        current.type().text(),
                        to,
                        "but it is the table's DISTKEY or a SORTKEY column, which Redshift can"
                                + " neither drop (a change by copy drops the old column) nor"
                                + " ALTER: give the table another key (ALTER TABLE ... ALTER"
                                + " SORTKEY / ALTER DISTKEY) or recreate it with the new type"
                                + " (CREATE TABLE ... AS SELECT with a cast), then restart");
            }
            actions.add(new SchemaAction.ChangeType(c.name(), current.type(), to));
        }
        return actions;
    }

    private static String incompatible(
            TargetTable table,
            String column,
            ColumnType current,
            String wanted,
            SqlDialect dialect,
            SchemaPolicy policy)
            throws IncompatibleSchemaChangeException {
        if (policy.typeChange() == SchemaPolicy.TypeChange.FAIL) {
            throw IncompatibleSchemaChangeException.typeChange(
                    table,
                    column,
                    current.text(),
                    wanted,
                    "which is not a widening (sink.schema.incompatible-type-change=FAIL; TO_TEXT"
                            + " would turn the column into text)");
        }
        ColumnType text = ColumnType.parse(dialect.unboundedText());
        boolean alreadyText =
                current.family() == ColumnType.Family.TEXT
                        && (current.size() == null || current.size() >= orMax(text.size()));
        return alreadyText ? null : dialect.unboundedText();
    }

    private static int orMax(Integer n) {
        return n == null ? Integer.MAX_VALUE : n;
    }
}
