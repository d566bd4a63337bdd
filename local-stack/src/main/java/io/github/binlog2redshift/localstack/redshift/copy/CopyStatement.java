package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import io.github.binlog2redshift.localstack.redshift.copy.CopyTokens.Token;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Redshift {@code COPY ... FROM 's3://...'} statement: the target, the source and the
 * options that say how to read it. Options Redshift has but the local Redshift does not implement
 * are refused (SQLSTATE 0A000) rather than ignored; combinations Redshift rejects are refused as
 * Redshift would. The rules and their sources are in {@code docs/local-redshift.md}, "COPY".
 *
 * @param table the table name as written (quotes and schema included)
 * @param columns the column list, unquoted names as folded to lower case, empty if none
 * @param from the {@code s3://bucket/key} URL or key prefix
 * @param credentials how COPY authenticates to S3
 * @param region the REGION option, or null
 * @param options how the files are read and converted
 */
public record CopyStatement(
        String table,
        List<String> columns,
        String from,
        CopyCredentials credentials,
        String region,
        CopyOptions options) {

    /** The MAXERROR limit of the COPY reference. */
    static final int MAX_ERROR_LIMIT = 100_000;

    public CopyStatement {
        columns = List.copyOf(columns);
    }

    /**
     * Parses {@code sql}: empty if it is not a COPY statement.
     *
     * @throws RedshiftException for COPY syntax or options Redshift rejects or the emulator lacks
     */
    public static Optional<CopyStatement> parse(String sql) throws RedshiftException {
        List<Token> tokens = CopyTokens.of(sql);
        if (tokens.isEmpty() || !tokens.get(0).isWord("COPY")) {
            return Optional.empty();
        }
        return Optional.of(new CopyStatementParser(tokens).statement());
    }
}
