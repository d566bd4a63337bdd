package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables a {@code TRUNCATE [TABLE] [db.]t [WAIT n | NOWAIT]} statement empties, read from its
 * text. Debezium's history record of a TRUNCATE has no table change (Flink CDC 3.5.0, Debezium
 * 1.9.8, MariaDB 10.11: {@code {"databaseName": "x1", "ddl": "TRUNCATE TABLE a", "tableChanges":
 * []}}), so the text is all that names them.
 *
 * <p>MySQL and MariaDB accept one table per statement; a comma-separated list is read too (one
 * table each), as Debezium's grammar allows it. Names may be bare, back-quoted ({@code `a b`},
 * {@code ``} for a back quote) or double-quoted (ANSI_QUOTES); comments are skipped. A statement
 * that is not a TRUNCATE names no table; a TRUNCATE whose text cannot be read fails, naming it.
 */
final class TruncateStatement {

    private final String sql;
    private int at;

    private TruncateStatement(String sql) {
        this.sql = sql;
    }

    /**
     * The truncated tables, in statement order, unqualified names in {@code defaultDatabase}; empty
     * when {@code ddl} is not a TRUNCATE.
     *
     * @throws IllegalArgumentException a TRUNCATE whose table names cannot be read, or an
     *     unqualified one without a default database
     */
    static List<TableId> tables(String ddl, String defaultDatabase) {
        TruncateStatement s = new TruncateStatement(ddl);
        if (!s.keyword("TRUNCATE")) {
            return List.of();
        }
        s.keyword("TABLE");
        List<TableId> tables = new ArrayList<>();
        do {
            String first = s.name();
            String table = first;
            String database = defaultDatabase;
            if (s.symbol('.')) {
                database = first;
                table = s.name();
            }
            if (database == null || database.isEmpty()) {
                throw new IllegalArgumentException(
                        "no database for table " + table + " in '" + ddl + "'");
            }
            tables.add(TableId.of(database, table));
        } while (s.symbol(','));
        if (s.keyword("WAIT")) {
            s.word();
        } else {
            s.keyword("NOWAIT");
        }
        s.symbol(';');
        s.skipSpace();
        if (s.at < ddl.length()) {
            throw new IllegalArgumentException(
                    "unexpected text after the table names of '" + ddl + "'");
        }
        return List.copyOf(tables);
    }

    /** Consumes {@code word} (a keyword, any case) when it comes next. */
    private boolean keyword(String word) {
        skipSpace();
        int end = at;
        while (end < sql.length() && isNameChar(sql.charAt(end))) {
            end++;
        }
        if (sql.substring(at, end).toUpperCase(Locale.ROOT).equals(word)) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean symbol(char c) {
        skipSpace();
        if (at < sql.length() && sql.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    /** A bare word (a number after WAIT). */
    private String word() {
        skipSpace();
        int start = at;
        while (at < sql.length() && isNameChar(sql.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw unreadable();
        }
        return sql.substring(start, at);
    }

    /** A bare, back-quoted or double-quoted identifier, unquoted. */
    private String name() {
        skipSpace();
        if (at < sql.length() && (sql.charAt(at) == '`' || sql.charAt(at) == '"')) {
            char quote = sql.charAt(at);
            StringBuilder name = new StringBuilder();
            int i = at + 1;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        name.append(quote);
                        i += 2;
                        continue;
                    }
                    at = i + 1;
                    return name.toString();
                }
                name.append(c);
                i++;
            }
            throw unreadable();
        }
        return word();
    }

    /** Skips white space and comments ({@code /* *}{@code /}, {@code -- }, {@code #}). */
    private void skipSpace() {
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (sql.startsWith("/*", at)) {
                int end = sql.indexOf("*/", at + 2);
                at = end < 0 ? sql.length() : end + 2;
            } else if (c == '#' || sql.startsWith("-- ", at)) {
                int end = sql.indexOf('\n', at);
                at = end < 0 ? sql.length() : end + 1;
            } else {
                return;
            }
        }
    }

    private IllegalArgumentException unreadable() {
        return new IllegalArgumentException("unreadable table name in '" + sql + "'");
    }

    /** A character of a bare name: ASCII letters, digits, _, $, anything past ASCII. */
    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c >= 0x80;
    }
}
