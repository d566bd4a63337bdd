package io.github.binlog2redshift.sink.dialect.internal;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting shared by both dialects: both follow the SQL standard for identifiers and literals;
 * Redshift additionally reads backslashes in literals as escapes ({@link #escapedLiteral}).
 */
public final class SqlText {

    private SqlText() {}

    /** {@code "name"}, with embedded double quotes doubled; names keep their case. */
    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String table(TargetTable t) {
        return ident(t.schema()) + "." + ident(t.name());
    }

    /**
     * {@code 'text'} with embedded single quotes doubled: a standard literal, as PostgreSQL reads
     * it (standard_conforming_strings, on by default since 9.1).
     */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /**
     * {@code 'text'} with embedded single quotes and backslashes doubled, for Redshift, which reads
     * a backslash in a string literal as an escape: its QUOTE_LITERAL "doubles any embedded single
     * quotation marks and backslashes"
     * (https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html), and COPY's own
     * examples write a NUL as {@code '\0'}. Unescaped, {@code '\N'} reaches Redshift as {@code N}.
     */
    public static String escapedLiteral(String text) {
        return '\'' + text.replace("\\", "\\\\").replace("'", "''") + '\'';
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
