package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.literal;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.List;

/**
 * Amazon Redshift. Primary keys are declared but informational (Redshift does not enforce them);
 * tables are distributed and sorted on the key. Staged files are loaded with COPY from S3 through a
 * manifest, so exactly the committed files are read (a prefix would also match leftovers of failed
 * attempts).
 */
public final class RedshiftDialect implements SqlDialect {

    private static final long serialVersionUID = 1L;

    /**
     * The NULL marker of staged CSV. Every non-NULL value is quoted, so an empty string ({@code
     * ""}) and NULL ({@code \N}) stay apart; EMPTYASNULL is deliberately not used.
     */
    public static final String NULL_MARKER = "\\N";

    @Override
    public String columnType(ColumnDef column) {
        return RedshiftTypes.of(column);
    }

    @Override
    public String createTable(TableShape shape) {
        return TableStatements.createTarget(
                shape, this::columnType, TableStatements.redshiftLayout(shape.key()));
    }

    @Override
    public String createTombstoneTable(TableShape shape) {
        return TableStatements.createTombstones(
                shape, this::columnType, TableStatements.redshiftLayout(shape.key()));
    }

    @Override
    public String currentTimestamp() {
        return "GETDATE()";
    }

    @Override
    public String binaryPrefix() {
        return "";
    }

    /**
     * COPY of the staged files listed by {@code manifestUri} into the staging table. Contains
     * credentials when access keys are used: never log it.
     */
    public String copy(List<String> stagedColumns, String manifestUri, CopyOptions o) {
        StringBuilder sql = new StringBuilder("COPY ");
        sql.append(ident(ReservedNames.STAGE_TABLE))
                .append(" (")
                .append(identList(stagedColumns))
                .append(") FROM ")
                .append(literal(manifestUri));
        if (o.iamRole() != null) {
            sql.append(" IAM_ROLE ").append(literal(o.iamRole()));
        } else {
            sql.append(" ACCESS_KEY_ID ").append(literal(o.accessKeyId()));
            sql.append(" SECRET_ACCESS_KEY ").append(literal(o.secretAccessKey()));
            if (o.sessionToken() != null) {
                sql.append(" SESSION_TOKEN ").append(literal(o.sessionToken()));
            }
        }
        if (o.region() != null) {
            sql.append(" REGION ").append(literal(o.region()));
        }
        sql.append(" FORMAT AS CSV NULL AS ").append(literal(NULL_MARKER));
        if (o.gzip()) {
            sql.append(" GZIP");
        }
        sql.append(" MANIFEST TIMEFORMAT ").append(literal(o.timeFormat()));
        sql.append(" DATEFORMAT ").append(literal(o.dateFormat()));
        if (o.maxError() != null) {
            sql.append(" MAXERROR ").append(o.maxError());
        }
        if (o.truncateColumns()) {
            sql.append(" TRUNCATECOLUMNS");
        }
        // The stage is a throwaway temp table: analysing or re-encoding it is wasted time.
        sql.append(" COMPUPDATE OFF STATUPDATE OFF");
        return sql.toString();
    }

    /** Rows loaded by the session's last COPY, compared with the rows staged. */
    public String lastCopyCount() {
        return "SELECT pg_last_copy_count()";
    }
}
