package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import io.github.binlog2redshift.localstack.redshift.copy.CopyTokens.Kind;
import io.github.binlog2redshift.localstack.redshift.copy.CopyTokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The grammar of {@link CopyStatement}: walks the tokens of a COPY once, each option at most once,
 * refusing options the local Redshift knows but does not implement (SQLSTATE 0A000).
 */
final class CopyStatementParser {
    /** Redshift options this emulator knows but does not implement. */
    private static final Set<String> UNSUPPORTED =
            Set.of(
                    "JSON",
                    "AVRO",
                    "PARQUET",
                    "ORC",
                    "FIXEDWIDTH",
                    "SHAPEFILE",
                    "BZIP2",
                    "LZOP",
                    "ZSTD",
                    "ENCRYPTED",
                    "MASTER_SYMMETRIC_KEY",
                    "ESCAPE",
                    "REMOVEQUOTES",
                    "ACCEPTANYDATE",
                    "EXPLICIT_IDS",
                    "FILLRECORD",
                    "TRIMBLANKS",
                    "ENCODING",
                    "NOLOAD",
                    "READRATIO",
                    "SSH",
                    "COMPROWS",
                    "IGNOREALLERRORS",
                    "ROUNDEC",
                    "IGNOREBLANKLINES",
                    "JSONPATHS",
                    "SERIALIZETOJSON",
                    "EXTENSION");

    private final List<Token> tokens;
    private final Set<String> seen = new HashSet<>();
    private int at = 1;

    CopyStatementParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    CopyStatement statement() throws RedshiftException {
        String table = tableName();
        List<String> columns = new ArrayList<>();
        if (peek() != null && peek().isSymbol('(')) {
            at++;
            do {
                columns.add(name(next("a column name")));
            } while (accept(','));
            expectSymbol(')');
        }
        expectWord("FROM");
        String from = string("FROM");
        CopyCredentials.Builder credentials = new CopyCredentials.Builder();
        CopyOptions.Builder options = new CopyOptions.Builder();
        String region = null;
        while (peek() != null && !peek().isSymbol(';')) {
            Token t = next("an option");
            if (t.kind() != Kind.WORD) {
                throw CopyTokens.syntax("at or near \"" + t.raw() + "\"");
            }
            String option = t.value().toUpperCase(Locale.ROOT);
            if (option.equals("FORMAT")) {
                acceptWord("AS");
                Token f = next("a data format");
                option = f.value().toUpperCase(Locale.ROOT);
            }
            once(option);
            switch (option) {
                case "IAM_ROLE" ->
                        credentials.iamRole(acceptWord("DEFAULT") ? "default" : string(option));
                case "ACCESS_KEY_ID" -> credentials.accessKeyId(string(option));
                case "SECRET_ACCESS_KEY" -> credentials.secretAccessKey(string(option));
                case "SESSION_TOKEN" -> credentials.sessionToken(string(option));
                case "CREDENTIALS", "WITH_CREDENTIALS" -> {
                    acceptWord("AS");
                    credentials.credentials(string(option));
                }
                case "REGION" -> {
                    acceptWord("AS");
                    region = string(option);
                }
                case "MANIFEST" -> options.manifest();
                case "CSV" -> {
                    options.csv();
                    if (acceptWord("QUOTE")) {
                        acceptWord("AS");
                        options.quote(string("QUOTE"));
                    }
                }
                case "DELIMITER" -> {
                    acceptWord("AS");
                    options.delimiter(string(option));
                }
                case "GZIP" -> options.gzip();
                case "NULL" -> {
                    expectWord("AS");
                    options.nullAs(string("NULL AS"));
                }
                case "EMPTYASNULL" -> options.emptyAsNull();
                case "BLANKSASNULL" -> options.blanksAsNull();
                case "TRUNCATECOLUMNS" -> options.truncateColumns();
                case "ACCEPTINVCHARS" -> {
                    acceptWord("AS");
                    options.acceptInvChars(peekKind(Kind.STRING) ? string(option) : "?");
                }
                case "IGNOREHEADER" -> {
                    acceptWord("AS");
                    options.ignoreHeader(number(option, Integer.MAX_VALUE));
                }
                case "MAXERROR" -> {
                    acceptWord("AS");
                    options.maxError(number(option, CopyStatement.MAX_ERROR_LIMIT));
                }
                case "TIMEFORMAT" -> {
                    acceptWord("AS");
                    options.timeFormat(string(option));
                }
                case "DATEFORMAT" -> {
                    acceptWord("AS");
                    options.dateFormat(string(option));
                }
                case "COMPUPDATE" -> onOff(true);
                case "STATUPDATE" -> onOff(false);
                default -> throw unsupportedOrUnknown(option, t);
            }
        }
        if (accept(';') && peek() != null) {
            throw CopyTokens.syntax("at or near \"" + peek().raw() + "\"");
        }
        return new CopyStatement(
                table, columns, from, credentials.build(), region, options.build(from));
    }

    private String tableName() throws RedshiftException {
        StringBuilder raw = new StringBuilder();
        do {
            Token t = next("a table name");
            if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_NAME) {
                throw CopyTokens.syntax("at or near \"" + t.raw() + "\"");
            }
            if (raw.length() > 0) {
                raw.append('.');
            }
            raw.append(t.raw());
        } while (accept('.'));
        return raw.toString();
    }

    private void onOff(boolean preset) throws RedshiftException {
        Token t = peek();
        if (t != null && t.kind() == Kind.WORD) {
            String v = t.value().toUpperCase(Locale.ROOT);
            if (Set.of("ON", "OFF", "TRUE", "FALSE").contains(v)
                    || (preset && v.equals("PRESET"))) {
                at++;
            }
        }
    }

    private RedshiftException unsupportedOrUnknown(String option, Token t) {
        if (UNSUPPORTED.contains(option)) {
            return new RedshiftException(
                    "0A000",
                    "COPY option " + option + " is not supported by the local Redshift",
                    null);
        }
        return CopyTokens.syntax("at or near \"" + t.raw() + "\"");
    }

    private void once(String option) throws RedshiftException {
        if (!seen.add(option)) {
            throw CopyTokens.syntax("COPY option " + option + " given more than once");
        }
    }

    private static String name(Token t) throws RedshiftException {
        return switch (t.kind()) {
            case WORD -> t.value().toLowerCase(Locale.ROOT);
            case QUOTED_NAME -> t.value();
            default -> throw CopyTokens.syntax("at or near \"" + t.raw() + "\"");
        };
    }

    private String string(String option) throws RedshiftException {
        Token t = next("a quoted string after " + option);
        if (t.kind() != Kind.STRING) {
            throw CopyTokens.syntax(option + " needs a quoted string, got \"" + t.raw() + "\"");
        }
        return t.value();
    }

    private int number(String option, int max) throws RedshiftException {
        Token t = next("a number after " + option);
        if (t.kind() != Kind.NUMBER) {
            throw CopyTokens.syntax(option + " needs a number, got \"" + t.raw() + "\"");
        }
        long v = t.value().length() > 10 ? Long.MAX_VALUE : Long.parseLong(t.value());
        if (v > max) {
            throw new RedshiftException(
                    "22023", option + " must be at most " + max + ", got " + t.value(), null);
        }
        return (int) v;
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean peekKind(Kind kind) {
        return peek() != null && peek().kind() == kind;
    }

    private Token next(String expected) throws RedshiftException {
        if (at >= tokens.size()) {
            throw CopyTokens.syntax("at end of input, expected " + expected);
        }
        return tokens.get(at++);
    }

    private boolean accept(char symbol) {
        if (peek() != null && peek().isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (peek() != null && peek().isWord(word)) {
            at++;
            return true;
        }
        return false;
    }

    private void expectSymbol(char symbol) throws RedshiftException {
        Token t = next("\"" + symbol + "\"");
        if (!t.isSymbol(symbol)) {
            throw CopyTokens.syntax("at or near \"" + t.raw() + "\", expected " + symbol);
        }
    }

    private void expectWord(String word) throws RedshiftException {
        Token t = next(word);
        if (!t.isWord(word)) {
            throw CopyTokens.syntax("at or near \"" + t.raw() + "\", expected " + word);
        }
    }
}
