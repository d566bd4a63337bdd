package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.internal.EnumText;
import io.github.binlog2redshift.config.internal.JsonFields;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code sink.tables} entries into {@link TableRule}s. The field table is the one list of
 * allowed fields, so parsing and docs/configuration.md cannot disagree; contradicting flags are
 * refused with the entry and fields named.
 */
final class TableRuleParser {

    /** The JSON fields of a rule and what they mean. */
    static final Map<String, String> FIELD_DOCS = fieldDocs();

    private TableRuleParser() {}

    /** Parses the JSON list; booleans are strict ("ture" is an error, not false). */
    static List<TableRule> parseList(String json) {
        return JsonFields.parseObjectList(json, FIELD_DOCS.keySet()).stream()
                .map(TableRuleParser::of)
                .collect(Collectors.toUnmodifiableList());
    }

    private static Map<String, String> fieldDocs() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("db", "Required. Regex matched against the whole database name.");
        d.put(
                "table",
                "Required. Regex matched against the whole table name (product does not match product_01).");
        d.put(
                "primary_key",
                "Key columns, \"c1,c2\" or [\"c1\",\"c2\"]; default: the key in the change events.");
        d.put("target_schema", "Target schema; overrides sink.target-naming.");
        d.put("target_table", "Target table; overrides sink.target-naming.");
        d.put("ignore_ddl", "true: never CREATE/ALTER the target; load only its existing columns.");
        d.put("save_delete", "true: also write deleted rows to <target>_delete.");
        d.put(
                "only_save_delete",
                "true: write only deleted rows, to <target>_delete; the target itself is not written.");
        d.put("skip_delete", "true: ignore deletes.");
        d.put("soft_delete", "true: keep deleted rows, marked as deleted.");
        d.put("history", "true: also append every change to <target>_history.");
        d.put("exclude", "true: do not load matching tables (only db and table may accompany it).");
        d.put("super_columns", "Columns loaded as SUPER, \"c1,c2\" or a JSON list.");
        d.put(
                "timestamp_columns",
                "Columns loaded as TIMESTAMP, each col or col=<TIMEFORMAT> (default auto).");
        d.put(
                "date_columns",
                "Columns loaded as DATE, each col or col=<DATEFORMAT> (default auto).");
        d.put(
                "dist_style",
                "Redshift DISTSTYLE of the created table: KEY, AUTO, EVEN or ALL; default"
                        + " sink.redshift.dist-style.");
        d.put(
                "sort_key",
                "Redshift SORTKEY columns of the created table, \"c1,c2\" or a JSON list; default"
                        + " the primary key.");
        d.put(
                "keyless",
                "A table without a key: mirror (a copy as a multiset: a DELETE removes one equal"
                        + " row, an UPDATE replaces one) or append (a change log of every change);"
                        + " default sink.keyless-tables.");
        return Collections.unmodifiableMap(d);
    }

    private static TableRule of(JsonFields f) {
        boolean skip = f.bool("skip_delete");
        boolean soft = f.bool("soft_delete");
        boolean save = f.bool("save_delete");
        boolean onlySave = f.bool("only_save_delete");
        if (skip && soft) {
            throw f.error("skip_delete and soft_delete contradict each other");
        }
        if (save && onlySave) {
            throw f.error("set save_delete or only_save_delete, not both");
        }
        if (onlySave && (skip || soft)) {
            throw f.error(
                    "only_save_delete does not write the target, so skip_delete/soft_delete mean nothing");
        }
        boolean exclude = f.bool("exclude");
        TableRule rule =
                new TableRule(
                        f.anchoredRegex("db"),
                        f.anchoredRegex("table"),
                        f.list("primary_key"),
                        f.text("target_schema").filter(s -> !s.isEmpty()),
                        f.text("target_table").filter(s -> !s.isEmpty()),
                        f.bool("ignore_ddl"),
                        skip
                                ? DeleteHandling.SKIP
                                : soft ? DeleteHandling.SOFT : DeleteHandling.APPLY,
                        save
                                ? DeleteArchive.ALSO_SAVE
                                : onlySave ? DeleteArchive.ONLY_SAVE : DeleteArchive.NONE,
                        f.bool("history"),
                        exclude,
                        f.list("super_columns"),
                        formats(f, "timestamp_columns"),
                        formats(f, "date_columns"),
                        f.text("dist_style").filter(x -> !x.isEmpty()).map(x -> distStyle(f, x)),
                        f.list("sort_key"),
                        f.text("keyless").filter(x -> !x.isEmpty()).map(x -> keyless(f, x)));
        if (soft && rule.keyless().orElse(null) == KeylessMode.MIRROR) {
            throw f.error(
                    "soft_delete and keyless=mirror contradict each other: a table without a key"
                            + " and soft deletes is kept as a change log (keyless=append)");
        }
        if (exclude && !Set.of("db", "table", "exclude").containsAll(f.present())) {
            throw f.error("an exclude rule takes only db, table and exclude");
        }
        return rule;
    }

    private static SchemaPolicy.DistStyle distStyle(JsonFields f, String text) {
        try {
            return EnumText.parse(SchemaPolicy.DistStyle.class, text);
        } catch (IllegalArgumentException e) {
            throw f.error(
                    "field 'dist_style': expected one of KEY|AUTO|EVEN|ALL, got \"" + text + "\"");
        }
    }

    private static KeylessMode keyless(JsonFields f, String text) {
        try {
            return EnumText.parse(KeylessMode.class, text);
        } catch (IllegalArgumentException e) {
            throw f.error("field 'keyless': expected one of mirror|append, got \"" + text + "\"");
        }
    }

    private static Map<String, String> formats(JsonFields f, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : f.list(field)) {
            int eq = entry.indexOf('=');
            out.put(
                    eq < 0 ? entry : entry.substring(0, eq).trim(),
                    eq < 0 ? "auto" : entry.substring(eq + 1).trim());
        }
        return Map.copyOf(out);
    }
}
