package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a COPY statement. String literals follow Redshift's literal rules, where a
 * backslash is an escape (the LIKE reference writes one backslash as {@code '\\\\'}): {@code \\} is
 * a backslash, {@code \n} a newline, {@code \t} a tab, {@code \0} and {@code \ddd} (octal) one
 * character. Any other escape is refused, {@code \N} included: the documentation does not say what
 * it means (the COPY reference names the default null string {@code '\N'}, but under the escape
 * rule PostgreSQL 8.0, Redshift's base, follows, an unknown escape drops the backslash and leaves
 * {@code N}). Refusing it is the stricter choice; {@code '\\N'} (an escaped backslash, then {@code
 * N}) is backslash-N under the documented rule.
 */
final class CopyTokens {

    /** What a token is. */
    enum Kind {
        WORD,
        QUOTED_NAME,
        STRING,
        NUMBER,
        SYMBOL
    }

    /** One token: {@code value} is the unescaped text, {@code raw} the text as written. */
    record Token(Kind kind, String value, String raw) {
        boolean isWord(String word) {
            return kind == Kind.WORD && value.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && value.charAt(0) == c;
        }
    }

    private CopyTokens() {}

    static List<Token> of(String sql) throws RedshiftException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw syntax("unterminated /* comment");
                }
                i = end + 2;
            } else if (c == '\'') {
                i = literal(sql, i, tokens);
            } else if (c == '"') {
                i = quotedName(sql, i, tokens);
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                String digits = sql.substring(start, i);
                tokens.add(new Token(Kind.NUMBER, digits, digits));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(sql.charAt(i))
                                || sql.charAt(i) == '_'
                                || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i);
                tokens.add(new Token(Kind.WORD, word, word));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    private static int quotedName(String sql, int start, List<Token> tokens)
            throws RedshiftException {
        StringBuilder name = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= sql.length()) {
                throw syntax("unterminated quoted identifier");
            }
            char c = sql.charAt(i);
            if (c == '"') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                    name.append('"');
                    i += 2;
                    continue;
                }
                tokens.add(
                        new Token(Kind.QUOTED_NAME, name.toString(), sql.substring(start, i + 1)));
                return i + 1;
            }
            name.append(c);
            i++;
        }
    }

    private static int literal(String sql, int start, List<Token> tokens) throws RedshiftException {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= sql.length()) {
                throw syntax("unterminated quoted string");
            }
            char c = sql.charAt(i);
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), sql.substring(start, i + 1)));
                return i + 1;
            }
            if (c != '\\') {
                value.append(c);
                i++;
                continue;
            }
            if (i + 1 >= sql.length()) {
                throw syntax("unterminated quoted string");
            }
            char e = sql.charAt(i + 1);
            if (e >= '0' && e <= '7') {
                int end = i + 1;
                while (end < sql.length()
                        && end < i + 4
                        && sql.charAt(end) >= '0'
                        && sql.charAt(end) <= '7') {
                    end++;
                }
                value.append((char) Integer.parseInt(sql.substring(i + 1, end), 8));
                i = end;
                continue;
            }
            switch (e) {
                case '\\' -> value.append('\\');
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                default ->
                        throw syntax(
                                "escape sequence \\"
                                        + e
                                        + " in a string literal is not documented by Redshift");
            }
            i += 2;
        }
    }

    static RedshiftException syntax(String message) {
        return new RedshiftException("42601", "syntax error: " + message, null);
    }
}
