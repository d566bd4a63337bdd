package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.Plan.ColumnLayout;
import io.github.binlog2redshift.localstack.redshift.Plan.TableLayout;
import io.github.binlog2redshift.localstack.redshift.SqlLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CREATE TABLE as Redshift documents it (CREATE TABLE reference): column types mapped by {@link
 * RedshiftTypes}; ENCODE, DISTKEY, SORTKEY, DISTSTYLE and BACKUP checked, then left out of the
 * PostgreSQL text and kept as a {@link TableLayout}; CHECK constraints and PostgreSQL-only clauses
 * refused.
 */
final class CreateTableRules {
    private static final Set<String> ENCODINGS =
            Set.of(
                    "raw",
                    "az64",
                    "bytedict",
                    "delta",
                    "delta32k",
                    "lzo",
                    "mostly8",
                    "mostly16",
                    "mostly32",
                    "runlength",
                    "text255",
                    "text32k",
                    "zstd");
    private static final Set<String> COLUMN_ATTRIBUTES =
            Set.of(
                    "default",
                    "identity",
                    "generated",
                    "encode",
                    "distkey",
                    "sortkey",
                    "not",
                    "null",
                    "unique",
                    "primary",
                    "references",
                    "collate",
                    "constraint",
                    "check");

    private CreateTableRules() {}

    /** {@code sig} is the statement's significant tokens, starting with CREATE. */
    static Plan plan(List<Token> sig, boolean cs) throws RedshiftException {
        int open = indexOf(sig, "(");
        int as = -1;
        for (int i = 0; i < sig.size(); i++)
            if (sig.get(i).is("as")) {
                as = i;
                break;
            }
        if (as >= 0 && (open < 0 || as < open)) {
            throw new RedshiftException(
                    "0A000", "the local Redshift does not emulate CREATE TABLE AS", "");
        }
        if (open < 0) {
            throw SqlLexer.syntax("CREATE TABLE needs a column list");
        }
        int close = matching(sig, open);
        List<Token> head = sig.subList(0, open);
        String table = PostgresText.spaced(head.subList(headNameStart(head), head.size()), cs);
        List<List<Token>> elements = split(sig.subList(open + 1, close));
        if (elements.size() == 1 && elements.get(0).get(0).is("like")) {
            return Plan.of(PostgresText.spaced(sig, cs));
        }
        List<String> pg = new ArrayList<>();
        Map<String, ColumnFacts> columns = new LinkedHashMap<>();
        for (List<Token> e : elements) {
            String first =
                    e.get(0).kind() == SqlLexer.Kind.WORD
                            ? e.get(0).value().toLowerCase(Locale.ROOT)
                            : "";
            if (first.equals("check")
                    || (first.equals("constraint") && e.stream().anyMatch(t -> t.is("check")))) {
                throw new RedshiftException("0A000", "CHECK constraints are not supported", "");
            }
            if (Set.of("primary", "unique", "foreign", "constraint").contains(first)) {
                pg.add(PostgresText.spaced(e, cs));
            } else {
                pg.add(column(e, cs, columns));
            }
        }
        attributes(sig.subList(close + 1, sig.size()), cs, columns);
        List<ColumnLayout> layout = new ArrayList<>();
        columns.forEach(
                (name, f) -> {
                    if (f.distkey || f.sortkey != 0 || f.encoding != null) {
                        layout.add(new ColumnLayout(name, f.distkey, f.sortkey, f.encoding));
                    }
                });
        String sql = PostgresText.spaced(head, cs) + " (" + String.join(", ", pg) + ")";
        Plan plan = Plan.of(sql);
        return layout.isEmpty() ? plan : plan.withLayout(new TableLayout(table, layout));
    }

    /** One column definition as PostgreSQL text, with its Redshift-only facts collected. */
    static String column(List<Token> e, boolean cs, Map<String, ColumnFacts> columns)
            throws RedshiftException {
        String name = PostgresText.name(e.get(0), cs);
        int typeEnd = 1;
        while (typeEnd < e.size()) {
            Token t = e.get(typeEnd);
            if (t.kind() == SqlLexer.Kind.WORD
                    && COLUMN_ATTRIBUTES.contains(t.value().toLowerCase(Locale.ROOT))) break;
            typeEnd++;
        }
        StringBuilder out = new StringBuilder(PostgresText.identifier(e.get(0), cs));
        out.append(' ').append(RedshiftTypes.toPostgres(e.subList(1, typeEnd)));
        ColumnFacts facts = new ColumnFacts();
        List<Token> kept = new ArrayList<>();
        for (int i = typeEnd; i < e.size(); i++) {
            Token t = e.get(i);
            if (t.is("encode")) {
                facts.encoding = encoding(e.get(++i));
            } else if (t.is("distkey")) {
                facts.distkey = true;
            } else if (t.is("sortkey")) {
                facts.sortkey = -1;
            } else if (t.is("identity") || t.is("generated") || t.is("collate")) {
                throw new RedshiftException(
                        "0A000",
                        "the local Redshift does not emulate "
                                + t.value().toUpperCase(Locale.ROOT)
                                + " columns",
                        "");
            } else if (t.is("check")) {
                throw new RedshiftException("0A000", "CHECK constraints are not supported", "");
            } else {
                kept.add(t);
            }
        }
        if (!kept.isEmpty()) out.append(' ').append(PostgresText.spaced(kept, cs));
        columns.put(name, facts);
        return out.toString();
    }

    private static void attributes(List<Token> rest, boolean cs, Map<String, ColumnFacts> columns)
            throws RedshiftException {
        String style = null;
        String distkey =
                columns.entrySet().stream()
                        .filter(x -> x.getValue().distkey)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
        if (columns.values().stream().filter(f -> f.distkey).count() > 1) {
            throw new RedshiftException("42601", "a table can have only one DISTKEY column", "");
        }
        List<String> sortkey = new ArrayList<>();
        columns.forEach(
                (n, f) -> {
                    if (f.sortkey != 0) sortkey.add(n);
                });
        boolean interleaved = false;
        for (int i = 0; i < rest.size(); i++) {
            Token t = rest.get(i);
            if (t.is("diststyle")) {
                style = rest.get(++i).value().toLowerCase(Locale.ROOT);
                if (!Set.of("auto", "even", "key", "all").contains(style))
                    throw SqlLexer.syntax("DISTSTYLE " + style);
            } else if (t.is("distkey")) {
                if (distkey != null)
                    throw new RedshiftException(
                            "42601", "a table can have only one DISTKEY column", "");
                distkey = PostgresText.name(rest.get(i + 2), cs);
                i += 3;
            } else if (t.is("compound") || t.is("interleaved")) {
                interleaved = t.is("interleaved"); // of the SORTKEY that follows
            } else if (t.is("sortkey")) {
                if (rest.get(i + 1).is("auto")) {
                    i++;
                    continue;
                }
                if (!sortkey.isEmpty())
                    throw new RedshiftException("42601", "a table can have only one SORTKEY", "");
                int close = matching(rest, i + 1);
                for (Token c : rest.subList(i + 2, close))
                    if (!c.isSymbol(",")) sortkey.add(PostgresText.name(c, cs));
                i = close;
            } else if (t.is("encode")) {
                if (!rest.get(++i).is("auto"))
                    throw SqlLexer.syntax("table-level ENCODE takes AUTO");
            } else if (t.is("backup")) {
                i++;
            } else {
                throw SqlLexer.syntax("at or near \"" + t.text() + "\"");
            }
        }
        if (distkey != null && style != null && !style.equals("key")) {
            throw new RedshiftException("42601", "DISTKEY is allowed only with DISTSTYLE KEY", "");
        }
        if ("key".equals(style) && distkey == null) {
            throw new RedshiftException("42601", "DISTSTYLE KEY needs a DISTKEY column", "");
        }
        if (distkey != null) known(columns, distkey).distkey = true;
        // SVV_REDSHIFT_COLUMNS: an interleaved sort key's positions alternate in sign.
        for (int p = 0; p < sortkey.size(); p++) {
            known(columns, sortkey.get(p)).sortkey = interleaved && p % 2 == 1 ? -(p + 1) : p + 1;
        }
    }

    private static ColumnFacts known(Map<String, ColumnFacts> columns, String name)
            throws RedshiftException {
        ColumnFacts f = columns.get(name);
        if (f == null)
            throw new RedshiftException(
                    "42703", "column \"" + name + "\" named in a key does not exist", "");
        return f;
    }

    /** The encoding named by {@code t}, lower case, if Redshift has it. */
    static String encoding(Token t) throws RedshiftException {
        String name = t.value().toLowerCase(Locale.ROOT);
        if (!ENCODINGS.contains(name)) {
            throw new RedshiftException("42704", "invalid encoding type \"" + t.value() + "\"", "");
        }
        return name;
    }

    /** Where the table name starts in {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name}. */
    private static int headNameStart(List<Token> head) {
        int i = indexOfWord(head, "table") + 1;
        if (i < head.size() && head.get(i).is("if")) i += 3;
        return i;
    }

    static List<List<Token>> split(List<Token> inner) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (Token t : inner) {
            if (t.isSymbol("(")) depth++;
            if (t.isSymbol(")")) depth--;
            if (t.isSymbol(",") && depth == 0) {
                out.add(cur);
                cur = new ArrayList<>();
            } else cur.add(t);
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    static int matching(List<Token> sig, int open) throws RedshiftException {
        int depth = 0;
        for (int i = open; i < sig.size(); i++) {
            if (sig.get(i).isSymbol("(")) depth++;
            if (sig.get(i).isSymbol(")") && --depth == 0) return i;
        }
        throw SqlLexer.syntax("unbalanced parentheses");
    }

    private static int indexOf(List<Token> sig, String symbol) {
        for (int i = 0; i < sig.size(); i++) if (sig.get(i).isSymbol(symbol)) return i;
        return -1;
    }

    private static int indexOfWord(List<Token> sig, String word) {
        for (int i = 0; i < sig.size(); i++) if (sig.get(i).is(word)) return i;
        return -1;
    }

    /** Redshift-only facts of one column while its CREATE TABLE is read. */
    static final class ColumnFacts {
        boolean distkey;
        int sortkey;
        String encoding;
    }
}
