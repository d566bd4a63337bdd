package io.github.binlog2redshift.localstack.redshift;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Redshift SQL text into tokens and writes tokens back as PostgreSQL text. It knows just
 * enough SQL to apply the emulator's rules: words, quoted identifiers, string literals (with
 * Redshift's backslash escapes), numbers, parameters ({@code $1}), comments and punctuation.
 */
final class SqlLexer {

    /** What a token is. */
    enum Kind {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        PARAMETER,
        SYMBOL,
        SPACE
    }

    /**
     * A token. {@code value} is the decoded content: the identifier as written for WORD/QUOTED, the
     * string value for STRING, the text otherwise.
     */
    record Token(Kind kind, String text, String value) {
        boolean is(String word) {
            return kind == Kind.WORD && value.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        /** The identifier as Redshift stores it: ASCII letters folded to lower case. */
        String folded() {
            StringBuilder b = new StringBuilder(value.length());
            for (char ch : value.toCharArray()) {
                b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
            }
            return b.toString();
        }
    }

    private SqlLexer() {}

    static List<Token> tokens(String sql) throws RedshiftException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) i++;
                out.add(new Token(Kind.SPACE, sql.substring(start, i), " "));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') i++;
                out.add(new Token(Kind.SPACE, sql.substring(start, i), " "));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.add(new Token(Kind.SPACE, sql.substring(start, i), " "));
            } else if (c == '\'') {
                i = string(sql, i, out);
            } else if (c == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw syntax("unterminated quoted identifier");
                    }
                    char d = sql.charAt(i++);
                    if (d == '"') {
                        if (i < n && sql.charAt(i) == '"') {
                            v.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        v.append(d);
                    }
                }
                out.add(new Token(Kind.QUOTED, sql.substring(start, i), v.toString()));
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                while (i < n) {
                    char d = sql.charAt(i);
                    if (Character.isLetterOrDigit(d) || d == '_' || d == '$' || d > 127) {
                        i++;
                    } else {
                        break;
                    }
                }
                String word = sql.substring(start, i);
                out.add(new Token(Kind.WORD, word, word));
            } else if (Character.isDigit(c)
                    || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'))
                    i++;
                out.add(new Token(Kind.NUMBER, sql.substring(start, i), sql.substring(start, i)));
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(sql.charAt(i))) i++;
                out.add(
                        new Token(
                                Kind.PARAMETER, sql.substring(start, i), sql.substring(start, i)));
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                i += 2;
                out.add(new Token(Kind.SYMBOL, "::", "::"));
            } else {
                i++;
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), String.valueOf(c)));
            }
        }
        return out;
    }

    /**
     * A string literal as Redshift reads it: {@code ''} is a quote and a backslash escapes the next
     * character (Redshift's QUOTE_LITERAL doubles backslashes for this reason). Only the escapes
     * the documentation shows are read ({@code \\ \' \n \t} and octal); any other, {@code '\N'}
     * included, is refused, the stricter choice, as the COPY engine's reader does.
     */
    private static int string(String sql, int i, List<Token> out) throws RedshiftException {
        int start = i;
        int n = sql.length();
        StringBuilder v = new StringBuilder();
        i++;
        while (true) {
            if (i >= n) {
                throw syntax("unterminated quoted string");
            }
            char d = sql.charAt(i++);
            if (d == '\'') {
                if (i < n && sql.charAt(i) == '\'') {
                    v.append('\'');
                    i++;
                } else {
                    break;
                }
            } else if (d == '\\' && i < n) {
                char e = sql.charAt(i++);
                if (e >= '0' && e <= '7') {
                    int to = i;
                    while (to < n && to < i + 2 && sql.charAt(to) >= '0' && sql.charAt(to) <= '7')
                        to++;
                    v.append((char) Integer.parseInt(sql.substring(i - 1, to), 8));
                    i = to;
                } else if (e == '\\' || e == '\'') {
                    v.append(e);
                } else if (e == 'n') {
                    v.append('\n');
                } else if (e == 't') {
                    v.append('\t');
                } else {
                    throw syntax(
                            "escape sequence \\"
                                    + e
                                    + " in a string literal is not documented by Redshift");
                }
            } else {
                v.append(d);
            }
        }
        if (v.indexOf("\0") >= 0) {
            throw new RedshiftException(
                    "22021", "invalid byte sequence: a string literal holds a NUL", "");
        }
        out.add(new Token(Kind.STRING, sql.substring(start, i), v.toString()));
        return i;
    }

    /** A PostgreSQL (standard-conforming) literal of {@code value}. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A PostgreSQL quoted identifier. */
    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Bytes of an identifier in UTF-8, which is what Redshift's 127-byte limit counts. */
    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The tokens split at top-level semicolons, without the semicolons and empty statements. */
    static List<List<Token>> statements(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) depth++;
            if (t.isSymbol(")")) depth--;
            if (t.isSymbol(";") && depth <= 0) {
                if (current.stream().anyMatch(x -> x.kind() != Kind.SPACE)) out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (current.stream().anyMatch(x -> x.kind() != Kind.SPACE)) out.add(current);
        return out;
    }

    static RedshiftException syntax(String message) {
        return new RedshiftException("42601", "syntax error: " + message, "");
    }
}
