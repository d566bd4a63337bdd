package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.SqlLexer.Token;
import java.util.List;
import java.util.Locale;

/**
 * Redshift column types ("Data types" in the Redshift Database Developer Guide) as PostgreSQL
 * types. SUPER and VARBYTE(n) become domains of the emulator's schema, so that a CREATE TABLE LIKE
 * keeps them and the catalog can name them; the VARBYTE domain checks the byte length.
 */
final class RedshiftTypes {
    static final int MAX_VARCHAR = 65_535;
    static final int MAX_CHAR = 4_096;
    static final int MAX_VARBYTE = 16_777_216;
    static final int DEFAULT_VARBYTE = 64_000;
    static final int MAX_PRECISION = 38;

    private RedshiftTypes() {}

    /** The PostgreSQL text of the type spelled by {@code type} (significant tokens). */
    static String toPostgres(List<Token> type) throws RedshiftException {
        if (type.isEmpty()) {
            throw SqlLexer.syntax("a column needs a type");
        }
        String name = type.get(0).value().toLowerCase(Locale.ROOT);
        int argsAt = 1;
        if (type.size() > 1 && type.get(1).isIdentifier()) {
            String second = type.get(1).value().toLowerCase(Locale.ROOT);
            if (name.equals("double") && second.equals("precision")
                    || name.equals("character") && second.equals("varying")
                    || name.equals("binary") && second.equals("varying")) {
                name = name + " " + second;
                argsAt = 2;
            }
        }
        List<Integer> args = args(type.subList(argsAt, type.size()), name);
        return switch (name) {
            case "smallint",
                            "int2",
                            "integer",
                            "int",
                            "int4",
                            "bigint",
                            "int8",
                            "real",
                            "float4",
                            "double precision",
                            "float8",
                            "float",
                            "boolean",
                            "bool",
                            "date",
                            "timestamp",
                            "timestamptz",
                            "time",
                            "timetz" ->
                    textOf(type);
            case "decimal", "numeric" -> decimal(args);
            case "char", "character", "nchar", "bpchar" -> {
                int n = args.isEmpty() ? (name.equals("bpchar") ? 256 : 1) : args.get(0);
                yield "CHAR(" + within(n, MAX_CHAR, "char") + ")";
            }
            case "varchar", "character varying", "nvarchar", "text" -> {
                int n = args.isEmpty() ? 256 : args.get(0);
                yield "VARCHAR(" + within(n, MAX_VARCHAR, "varchar") + ")";
            }
            case "super" -> "b2r_emulator.super";
            case "varbyte", "varbinary", "binary varying" ->
                    "b2r_emulator.varbyte_"
                            + within(
                                    args.isEmpty() ? DEFAULT_VARBYTE : args.get(0),
                                    MAX_VARBYTE,
                                    "varbyte");
            case "interval", "geometry", "geography", "hllsketch" ->
                    throw new RedshiftException(
                            "0A000", "the local Redshift does not emulate type " + name, "");
            default ->
                    throw new RedshiftException(
                            "42704", "type \"" + name + "\" does not exist", "");
        };
    }

    private static String decimal(List<Integer> args) throws RedshiftException {
        // Redshift: DECIMAL without precision is DECIMAL(18,0); precision at most 38.
        int precision = args.isEmpty() ? 18 : args.get(0);
        int scale = args.size() > 1 ? args.get(1) : 0;
        if (precision < 1 || precision > MAX_PRECISION || scale > precision) {
            throw new RedshiftException(
                    "22023",
                    "NUMERIC precision " + precision + " must be between 1 and " + MAX_PRECISION,
                    "");
        }
        return "NUMERIC(" + precision + "," + scale + ")";
    }

    private static int within(int n, int max, String type) throws RedshiftException {
        if (n < 1 || n > max) {
            throw new RedshiftException(
                    "22023", "length for type " + type + " cannot exceed " + max, "got " + n);
        }
        return n;
    }

    private static List<Integer> args(List<Token> rest, String name) throws RedshiftException {
        if (rest.isEmpty()) {
            return List.of();
        }
        if (!rest.get(0).isSymbol("(") || !rest.get(rest.size() - 1).isSymbol(")")) {
            if (rest.stream().anyMatch(t -> t.isSymbol("["))) {
                throw new RedshiftException("0A000", "Redshift has no array types", "");
            }
            // TIMESTAMP WITH/WITHOUT TIME ZONE and similar multi-word spellings.
            if (rest.stream().allMatch(Token::isIdentifier)) {
                return List.of();
            }
            throw SqlLexer.syntax("unexpected text after type " + name);
        }
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (Token t : rest.subList(1, rest.size() - 1)) {
            if (t.kind() == SqlLexer.Kind.NUMBER) {
                out.add(Integer.parseInt(t.text()));
            } else if (t.is("max")) {
                out.add(
                        name.contains("byte") || name.contains("binary")
                                ? MAX_VARBYTE
                                : MAX_VARCHAR);
            } else if (!t.isSymbol(",")) {
                throw SqlLexer.syntax("unexpected " + t.text() + " in type " + name);
            }
        }
        return out;
    }

    private static String textOf(List<Token> type) {
        StringBuilder b = new StringBuilder();
        for (Token t : type) {
            if (b.length() > 0 && t.isIdentifier()) b.append(' ');
            b.append(t.text());
        }
        return b.toString();
    }
}
