package io.github.binlog2redshift.sink.dialect.internal;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting shared by both dialects: both follow the SQL standard for identifiers and literals. */
public final class SqlText {

    private SqlText() {}

    /** {@code "name"}, with embedded double quotes doubled; names keep their case. */
    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String table(TargetTable t) {
        return ident(t.schema()) + "." + ident(t.name());
    }

    /** {@code 'text'} with embedded single quotes doubled. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    public static String identList(List<String> names) {
        return names.stream().map(SqlText::ident).collect(Collectors.joining(", "));
    }

    /** {@code "a"."k1" = "b"."k1" AND "a"."k2" = "b"."k2"}. */
    public static String keyMatch(String left, String right, List<String> key) {
        return key.stream()
                .map(k -> ident(left) + "." + ident(k) + " = " + ident(right) + "." + ident(k))
                .collect(Collectors.joining(" AND "));
    }
}
