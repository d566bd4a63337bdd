package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.Plan.CheckKind;
import io.github.binlog2redshift.localstack.redshift.Plan.ColumnCheck;
import io.github.binlog2redshift.localstack.redshift.Plan.ColumnLayout;
import io.github.binlog2redshift.localstack.redshift.SqlLexer.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's side of a {@link Plan}: the checks and steps that need the catalog or the session
 * state, run just before the statement ({@link #before}) and after it succeeded ({@link #after}).
 * Also holds what Redshift keeps per session: the last COPY count and whether identifiers are
 * case-sensitive.
 */
final class StatementRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StatementRunner.class);
    private static final Pattern VARBYTE = Pattern.compile("b2r_emulator\\.varbyte_(\\d+)");
    private static final Pattern CREATE_IF_NOT_EXISTS =
            Pattern.compile(
                    "(?is)CREATE\\s+((TEMP|TEMPORARY|LOCAL)\\s+)*TABLE\\s+IF\\s+NOT\\s+EXISTS\\b.*");

    private final RedshiftServer server;
    private final String database;
    private final String user;
    private final Backend backend;
    private final CopyHookup copies;
    private boolean caseSensitive;

    /**
     * A CREATE TABLE IF NOT EXISTS whose table existed before it ran: it creates nothing, so the
     * existing table's layout stands (recording it again would race the session that created it).
     */
    private Plan existingTable;

    /** Redshift's PG_LAST_COPY_COUNT: 0 until a COPY ran, 0 after a COPY failed while loading. */
    private long lastCopyCount;

    /** The transaction state learned from command tags since the last ReadyForQuery, or 0. */
    private char tagState;

    StatementRunner(RedshiftServer server, String database, String user, Backend backend) {
        this.server = server;
        this.database = database;
        this.user = user;
        this.backend = backend;
        this.copies = new CopyHookup(server, database, user, backend);
    }

    List<Plan> plans(String sql) {
        return StatementRules.plans(sql, caseSensitive);
    }

    Plan planOne(String sql) {
        List<Plan> plans = plans(sql);
        return plans.size() == 1 ? plans.get(0) : Plan.of(sql);
    }

    /** Runs the plan's checks and steps; returns the text to send, or a call that raises. */
    String before(Plan plan, boolean multiStatement) throws IOException {
        try {
            if (plan.refusal() != null) {
                throw plan.refusal();
            }
            if (plan.outsideBlockOnly() && (inBlock() || multiStatement)) {
                throw new RedshiftException(
                        "25001",
                        "ALTER TABLE ALTER COLUMN TYPE cannot run inside a transaction block",
                        "");
            }
            if (backend.status() == 'E') {
                return plan.sql() == null ? "SELECT 1" : plan.sql();
            }
            if (plan.columnCheck() != null) {
                checkColumn(plan.columnCheck());
            }
            if (plan.commitsFirst() && inBlock()) {
                backend.query("COMMIT");
                tagState = 'I';
            }
            ensureDomains(plan.sql());
            existingTable = plan.layout() != null && tableExists(plan) ? plan : null;
            if (plan.copy() != null) {
                CopyHookup.Outcome outcome = copies.prepare(plan.copy());
                if (outcome.started()) {
                    lastCopyCount = 0; // the load began: a failure from here on leaves 0
                }
                if (outcome.error() != null) {
                    throw outcome.error();
                }
                return outcome.backendSql();
            }
            return plan.sql();
        } catch (RedshiftException e) {
            return raise(e, plan.sql());
        }
    }

    /** Bookkeeping after the statement completed with {@code complete} (a CommandComplete). */
    void after(Plan plan, WireMessage complete) throws IOException {
        String tag = complete.type() == 'C' ? complete.firstString() : "";
        if (plan.copy() != null && tag.startsWith("COPY")) {
            lastCopyCount = Long.parseLong(tag.substring(5).trim());
            copies.finished();
        }
        if (plan.caseSensitive() != null) {
            caseSensitive = plan.caseSensitive();
        }
        if (plan.layout() != null && plan != existingTable && backend.status() != 'E') {
            for (ColumnLayout c : plan.layout().columns()) {
                try {
                    backend.query(
                            "INSERT INTO b2r_emulator.column_layout VALUES ($1::regclass, $2, $3::boolean, $4::int, $5)"
                                    + " ON CONFLICT (table_oid, column_name) DO "
                                    + (c.encoding() == null
                                            ? "NOTHING"
                                            : "UPDATE SET encoding = EXCLUDED.encoding"),
                            plan.layout().table(),
                            c.name(),
                            Boolean.toString(c.distkey()),
                            Integer.toString(c.sortkeyPosition()),
                            c.encoding());
                } catch (RedshiftException e) {
                    if ("40001".equals(e.sqlState())) {
                        // A session creating the same table at the same time recorded it first.
                        LOG.debug(
                                "layout of {} recorded by a concurrent session",
                                plan.layout().table());
                        return;
                    }
                    throw new IllegalStateException(
                            "cannot record the layout of " + plan.layout().table(), e);
                }
            }
        }
    }

    /** Sets the value {@code b2r_emulator.pg_last_copy_count()} reads. */
    void publishCopyCount() throws IOException {
        if (backend.status() == 'E') return;
        try {
            backend.query(
                    "SELECT set_config('b2r.last_copy_count', $1, false)",
                    Long.toString(lastCopyCount));
        } catch (RedshiftException e) {
            throw new IllegalStateException("cannot publish the COPY count: " + e.getMessage(), e);
        }
    }

    void observeTag(String tag) {
        String t = tag.toUpperCase(Locale.ROOT);
        if (t.equals("BEGIN") || t.equals("START TRANSACTION")) tagState = 'T';
        if (t.equals("COMMIT") || t.equals("ROLLBACK")) tagState = 'I';
    }

    void ready() {
        tagState = 0;
    }

    private boolean inBlock() {
        return tagState != 0 ? tagState == 'T' : backend.status() != 'I';
    }

    private void checkColumn(ColumnCheck check) throws IOException, RedshiftException {
        List<List<String>> rows =
                backend.query(
                        "SELECT coalesce(l.distkey, false), coalesce(l.sortkey_position, 0),"
                                + " format_type(a.atttypid, a.atttypmod), a.atthasdef,"
                                + " EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = a.attrelid"
                                + "   AND a.attnum = ANY (c.conkey) AND c.contype IN ('p', 'u', 'f'))"
                                + " FROM pg_attribute a LEFT JOIN b2r_emulator.column_layout l"
                                + "   ON l.table_oid = a.attrelid AND l.column_name = a.attname"
                                + " WHERE a.attrelid = $1::regclass AND a.attname = $2 AND NOT a.attisdropped",
                        check.table(),
                        check.column());
        if (rows.isEmpty()) {
            return; // PostgreSQL reports the missing column
        }
        List<String> r = rows.get(0);
        boolean distkey = "t".equals(r.get(0));
        boolean sortkey = !"0".equals(r.get(1));
        String what = check.kind() == CheckKind.DROP_COLUMN ? "drop" : "alter the type of";
        if (distkey || sortkey) {
            throw new RedshiftException(
                    "0A000",
                    "cannot "
                            + what
                            + " column \""
                            + check.column()
                            + "\": it is the table's "
                            + (distkey ? "DISTKEY" : "SORTKEY")
                            + " column",
                    "");
        }
        if (check.kind() == CheckKind.ALTER_TYPE) {
            if (!r.get(2).startsWith("character varying")) {
                throw new RedshiftException(
                        "0A000",
                        "ALTER COLUMN TYPE works only on VARCHAR columns; \""
                                + check.column()
                                + "\" is "
                                + r.get(2),
                        "");
            }
            if ("t".equals(r.get(3))) {
                throw new RedshiftException(
                        "0A000",
                        "cannot alter the type of column \""
                                + check.column()
                                + "\": it has a default value",
                        "");
            }
            if ("t".equals(r.get(4))) {
                throw new RedshiftException(
                        "0A000",
                        "cannot alter the type of column \""
                                + check.column()
                                + "\": it is in a UNIQUE, PRIMARY KEY or FOREIGN KEY constraint",
                        "");
            }
        }
    }

    private boolean tableExists(Plan plan) throws IOException, RedshiftException {
        if (plan.sql() == null || !CREATE_IF_NOT_EXISTS.matcher(plan.sql()).matches()) {
            return false;
        }
        List<List<String>> rows =
                backend.query("SELECT to_regclass($1) IS NOT NULL", plan.layout().table());
        return "t".equals(rows.get(0).get(0));
    }

    private void ensureDomains(String sql) {
        if (sql == null) return;
        Matcher m = VARBYTE.matcher(sql);
        TreeSet<Integer> lengths = new TreeSet<>();
        while (m.find()) lengths.add(Integer.parseInt(m.group(1)));
        for (int n : lengths) server.ensureVarbyte(database, n);
    }

    /** A statement that makes PostgreSQL raise {@code e}, keeping the client's parameters bound. */
    static String raise(RedshiftException e, String original) {
        int params = 0;
        if (original != null) {
            try {
                for (SqlLexer.Token t : SqlLexer.tokens(original)) {
                    if (t.kind() == Kind.PARAMETER)
                        params = Math.max(params, Integer.parseInt(t.text().substring(1)));
                }
            } catch (RedshiftException ignored) {
                // unparseable text has no parameters worth keeping
            }
        }
        StringBuilder sql =
                new StringBuilder("SELECT b2r_emulator.raise(")
                        .append(SqlLexer.literal(e.sqlState()))
                        .append(", ")
                        .append(SqlLexer.literal(e.getMessage()))
                        .append(", ")
                        .append(SqlLexer.literal(e.detail()))
                        .append(")");
        if (params > 0) {
            sql.append(" FROM (SELECT ");
            for (int i = 1; i <= params; i++)
                sql.append(i > 1 ? ", " : "").append('$').append(i).append("::text");
            sql.append(") AS b2r_parameters");
        }
        return sql.toString();
    }
}
