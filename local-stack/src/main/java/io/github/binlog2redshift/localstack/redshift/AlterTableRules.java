package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.Plan.CheckKind;
import io.github.binlog2redshift.localstack.redshift.Plan.ColumnCheck;
import io.github.binlog2redshift.localstack.redshift.Plan.ColumnLayout;
import io.github.binlog2redshift.localstack.redshift.Plan.TableLayout;
import io.github.binlog2redshift.localstack.redshift.SqlLexer.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ALTER TABLE as Redshift's ALTER TABLE reference has it: one action per statement; ADD COLUMN
 * without IF NOT EXISTS and never as a DISTKEY or SORTKEY; DROP COLUMN without IF EXISTS and never
 * of a DISTKEY or SORTKEY column (checked in the catalog); ALTER COLUMN TYPE only to a VARCHAR,
 * only of a VARCHAR, and never inside a transaction block.
 */
final class AlterTableRules {
    private AlterTableRules() {}

    static Plan plan(List<Token> sig, String text, boolean cs) throws RedshiftException {
        if (sig.size() < 4 || !sig.get(1).is("table")) {
            if (sig.size() > 1
                    && (sig.get(1).is("schema")
                            || sig.get(1).is("user")
                            || sig.get(1).is("default"))) {
                return Plan.of(text);
            }
            throw new RedshiftException(
                    "0A000", "the local Redshift does not emulate this ALTER statement", "");
        }
        if (sig.get(2).is("if")) {
            throw SqlLexer.syntax("Redshift's ALTER TABLE has no IF EXISTS");
        }
        int nameEnd = 3;
        while (nameEnd + 1 < sig.size() && sig.get(nameEnd).isSymbol(".")) nameEnd += 2;
        String table = PostgresText.spaced(sig.subList(2, nameEnd), cs).replace(" . ", ".");
        List<Token> action = sig.subList(nameEnd, sig.size());
        if (CreateTableRules.split(action).size() > 1) {
            throw new RedshiftException(
                    "0A000", "Redshift's ALTER TABLE takes one action per statement", "");
        }
        String verb = action.get(0).value().toLowerCase(Locale.ROOT);
        int at = 1;
        switch (verb) {
            case "add":
                {
                    if (action.get(at).is("column")) at++;
                    if (action.get(at).is("if")) {
                        throw SqlLexer.syntax("Redshift's ADD COLUMN has no IF NOT EXISTS");
                    }
                    if (action.get(at).is("primary")
                            || action.get(at).is("unique")
                            || action.get(at).is("foreign")
                            || action.get(at).is("constraint")) {
                        return Plan.of(text);
                    }
                    List<Token> def = action.subList(at, action.size());
                    if (def.stream().anyMatch(t -> t.is("distkey") || t.is("sortkey"))) {
                        throw new RedshiftException(
                                "0A000",
                                "ALTER TABLE ADD COLUMN cannot add a DISTKEY or SORTKEY column",
                                "");
                    }
                    Map<String, CreateTableRules.ColumnFacts> added = new LinkedHashMap<>();
                    Plan plan =
                            Plan.of(
                                    "ALTER TABLE "
                                            + table
                                            + " ADD COLUMN "
                                            + CreateTableRules.column(def, cs, added));
                    Map.Entry<String, CreateTableRules.ColumnFacts> column =
                            added.entrySet().iterator().next();
                    return column.getValue().encoding == null
                            ? plan
                            : plan.withLayout(
                                    encoded(table, column.getKey(), column.getValue().encoding));
                }
            case "drop":
                {
                    if (action.get(at).is("constraint")) return Plan.of(text);
                    if (action.get(at).is("column")) at++;
                    if (action.get(at).is("if")) {
                        throw SqlLexer.syntax("Redshift's DROP COLUMN has no IF EXISTS");
                    }
                    String column = PostgresText.name(action.get(at), cs);
                    return Plan.of(text)
                            .withColumnCheck(
                                    new ColumnCheck(CheckKind.DROP_COLUMN, table, column, null));
                }
            case "alter":
                {
                    if (action.get(at).is("column")) at++;
                    Token column = action.get(at);
                    Token what = action.get(at + 1);
                    if (what.is("encode")) {
                        String encoding = CreateTableRules.encoding(action.get(at + 2));
                        // Encodings have no PostgreSQL counterpart: a no-op that checks the column,
                        // then recorded.
                        return Plan.of(
                                        "ALTER TABLE "
                                                + table
                                                + " ALTER COLUMN "
                                                + PostgresText.identifier(column, cs)
                                                + " SET STATISTICS -1")
                                .withLayout(
                                        encoded(table, PostgresText.name(column, cs), encoding));
                    }
                    if (!what.is("type")) {
                        throw new RedshiftException(
                                "0A000",
                                "Redshift's ALTER COLUMN changes only a VARCHAR size or the encoding",
                                "");
                    }
                    List<Token> type = action.subList(at + 2, action.size());
                    if (type.stream().anyMatch(t -> t.is("using") || t.is("collate"))) {
                        throw SqlLexer.syntax(
                                "Redshift's ALTER COLUMN TYPE has no USING or COLLATE");
                    }
                    String pg = RedshiftTypes.toPostgres(type);
                    if (!pg.startsWith("VARCHAR(")) {
                        throw new RedshiftException(
                                "0A000",
                                "ALTER COLUMN TYPE changes only the size of a VARCHAR column, not to "
                                        + pg,
                                "");
                    }
                    String col = PostgresText.name(column, cs);
                    String sql =
                            "ALTER TABLE "
                                    + table
                                    + " ALTER COLUMN "
                                    + PostgresText.identifier(column, cs)
                                    + " TYPE "
                                    + pg;
                    return Plan.of(sql)
                            .onlyOutsideBlock()
                            .withColumnCheck(new ColumnCheck(CheckKind.ALTER_TYPE, table, col, pg));
                }
            case "rename":
            case "owner":
                return Plan.of(text);
            default:
                throw new RedshiftException(
                        "0A000",
                        "the local Redshift does not emulate ALTER TABLE "
                                + verb.toUpperCase(Locale.ROOT),
                        "");
        }
    }

    private static TableLayout encoded(String table, String column, String encoding) {
        return new TableLayout(table, List.of(new ColumnLayout(column, false, 0, encoding)));
    }
}
