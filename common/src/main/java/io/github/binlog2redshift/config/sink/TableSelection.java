package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which source tables are loaded, with which rule, into which target table. All regexes match whole
 * names.
 */
public final class TableSelection {

    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final List<TableRule> rules;
    private final TargetNaming naming;
    private final String defaultSchema;
    private final KeylessMode keyless;

    private TableSelection(
            List<Pattern> include,
            List<Pattern> exclude,
            List<TableRule> rules,
            TargetNaming naming,
            String defaultSchema,
            KeylessMode keyless) {
        this.include = include;
        this.exclude = exclude;
        this.rules = rules;
        this.naming = naming;
        this.defaultSchema = defaultSchema;
        this.keyless = keyless;
    }

    /** {@code db.table} regexes to load; empty = all. */
    public List<Pattern> include() {
        return include;
    }

    /** {@code db.table} regexes not to load. */
    public List<Pattern> exclude() {
        return exclude;
    }

    /** Per-table rules, first match wins. */
    public List<TableRule> rules() {
        return rules;
    }

    /** Default target naming. */
    public TargetNaming naming() {
        return naming;
    }

    /** The schema for DB_TABLE / TABLE_ONLY naming. */
    public String defaultSchema() {
        return defaultSchema;
    }

    /**
     * How tables without a key are written unless their rule says ({@code sink.keyless-tables}):
     * MIRROR, but APPEND for DMS input, whose UPDATEs carry a before image only with DMS's
     * before-image settings, and no positions.
     */
    public KeylessMode keylessTables() {
        return keyless;
    }

    /** The mode of {@code db.table} if it has no key: its rule's, else {@link #keylessTables()}. */
    public KeylessMode keylessModeFor(String db, String table) {
        return ruleFor(db, table).map(r -> r.keylessMode(keyless)).orElse(keyless);
    }

    static TableSelection from(Settings s, String defaultSchema) {
        return new TableSelection(
                s.getOptional(SinkOptions.TABLE_INCLUDE).orElse(List.of()),
                s.get(SinkOptions.TABLE_EXCLUDE),
                s.get(SinkOptions.TABLES),
                s.get(SinkOptions.TARGET_NAMING),
                defaultSchema,
                s.getOptional(SinkOptions.KEYLESS_TABLES)
                        .orElse(
                                s.get(SinkOptions.INPUT_FORMAT) == InputFormat.DMS
                                        ? KeylessMode.APPEND
                                        : KeylessMode.MIRROR));
    }

    public Optional<TableRule> ruleFor(String db, String table) {
        return rules.stream().filter(r -> r.matches(db, table)).findFirst();
    }

    /** Included, not excluded, and not matched by an {@code exclude} rule. */
    public boolean loads(String db, String table) {
        String name = db + "." + table;
        boolean included =
                include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).matches());
        boolean excluded = exclude.stream().anyMatch(p -> p.matcher(name).matches());
        return included && !excluded && !ruleFor(db, table).map(TableRule::exclude).orElse(false);
    }

    /** The rule's target_schema / target_table where given, else {@link #naming()}. */
    public TargetTable targetFor(String db, String table) {
        TargetTable byNaming = naming.resolve(defaultSchema, db, table);
        Optional<TableRule> rule = ruleFor(db, table);
        return new TargetTable(
                rule.flatMap(TableRule::targetSchema).orElse(byNaming.schema()),
                rule.flatMap(TableRule::targetTable).orElse(byNaming.table()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableSelection)) {
            return false;
        }
        TableSelection other = (TableSelection) o;
        return Objects.equals(include, other.include)
                && Objects.equals(exclude, other.exclude)
                && Objects.equals(rules, other.rules)
                && naming == other.naming
                && Objects.equals(defaultSchema, other.defaultSchema)
                && keyless == other.keyless;
    }

    @Override
    public int hashCode() {
        return Objects.hash(include, exclude, rules, naming, defaultSchema, keyless);
    }

    @Override
    public String toString() {
        return "TableSelection[include="
                + include
                + ", exclude="
                + exclude
                + ", rules="
                + rules
                + ", naming="
                + naming
                + ", defaultSchema="
                + defaultSchema
                + ", keyless="
                + keyless
                + "]";
    }
}
