package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.copy.CopyCredentials;
import io.github.binlog2redshift.localstack.redshift.copy.CopyStatement;
import io.github.binlog2redshift.localstack.redshift.copy.LoadError;
import io.github.binlog2redshift.localstack.redshift.copy.PreparedCopy;
import io.github.binlog2redshift.localstack.redshift.copy.S3CopyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connects a COPY to the COPY engine: checks the credentials, reads the target table's columns from
 * the session's own catalog view (the stage is often a temporary table), lets {@link S3CopyLoader}
 * read and check the files, and records rejected rows in {@code stl_load_errors} on a separate
 * connection, so they outlive the failed transaction as Redshift's system table rows do.
 */
final class CopyHookup {
    private static final Pattern SIZED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)");

    /**
     * @param backendSql the PostgreSQL COPY to run, when the files were read
     * @param error the COPY's error, else null
     * @param started whether the load began (Redshift then counts it for PG_LAST_COPY_COUNT)
     */
    record Outcome(String backendSql, RedshiftException error, boolean started) {}

    private final RedshiftServer server;
    private final String database;
    private final String user;
    private final Backend backend;
    private Path pendingFile;

    CopyHookup(RedshiftServer server, String database, String user, Backend backend) {
        this.server = server;
        this.database = database;
        this.user = user;
        this.backend = backend;
    }

    Outcome prepare(CopyStatement copy) throws IOException {
        try {
            checkCredentials(copy.credentials());
        } catch (RedshiftException e) {
            return new Outcome(null, e, false);
        }
        try {
            String table = PostgresText.render(SqlLexer.tokens(copy.table()), false);
            List<TargetColumn> columns = columns(table);
            if (columns.isEmpty()) {
                return new Outcome(
                        null,
                        new RedshiftException(
                                "42P01", "relation \"" + copy.table() + "\" does not exist", ""),
                        false);
            }
            PreparedCopy prepared =
                    server.copyLoader().prepare(copy, columns, server.copyDirectory());
            pendingFile = prepared.file();
            for (LoadError e : prepared.skipped()) server.recordLoadError(database, user, e);
            return new Outcome(prepared.backendSql(), null, true);
        } catch (RedshiftException e) {
            e.loadError().ifPresent(l -> server.recordLoadError(database, user, l));
            return new Outcome(null, e, true);
        }
    }

    /** Deletes the converted file once PostgreSQL loaded it. */
    void finished() {
        if (pendingFile != null) {
            try {
                Files.deleteIfExists(pendingFile);
            } catch (IOException e) {
                // A leftover file in the stack's directory goes with the stack.
            }
            pendingFile = null;
        }
    }

    /**
     * COPY authorizes with the emulator's role ARN ({@link RedshiftServer#IAM_ROLE}) or the local
     * S3 keys; any other principal is refused as S3 would refuse it.
     */
    private void checkCredentials(CopyCredentials c) throws RedshiftException {
        boolean role = RedshiftServer.IAM_ROLE.equals(c.iamRole());
        boolean keys =
                server.s3AccessKey().equals(c.accessKeyId())
                        && server.s3SecretKey().equals(c.secretAccessKey());
        if (!role && !keys) {
            throw new RedshiftException(
                    "XX000",
                    "S3ServiceException:Access Denied,Status 403,Error AccessDenied",
                    "the local Redshift accepts IAM_ROLE '"
                            + RedshiftServer.IAM_ROLE
                            + "' or the local S3 keys");
        }
    }

    private List<TargetColumn> columns(String table) throws IOException, RedshiftException {
        List<List<String>> rows =
                backend.query(
                        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull"
                                + " FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0"
                                + " AND NOT a.attisdropped ORDER BY a.attnum",
                        table);
        List<TargetColumn> out = new ArrayList<>();
        for (List<String> r : rows) out.add(column(r.get(0), r.get(1), "t".equals(r.get(2))));
        return out;
    }

    /** A catalog type ({@code format_type}) in Redshift's terms. */
    static TargetColumn column(String name, String pgType, boolean nullable) {
        String t = pgType.replace("b2r_emulator.", "");
        if (t.startsWith("varbyte_")) {
            return new TargetColumn(
                    name, "varbyte", Integer.parseInt(t.substring(8)), 0, 0, nullable);
        }
        Matcher m = SIZED.matcher(t);
        if (m.matches()) {
            String base = m.group(1).trim();
            int a = Integer.parseInt(m.group(2));
            if (base.equals("numeric")) {
                int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                return new TargetColumn(name, "numeric", -1, a, scale, nullable);
            }
            return new TargetColumn(name, base, a, 0, 0, nullable);
        }
        return new TargetColumn(name, t, -1, 0, 0, nullable);
    }
}
