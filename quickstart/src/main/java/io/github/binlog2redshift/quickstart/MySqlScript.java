package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of MySQL statements, as the {@code mariadb} client reads one without {@code DELIMITER}:
 * each statement ends with {@code ;} (or the end of the file), and a {@code ;} inside a quoted
 * string or identifier ({@code '...'}, {@code "..."}, {@code `...`}) or a comment ({@code -- },
 * {@code #}, C-style) ends nothing. A statement of comments only is left out, except for MySQL's
 * executable comments ({@code /*!...}, MariaDB's {@code /*M!...}), which the server runs. Split
 * when the file is read, so a file that is not such a script fails before any service starts.
 *
 * @param file where it was read from, for messages
 * @param statements the statements in file order; comments before a statement are left out, those
 *     inside it kept (the server skips them)
 */
record MySqlScript(Path file, List<Statement> statements) {

    /**
     * One statement.
     *
     * @param line the line of the file where its first character that is not a comment is
     * @param sql its text without the closing {@code ;}
     */
    record Statement(int line, String sql) {}

    static MySqlScript read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("The SQL file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the SQL file " + file + ": " + e, e);
        }
        List<Statement> statements;
        try {
            statements = split(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "The SQL file " + file + " is not a script of statements: " + e.getMessage(),
                    e);
        }
        if (statements.isEmpty()) {
            throw new ConfigException("The SQL file " + file + " holds no statement");
        }
        return new MySqlScript(file, statements);
    }

    /**
     * The statements of {@code text}; statements of only comments and blanks are left out.
     *
     * @throws IllegalArgumentException for a quote or comment that is not closed
     */
    static List<Statement> split(String text) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int firstCodeLine = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';') {
                add(statements, current, firstCodeLine);
                current.setLength(0);
                firstCodeLine = -1;
                i++;
                continue;
            }
            boolean comment = c == '#' || lineCommentAt(text, i) || text.startsWith("/*", i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = quoteEnd(text, i, line);
            } else if (text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            "the comment starting on line " + line + " is not closed");
                }
                end += 2;
            } else if (comment) {
                end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
            } else {
                end = i + 1;
            }
            boolean executable = text.startsWith("/*!", i) || text.startsWith("/*M!", i);
            if ((executable || !comment) && !Character.isWhitespace(c) && firstCodeLine < 0) {
                firstCodeLine = line;
            }
            for (int k = i; k < end; k++) {
                if (text.charAt(k) == '\n') line++;
            }
            if (firstCodeLine >= 0) {
                current.append(text, i, end);
            }
            i = end;
        }
        add(statements, current, firstCodeLine);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder sql, int line) {
        if (line >= 0) {
            statements.add(new Statement(line, sql.toString().strip()));
        }
    }

    /** MySQL's {@code -- } comment: two dashes and a blank or the end of the line. */
    private static boolean lineCommentAt(String text, int i) {
        return text.startsWith("--", i)
                && (i + 2 == text.length() || Character.isWhitespace(text.charAt(i + 2)));
    }

    /**
     * The index after the quote that closes the one at {@code start}: a doubled quote is part of
     * the text, and so is a backslash-escaped character in strings (not in {@code `identifiers`}).
     */
    private static int quoteEnd(String text, int start, int line) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException(
                "the " + quote + " quote opened on line " + line + " is not closed");
    }
}
