package io.github.binlog2redshift.sink.schema;

import java.util.function.UnaryOperator;

/**
 * The lexical layer under {@link DdlText}: walks MySQL statement text telling string literals,
 * comments ({@code #}, {@code --} and block comments) and back-quoted names ({@code `a b`}, with
 * {@code ``} for a back quote) apart from the rest, so that the parser never mistakes a comment or
 * a literal for a clause and a name can be rewritten wherever it stands.
 */
final class DdlScanner {

    private DdlScanner() {}

    /** {@code id} without its back quotes, {@code ``} read as one back quote. */
    static String unquote(String id) {
        if (id.length() >= 2 && id.startsWith("`") && id.endsWith("`")) {
            return id.substring(1, id.length() - 1).replace("``", "`");
        }
        return id;
    }

    /**
     * {@code ddl} with every name (bare or back-quoted) replaced by {@code names.apply(name)};
     * string literals and comments are kept as they are. Keywords are names to this scan, so {@code
     * names} must keep a keyword a keyword (folding its case does). The committer uses it to speak
     * of columns by their warehouse names ({@code jdbc.WarehouseNames}): the renames and drops
     * {@link DdlText#parse} finds in the result are warehouse names.
     */
    static String mapNames(String ddl, UnaryOperator<String> names) {
        StringBuilder out = new StringBuilder(ddl.length());
        int i = 0;
        while (i < ddl.length()) {
            char c = ddl.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = i + 1;
                while (end < ddl.length() && ddl.charAt(end) != c) {
                    end += ddl.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, ddl.length());
                out.append(ddl, i, end);
            } else if (c == '`') {
                end = ddl.indexOf('`', i + 1);
                while (end >= 0 && end + 1 < ddl.length() && ddl.charAt(end + 1) == '`') {
                    end = ddl.indexOf('`', end + 2);
                }
                if (end < 0) {
                    end = ddl.length(); // unterminated: not a name, kept
                    out.append(ddl, i, end);
                } else {
                    end++;
                    String name = unquote(ddl.substring(i, end));
                    out.append('`').append(names.apply(name).replace("`", "``")).append('`');
                }
            } else if (c == '#' || (c == '-' && ddl.startsWith("-- ", i))) {
                end = ddl.indexOf('\n', i);
                end = end < 0 ? ddl.length() : end;
                out.append(ddl, i, end);
            } else if (c == '/' && ddl.startsWith("/*", i)) {
                end = ddl.indexOf("*/", i + 2);
                end = end < 0 ? ddl.length() : end + 2;
                out.append(ddl, i, end);
            } else if (isNameChar(c)) {
                end = i + 1;
                while (end < ddl.length() && isNameChar(ddl.charAt(end))) {
                    end++;
                }
                out.append(names.apply(ddl.substring(i, end)));
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * A character of a bare name, as {@code DdlText}'s name pattern has it: ASCII letters, digits,
     * _, $, non-ASCII.
     */
    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c >= 0x80;
    }

    /** Removes comments and quoted strings (kept as {@code ''}), leaving back-quoted names. */
    static String stripCommentsAndStrings(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < sql.length() && sql.charAt(j) != c) {
                    j += sql.charAt(j) == '\\' ? 2 : 1;
                }
                out.append("''");
                i = j + 1;
            } else if (c == '`') {
                int j = sql.indexOf('`', i + 1);
                while (j >= 0 && j + 1 < sql.length() && sql.charAt(j + 1) == '`') {
                    j = sql.indexOf('`', j + 2);
                }
                j = j < 0 ? sql.length() - 1 : j;
                out.append(sql, i, j + 1);
                i = j + 1;
            } else if (c == '#' || (c == '-' && sql.startsWith("-- ", i))) {
                int j = sql.indexOf('\n', i);
                i = j < 0 ? sql.length() : j;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int j = sql.indexOf("*/", i + 2);
                i = j < 0 ? sql.length() : j + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
