package io.github.binlog2redshift.verify.mapping;

import io.github.binlog2redshift.event.TableId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Include/exclude patterns on {@code db.table}. Patterns are regular expressions matched against
 * the whole name (anchored: {@code shop.product} does not select {@code shop.product_01}, a bug of
 * the reference implementation). No include pattern selects every table.
 */
public final class TableSelector {

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    public TableSelector(List<String> include, List<String> exclude) {
        this.include = include.stream().map(Pattern::compile).toList();
        this.exclude = exclude.stream().map(Pattern::compile).toList();
    }

    public boolean selects(TableId table) {
        String name = table.database() + "." + table.table();
        boolean in = include.isEmpty() || matchesAny(include, name);
        return in && !matchesAny(exclude, name);
    }

    static boolean matchesAny(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** Whether {@code db.table} fully matches one of the patterns (for per-table modes). */
    public static boolean matches(List<String> patterns, TableId table) {
        String name = table.database() + "." + table.table();
        return patterns.stream().anyMatch(p -> Pattern.compile(p).matcher(name).matches());
    }
}
