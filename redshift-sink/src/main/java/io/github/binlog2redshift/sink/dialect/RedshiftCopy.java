package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.escapedLiteral;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;

import java.util.List;

/**
 * Redshift's COPY of staged CSV files from S3 into the staging table, through a manifest so that
 * exactly the committed files are read: the credentials ({@code IAM_ROLE} or access keys), the CSV
 * format with its NULL marker ({@link RedshiftDialect#NULL_MARKER}) and the options of {@link
 * CopyOptions}. The text contains credentials when access keys are used: never log it.
 */
final class RedshiftCopy {

    private RedshiftCopy() {}

    /**
     * COPY of the staged files listed by {@code manifestUri}; every literal has its backslashes
     * escaped, as Redshift reads them ({@link
     * io.github.binlog2redshift.sink.dialect.internal.SqlText#escapedLiteral}).
     */
    static String statement(List<String> stagedColumns, String manifestUri, CopyOptions o) {
        StringBuilder sql = new StringBuilder("COPY ");
        sql.append(ident(ReservedNames.STAGE_TABLE))
                .append(" (")
                .append(identList(stagedColumns))
                .append(") FROM ")
                .append(escapedLiteral(manifestUri));
        if (o.iamRole() != null) {
            sql.append(" IAM_ROLE ").append(escapedLiteral(o.iamRole()));
        } else {
            sql.append(" ACCESS_KEY_ID ").append(escapedLiteral(o.accessKeyId()));
            sql.append(" SECRET_ACCESS_KEY ").append(escapedLiteral(o.secretAccessKey()));
            if (o.sessionToken() != null) {
                sql.append(" SESSION_TOKEN ").append(escapedLiteral(o.sessionToken()));
            }
        }
        if (o.region() != null) {
            sql.append(" REGION ").append(escapedLiteral(o.region()));
        }
        sql.append(" FORMAT AS CSV NULL AS ").append(escapedLiteral(RedshiftDialect.NULL_MARKER));
        if (o.gzip()) {
            sql.append(" GZIP");
        }
        sql.append(" MANIFEST TIMEFORMAT ").append(escapedLiteral(o.timeFormat()));
        sql.append(" DATEFORMAT ").append(escapedLiteral(o.dateFormat()));
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
}
