package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.SqlLexer.Kind;
import io.github.binlog2redshift.localstack.redshift.SqlLexer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Redshift tokens as PostgreSQL text: identifiers folded as Redshift folds them, string
 * literals re-quoted after Redshift's backslash escapes were applied, Redshift functions and system
 * objects mapped to the emulator's schema, and casts to character types checked.
 */
final class PostgresText {

    /** Redshift names that PostgreSQL lacks, implemented in the emulator's schema. */
    private static final Map<String, String> FUNCTIONS =
            Map.of(
                    "getdate", "b2r_emulator.getdate",
                    "pg_last_copy_count", "b2r_emulator.pg_last_copy_count",
                    "json_parse", "b2r_emulator.json_parse",
                    "json_serialize", "b2r_emulator.json_serialize",
                    "to_hex", "b2r_emulator.to_hex",
                    "from_hex", "b2r_emulator.from_hex");

    /**
     * Redshift system tables and views the emulator implements, reachable as Redshift names them:
     * unqualified or in {@code pg_catalog}.
     */
    private static final Map<String, String> SYSTEM_VIEWS =
            Map.of(
                    "stl_load_errors", "b2r_emulator.stl_load_errors",
                    "svv_redshift_columns", "b2r_emulator.svv_redshift_columns");

    /** Catalog objects whose Redshift visibility differs from PostgreSQL's. */
    private static final Map<String, String> CATALOG =
            Map.of(
                    "schemata", "b2r_emulator.schemata",
                    "columns", "b2r_emulator.columns");

    private PostgresText() {}

    /** An identifier as stored: quoted identifiers fold too unless case-sensitive mode is on. */
    static String identifier(Token t, boolean caseSensitive) {
        if (t.kind() == Kind.QUOTED) {
            return SqlLexer.quoted(caseSensitive ? t.value() : t.folded());
        }
        return t.text();
    }

    static String name(Token t, boolean caseSensitive) {
        return t.kind() == Kind.QUOTED && caseSensitive ? t.value() : t.folded();
    }

    /** Renders significant tokens (no spaces) with a space between each two. */
    static String spaced(List<Token> tokens, boolean caseSensitive) {
        java.util.List<Token> withSpaces = new java.util.ArrayList<>();
        for (Token t : tokens) {
            if (!withSpaces.isEmpty()) withSpaces.add(new Token(Kind.SPACE, " ", " "));
            withSpaces.add(t);
        }
        return render(withSpaces, caseSensitive);
    }

    static String render(List<Token> tokens, boolean caseSensitive) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = next(tokens, i);
            Token previous = previous(tokens, i);
            switch (t.kind()) {
                case STRING -> sql.append(SqlLexer.literal(t.value()));
                case QUOTED -> sql.append(identifier(t, caseSensitive));
                case WORD -> {
                    String lower = t.value().toLowerCase(Locale.ROOT);
                    boolean qualified = previous != null && previous.isSymbol(".");
                    if (previous != null && previous.isSymbol("::") && lower.equals("super")) {
                        sql.append("b2r_emulator.super");
                    } else if (previous != null
                            && previous.isSymbol("::")
                            && (lower.equals("varbyte") || lower.equals("varbinary"))) {
                        sql.append("bytea");
                    } else if (!qualified
                            && next != null
                            && next.isSymbol("(")
                            && FUNCTIONS.containsKey(lower)) {
                        sql.append(FUNCTIONS.get(lower));
                    } else if (!qualified && SYSTEM_VIEWS.containsKey(lower)) {
                        sql.append(SYSTEM_VIEWS.get(lower));
                    } else if (!qualified
                            && lower.equals("pg_catalog")
                            && qualifies(tokens, i, SYSTEM_VIEWS)) {
                        i = nextIndex(tokens, nextIndex(tokens, i));
                        sql.append(SYSTEM_VIEWS.get(tokens.get(i).folded()));
                    } else if (!qualified
                            && lower.equals("information_schema")
                            && qualifies(tokens, i, CATALOG)) {
                        i = nextIndex(tokens, nextIndex(tokens, i));
                        sql.append(CATALOG.get(tokens.get(i).folded()));
                    } else if (lower.equals("cast") && next != null && next.isSymbol("(")) {
                        i = checkedCast(tokens, i, sql, caseSensitive);
                    } else {
                        sql.append(t.text());
                    }
                }
                default -> sql.append(t.text());
            }
        }
        return sql.toString();
    }

    /**
     * {@code CAST(x AS VARCHAR...)} becomes {@code CAST(b2r_emulator.checked_text(x) AS ...)},
     * which raises where Redshift refuses the cast (SUPER objects and arrays, BOOLEAN).
     */
    private static int checkedCast(List<Token> tokens, int i, StringBuilder sql, boolean cs) {
        int open = nextIndex(tokens, i);
        int depth = 0;
        int as = -1;
        int close = -1;
        for (int j = open; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.isSymbol("(")) depth++;
            if (t.isSymbol(")") && --depth == 0) {
                close = j;
                break;
            }
            if (depth == 1 && t.is("as")) as = j;
        }
        if (as < 0 || close < 0) {
            sql.append(tokens.get(i).text());
            return i;
        }
        Token type = tokens.get(nextIndex(tokens, as));
        boolean text =
                type.is("varchar")
                        || type.is("character")
                        || type.is("char")
                        || type.is("text")
                        || type.is("nvarchar")
                        || type.is("bpchar")
                        || type.is("nchar");
        if (!text) {
            sql.append(tokens.get(i).text());
            return i;
        }
        sql.append("CAST(b2r_emulator.checked_text(")
                .append(render(tokens.subList(open + 1, as), cs).strip())
                .append(") ")
                .append(render(tokens.subList(as, close + 1), cs));
        return close;
    }

    /** Whether the word at {@code i} is followed by {@code .} and one of {@code objects}. */
    private static boolean qualifies(List<Token> tokens, int i, Map<String, String> objects) {
        int dot = nextIndex(tokens, i);
        int object = nextIndex(tokens, dot);
        return dot < tokens.size()
                && tokens.get(dot).isSymbol(".")
                && object < tokens.size()
                && tokens.get(object).isIdentifier()
                && objects.containsKey(tokens.get(object).folded());
    }

    private static int nextIndex(List<Token> tokens, int i) {
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).kind() == Kind.SPACE) j++;
        return j;
    }

    private static Token next(List<Token> tokens, int i) {
        int j = nextIndex(tokens, i);
        return j < tokens.size() ? tokens.get(j) : null;
    }

    private static Token previous(List<Token> tokens, int i) {
        int j = i - 1;
        while (j >= 0 && tokens.get(j).kind() == Kind.SPACE) j--;
        return j >= 0 ? tokens.get(j) : null;
    }
}
