package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.Plan.CheckKind;
import io.github.binlog2redshift.localstack.redshift.Plan.ColumnCheck;
import io.github.binlog2redshift.localstack.redshift.SqlLexer.Kind;
import io.github.binlog2redshift.localstack.redshift.SqlLexer.Token;
import io.github.binlog2redshift.localstack.redshift.copy.CopyStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what happens to one Redshift statement: which statements pass (Redshift's SQL reference
 * lists them), what PostgreSQL-only syntax is refused, and which statements need the session
 * (TRUNCATE, ALTER COLUMN TYPE, DROP COLUMN, COPY). Pure text: tested without services.
 */
final class StatementRules {
    /** Statements that PostgreSQL runs as Redshift documents them, once the text is rewritten. */
    private static final Set<String> PASSING =
            Set.of(
                    "select",
                    "with",
                    "insert",
                    "update",
                    "delete",
                    "begin",
                    "start",
                    "commit",
                    "end",
                    "rollback",
                    "abort",
                    "drop",
                    "grant",
                    "revoke",
                    "comment",
                    "analyze",
                    "explain",
                    "reset",
                    "show",
                    "deallocate",
                    "prepare",
                    "execute",
                    "values");

    private StatementRules() {}

    static Plan plan(List<Token> tokens, boolean cs) {
        try {
            return decide(tokens, cs);
        } catch (RedshiftException e) {
            return new Plan(
                    PostgresText.render(tokens, cs),
                    e,
                    null,
                    false,
                    false,
                    null,
                    null,
                    false,
                    null);
        }
    }

    private static Plan decide(List<Token> tokens, boolean cs) throws RedshiftException {
        List<Token> sig = new ArrayList<>();
        for (Token t : tokens) if (t.kind() != Kind.SPACE) sig.add(t);
        identifiers(sig);
        refuseAnywhere(sig);
        String first =
                sig.get(0).kind() == Kind.WORD ? sig.get(0).value().toLowerCase(Locale.ROOT) : "";
        String text = PostgresText.render(tokens, cs);
        boolean readsCount = sig.stream().anyMatch(t -> t.is("pg_last_copy_count"));
        switch (first) {
            case "create":
                return create(sig, text, cs);
            case "alter":
                return AlterTableRules.plan(sig, text, cs);
            case "truncate":
                // Redshift: TRUNCATE commits the transaction in which it runs.
                return Plan.of(text).committingFirst();
            case "lock":
                if (sig.stream().anyMatch(t -> t.is("mode") || t.is("nowait"))) {
                    throw SqlLexer.syntax("Redshift's LOCK takes table names only");
                }
                return Plan.of(text);
            case "set":
                return set(sig, text, cs);
            case "copy":
                Optional<CopyStatement> copy = CopyStatement.parse(render(tokens));
                if (copy.isEmpty()) throw SqlLexer.syntax("not a COPY statement");
                return Plan.of(text).withCopy(copy.get());
            case "merge":
                return Plan.of(text);
            default:
                if (!PASSING.contains(first)) {
                    throw new RedshiftException(
                            "42601",
                            "syntax error at or near \"" + sig.get(0).text() + "\"",
                            "the local Redshift passes only statements Redshift documents");
                }
                Plan plan = Plan.of(text);
                return readsCount ? plan.readingCopyCount() : plan;
        }
    }

    /** COPY is parsed by the COPY engine from the client's own text. */
    private static String render(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        tokens.forEach(t -> b.append(t.text()));
        return b.toString();
    }

    private static Plan create(List<Token> sig, String text, boolean cs) throws RedshiftException {
        int i = 1;
        while (i < sig.size()
                && (sig.get(i).is("temp") || sig.get(i).is("temporary") || sig.get(i).is("local")))
            i++;
        Token what = sig.get(i);
        if (what.is("table")) return CreateTableRules.plan(sig, cs);
        if (what.is("schema")) return Plan.of(text);
        if (what.is("view") || (what.is("or") && sig.size() > i + 2 && sig.get(i + 2).is("view")))
            return Plan.of(text);
        if (what.is("index") || what.is("unique")) {
            throw new RedshiftException(
                    "0A000", "Redshift has no indexes: CREATE INDEX is not supported", "");
        }
        throw new RedshiftException(
                "0A000",
                "the local Redshift does not emulate CREATE "
                        + what.text().toUpperCase(Locale.ROOT),
                "");
    }

    private static Plan set(List<Token> sig, String text, boolean cs) throws RedshiftException {
        int at = sig.size() > 1 && (sig.get(1).is("session") || sig.get(1).is("local")) ? 2 : 1;
        if (sig.size() > at && sig.get(at).is("enable_case_sensitive_identifier")) {
            Token value = sig.get(sig.size() - 1);
            boolean on =
                    value.is("true")
                            || value.is("on")
                            || "1".equals(value.text())
                            || value.value().equalsIgnoreCase("true");
            return Plan.of("SET b2r.enable_case_sensitive_identifier TO " + on)
                    .settingCaseSensitive(on);
        }
        return Plan.of(text);
    }

    /** Redshift names are 1 to 127 bytes ("Names and identifiers"). */
    private static void identifiers(List<Token> sig) throws RedshiftException {
        for (Token t : sig) {
            if (!t.isIdentifier()) continue;
            int bytes = SqlLexer.utf8Length(t.value());
            if (bytes > 127) {
                throw new RedshiftException(
                        "42622",
                        "identifier \""
                                + t.value()
                                + "\" is "
                                + bytes
                                + " bytes; Redshift allows at most 127",
                        "");
            }
            if (bytes > 63) {
                throw new RedshiftException(
                        "0A000",
                        "the local Redshift stores names in PostgreSQL, which keeps 63 bytes: \""
                                + t.value()
                                + "\" is "
                                + bytes,
                        "a Redshift limit is 127 bytes; this is the emulator's own, stricter limit");
            }
        }
    }

    /** PostgreSQL syntax that Redshift's SQL reference does not have. */
    private static void refuseAnywhere(List<Token> sig) throws RedshiftException {
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            Token next = i + 1 < sig.size() ? sig.get(i + 1) : null;
            if (t.is("on") && next != null && next.is("conflict")) {
                throw new RedshiftException("0A000", "INSERT ... ON CONFLICT is not supported", "");
            }
            if (t.is("returning")) {
                throw new RedshiftException("0A000", "RETURNING is not supported", "");
            }
            if (t.is("jsonb") || t.is("array") || t.isSymbol("[")) {
                throw new RedshiftException(
                        "0A000",
                        (t.isSymbol("[") ? "arrays" : t.value().toUpperCase(Locale.ROOT))
                                + " not supported",
                        "");
            }
            if (t.isSymbol("-") && next != null && next.isSymbol(">")) {
                throw new RedshiftException("0A000", "the JSON operator -> is not supported", "");
            }
            if (t.isSymbol("::") && next != null && next.is("json")) {
                throw new RedshiftException("42704", "type \"json\" does not exist", "");
            }
        }
    }

    /** The plans of each statement of {@code sql}. */
    static List<Plan> plans(String sql, boolean cs) {
        try {
            List<Plan> out = new ArrayList<>();
            for (List<Token> s : SqlLexer.statements(SqlLexer.tokens(sql))) out.add(plan(s, cs));
            return out;
        } catch (RedshiftException e) {
            return List.of(Plan.refuse(e));
        }
    }

    static ColumnCheck check(CheckKind kind, String table, String column, String type) {
        return new ColumnCheck(kind, table, column, type);
    }
}
