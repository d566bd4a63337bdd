package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.internal.CsvLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedshiftDialectTest {

    private final RedshiftDialect dialect = new RedshiftDialect();
    private final List<String> staged = SqlDialect.stagedColumns(List.of("id", "note"));

    @Test
    void createsSchemaTableAndTombstones() {
        assertThat(dialect.createSchema("sh\"op"))
                .isEqualTo("CREATE SCHEMA IF NOT EXISTS \"sh\"\"op\"");
        assertThat(dialect.createTable(Shapes.orders(), TableMode.defaults()))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" (\"id\" BIGINT NOT NULL,"
                                + " \"note\" VARCHAR(400), \"_b2r_pos\" VARCHAR(40),"
                                + " \"_b2r_ts\" TIMESTAMPTZ, PRIMARY KEY (\"id\"))"
                                + " DISTSTYLE KEY DISTKEY (\"id\") SORTKEY (\"id\")");
        assertThat(dialect.createTombstoneTable(Shapes.weird(), TableMode.defaults()))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"we\"\"ird\".\"line \"\"items_b2r_deleted\""
                                + " (\"order\"\"id\" INTEGER NOT NULL, \"Line\" INTEGER NOT NULL,"
                                + " \"_b2r_pos\" VARCHAR(40) NOT NULL,"
                                + " PRIMARY KEY (\"order\"\"id\", \"Line\"))"
                                + " DISTSTYLE KEY DISTKEY (\"order\"\"id\") SORTKEY (\"order\"\"id\", \"Line\")");
    }

    @Test
    void addsNullableColumns() {
        assertThat(
                        dialect.addColumn(
                                new TargetTable("shop", "orders"),
                                ColumnDef.of("doc", "JSON", null, null, false)))
                .isEqualTo("ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"doc\" SUPER");
    }

    @Test
    void ledger() {
        assertThat(dialect.createLedger("shop"))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"_b2r_commit_ledger\""
                                + " (\"job_id\" VARCHAR(256) NOT NULL, \"target_table\" VARCHAR(1024) NOT NULL,"
                                + " \"checkpoint_id\" BIGINT NOT NULL, \"staging_id\" VARCHAR(64) NOT NULL,"
                                + " \"subtask\" INTEGER NOT NULL, \"max_source_position\" VARCHAR(40),"
                                + " \"rows_staged\" BIGINT NOT NULL, \"rows_applied\" BIGINT NOT NULL,"
                                + " \"committed_at\" TIMESTAMPTZ NOT NULL,"
                                + " PRIMARY KEY (\"job_id\", \"target_table\", \"checkpoint_id\", \"staging_id\"))"
                                + " SORTKEY (\"committed_at\")");
        assertThat(dialect.ledgerLookup("shop"))
                .isEqualTo(
                        "SELECT \"rows_applied\" FROM \"shop\".\"_b2r_commit_ledger\""
                                + " WHERE \"job_id\" = ? AND \"target_table\" = ? AND \"checkpoint_id\" = ?"
                                + " AND \"staging_id\" = ?");
        assertThat(dialect.ledgerInsert("shop"))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"_b2r_commit_ledger\" (\"job_id\", \"target_table\","
                                + " \"checkpoint_id\", \"staging_id\", \"subtask\", \"max_source_position\","
                                + " \"rows_staged\", \"rows_applied\", \"committed_at\")"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, GETDATE())");
        assertThat(dialect.selectColumns())
                .isEqualTo(
                        "SELECT column_name, data_type, character_maximum_length, numeric_precision,"
                                + " numeric_scale, datetime_precision FROM information_schema.columns"
                                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position");
    }

    /**
     * Redshift's information_schema.schemata lists only the schemas the user owns: {@code public}
     * would never be found (issue 12, fault 3). pg_namespace lists them all.
     */
    @Test
    void schemaCheckSeesSchemasOwnedByOthers() {
        assertThat(dialect.selectSchema())
                .isEqualTo(
                        "SELECT has_schema_privilege(nspname, 'USAGE') FROM pg_namespace"
                                + " WHERE nspname = ?")
                .doesNotContain("information_schema");
    }

    /** DISTKEY/SORTKEY columns come from a view that covers every schema (issue 12, fault 7). */
    @Test
    void layoutColumnsFromSvvRedshiftColumns() {
        assertThat(dialect.selectLayoutColumns())
                .isEqualTo(
                        "SELECT column_name FROM svv_redshift_columns WHERE database_name = ?"
                                + " AND schema_name = ? AND table_name = ? AND (distkey OR sortkey <> 0)");
        assertThat(new PostgresDialect().selectLayoutColumns()).isNull();
    }

    /**
     * Issue 12, fault 4: Redshift's serializable isolation works per table, so commits of two
     * tables that both read and write the schema's ledger abort each other (error 1023). Each
     * table's commits lock, read and write the table's own ledger instead, the lock first.
     */
    @Test
    void commitsOfATableLockAndReadOnlyTheirOwnLedger() {
        TargetTable orders = new TargetTable("shop", "orders");
        TargetTable items = new TargetTable("shop", "items");
        TargetTable own = dialect.commitLedgerTable(orders);
        assertThat(own).isEqualTo(new TargetTable("shop", "orders_b2r_ledger"));
        assertThat(dialect.commitLedgerTable(items)).isNotEqualTo(own);
        assertThat(dialect.lockForCommit(orders)).isEqualTo("LOCK \"shop\".\"orders_b2r_ledger\"");
        assertThat(dialect.ledgerLookup(own))
                .isEqualTo(
                        "SELECT \"rows_applied\" FROM \"shop\".\"orders_b2r_ledger\""
                                + " WHERE \"job_id\" = ? AND \"target_table\" = ? AND \"checkpoint_id\" = ?"
                                + " AND \"staging_id\" = ?");
        assertThat(dialect.createLedger(own))
                .startsWith(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders_b2r_ledger\" (\"job_id\"");
        assertThat(dialect.ledgerTable("shop"))
                .isEqualTo(new TargetTable("shop", "_b2r_commit_ledger"))
                .isNotEqualTo(own);
        PostgresDialect pg = new PostgresDialect();
        assertThat(pg.commitLedgerTable(orders)).isEqualTo(pg.ledgerTable("shop"));
        assertThat(pg.lockForCommit(orders))
                .isEqualTo(
                        "SELECT pg_advisory_xact_lock(6435442, hashtext('\"shop\".\"orders\"'))");
    }

    @Test
    void copyWithIamRoleAndDefaults() {
        assertThat(
                        dialect.copy(
                                staged,
                                "s3://bucket/stage/job/ckp-7.manifest",
                                CopyOptions.iamRole("arn:aws:iam::123:role/load", "eu-west-1")))
                .isEqualTo(
                        "COPY \"_b2r_stage\" (\"_b2r_op\", \"_b2r_pos\", \"_b2r_ts\", \"id\", \"note\")"
                                + " FROM 's3://bucket/stage/job/ckp-7.manifest'"
                                + " IAM_ROLE 'arn:aws:iam::123:role/load' REGION 'eu-west-1'"
                                + " FORMAT AS CSV NULL AS '\\\\N' GZIP MANIFEST"
                                + " TIMEFORMAT 'auto' DATEFORMAT 'auto' COMPUPDATE OFF STATUPDATE OFF");
    }

    @Test
    void copyWithKeysPlainFilesAndOptIns() {
        CopyOptions keys =
                new CopyOptions(
                        null,
                        "AKID",
                        "se'cret",
                        "tok",
                        null,
                        false,
                        "epochmillisecs",
                        "YYYY-MM-DD",
                        5,
                        true);
        assertThat(dialect.copy(staged, "s3://b/o'brien.manifest", keys))
                .isEqualTo(
                        "COPY \"_b2r_stage\" (\"_b2r_op\", \"_b2r_pos\", \"_b2r_ts\", \"id\", \"note\")"
                                + " FROM 's3://b/o''brien.manifest'"
                                + " ACCESS_KEY_ID 'AKID' SECRET_ACCESS_KEY 'se''cret' SESSION_TOKEN 'tok'"
                                + " FORMAT AS CSV NULL AS '\\\\N' MANIFEST"
                                + " TIMEFORMAT 'epochmillisecs' DATEFORMAT 'YYYY-MM-DD'"
                                + " MAXERROR 5 TRUNCATECOLUMNS COMPUPDATE OFF STATUPDATE OFF");
        assertThat(keys.toString()).doesNotContain("se'cret").contains("secretAccessKey=****");
        assertThat(dialect.lastCopyCount()).isEqualTo("SELECT pg_last_copy_count()");
    }

    /**
     * Redshift reads a backslash in a string literal as an escape ({@code QUOTE_LITERAL} "doubles
     * any embedded single quotation marks and backslashes"): {@code NULL AS '\N'} would reach COPY
     * as {@code N}, loading the staged NULL marker as the text {@code \N}.
     */
    @Test
    void copyLiteralsEscapeBackslashes() {
        CopyOptions keys =
                new CopyOptions(
                        null, "AK\\ID", "se\\cr'et", null, null, true, null, null, null, false);
        String copy = dialect.copy(staged, "s3://b/a\\b.manifest", keys);
        assertThat(copy)
                .contains(" NULL AS '\\\\N' ")
                .contains(" FROM 's3://b/a\\\\b.manifest'")
                .contains(" ACCESS_KEY_ID 'AK\\\\ID' SECRET_ACCESS_KEY 'se\\\\cr''et'");
        assertThat(RedshiftDialect.NULL_MARKER).isEqualTo(CsvLine.NULL);
    }

    @Test
    void copyOptionsNeedExactlyOneCredential() {
        assertThatThrownBy(
                        () ->
                                new CopyOptions(
                                        "arn", "AK", "SK", null, null, true, null, null, null,
                                        false))
                .hasMessageContaining("got both");
        assertThatThrownBy(
                        () ->
                                new CopyOptions(
                                        null, null, null, null, null, true, null, null, null,
                                        false))
                .hasMessageContaining("got neither");
    }

    /**
     * Binary values are staged after a marker byte (an empty one would be an empty field, which
     * COPY loads into VARBYTE as NULL): a stage column too narrow for the source's longest value
     * with the marker is replaced by a wider one before the load, and right after it the marker is
     * removed, before any step reads the stage. A VARBYTE at the maximum stays as it is; a text
     * column fed by binary values (a user-managed table) drops the marker's two hex digits, and is
     * replaced only when it lacks the room.
     */
    @Test
    void markedBinaryColumnsAreWidenedAndUnmarkedFirstAfterTheLoad() {
        Map<String, MarkedColumn> marked = new LinkedHashMap<>();
        marked.put("bin", MarkedColumn.of(ColumnType.parse("VARBYTE(65535)"), 65_535));
        marked.put("pic", MarkedColumn.of(ColumnType.parse("VARBYTE(16777216)"), 16_777_216));
        marked.put("roomy", MarkedColumn.of(ColumnType.parse("VARBYTE(20)"), 16));
        marked.put(
                "Hex\"Text",
                MarkedColumn.of(
                        ColumnType.fromCatalog("character varying", 32, null, null, null), 16));
        marked.put("uuid", MarkedColumn.of(ColumnType.parse("VARCHAR(34)"), 16));
        MergeInput in = MergeInput.of(Shapes.orders()).withMarkedBinary(marked);
        MergePlan plan = dialect.mergePlan(in);
        assertThat(plan.beforeLoad())
                .extracting(MergePlan.Step::sql)
                .containsExactly(
                        "DROP TABLE IF EXISTS \"_b2r_stage\"",
                        "CREATE TEMP TABLE \"_b2r_stage\" (LIKE \"shop\".\"orders\")",
                        "ALTER TABLE \"_b2r_stage\" ADD COLUMN \"_b2r_op\" CHAR(1)",
                        "ALTER TABLE \"_b2r_stage\" DROP COLUMN \"bin\"",
                        "ALTER TABLE \"_b2r_stage\" ADD COLUMN \"bin\" VARBYTE(65536)",
                        "ALTER TABLE \"_b2r_stage\" DROP COLUMN \"Hex\"\"Text\"",
                        "ALTER TABLE \"_b2r_stage\" ADD COLUMN \"Hex\"\"Text\" VARCHAR(34)");
        assertThat(plan.afterLoad().get(0))
                .isEqualTo(
                        new MergePlan.Step(
                                "unmark-binary",
                                "UPDATE \"_b2r_stage\" SET \"bin\" = SUBSTRING(\"bin\", 2),"
                                        + " \"pic\" = SUBSTRING(\"pic\", 2),"
                                        + " \"roomy\" = SUBSTRING(\"roomy\", 2),"
                                        + " \"Hex\"\"Text\" = SUBSTRING(\"Hex\"\"Text\", 3),"
                                        + " \"uuid\" = SUBSTRING(\"uuid\", 3)",
                                false));
        // The rest of the plan is the unmarked one.
        MergePlan plain = dialect.mergePlan(MergeInput.of(Shapes.orders()));
        assertThat(plan.afterLoad().subList(1, plan.afterLoad().size()))
                .isEqualTo(plain.afterLoad());
        assertThat(new PostgresDialect().binaryMarker()).isEmpty();
    }
}
