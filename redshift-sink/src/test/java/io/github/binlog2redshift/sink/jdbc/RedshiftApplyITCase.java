package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.StagingFormat;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.NameKind;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.dialect.TableShape;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import io.github.binlog2redshift.sink.ingest.ValueGuard;
import io.github.binlog2redshift.sink.internal.TableStaging;
import io.github.binlog2redshift.sink.schema.SchemaAction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apply against the local Redshift (docs/local-redshift.md), through the real redshift-jdbc42
 * driver, {@link RedshiftDialect} and {@link RedshiftStageLoader}: each fault issue 12 found in the
 * Redshift path, shown fixed where the emulator can show it.
 */
@ExtendWith(LocalStackExtension.class)
class RedshiftApplyITCase {

    static final List<String> PK = List.of("id");

    @TempDir Path dir;

    private SinkTarget redshift(LocalStack stack) {
        return SinkTarget.create(Warehouse.REDSHIFT, stack, dir);
    }

    /**
     * Fault 1: Redshift folds quoted names. {@code "userId"} was created as {@code userid}, then
     * looked for as {@code userId} and added again ("already exists") on every attempt.
     */
    @Test
    void mixedCaseSourceNamesLoadIntoTheFoldedTable(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable mixed = new TargetTable("Shop", "Orders");
        List<ColumnDef> cols =
                List.of(col("id", "INT", null, null), col("userId", "VARCHAR", 20, null));
        List<ColumnDef> renamed =
                List.of(col("id", "INT", null, null), col("UserID", "VARCHAR", 20, null));
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            mixed,
                            1,
                            TableMode.defaults(),
                            List.of(upsert(cols, PK, 10, row("id", 1, "userId", "ann")))));
            s.apply(
                    stage(
                            db,
                            mixed,
                            2,
                            TableMode.defaults(),
                            List.of(upsert(cols, PK, 20, row("id", 2, "userId", "bob")))));
            // A rename that changes only the case is no change in Redshift.
            s.apply(
                    stage(
                            db,
                            mixed,
                            3,
                            TableMode.defaults(),
                            List.of(
                                    ddl(
                                            "ALTER TABLE Orders CHANGE userId UserID VARCHAR(20)",
                                            30,
                                            renamed,
                                            PK),
                                    upsert(renamed, PK, 31, row("id", 3, "UserID", "cy")))));
        }
        TargetTable stored = new TargetTable("shop", "orders");
        assertThat(Evolving.columns(db, stored))
                .containsExactly("id integer", "userid character varying(80)");
        assertThat(Rows.of(db, stored)).containsExactly("1|ann", "2|bob", "3|cy");
    }

    /**
     * Fault 2: {@code NULL AS '\N'} is {@code N} to Redshift (here refused as an undocumented
     * escape), so staged NULLs loaded as the text {@code \N} or failed for other types.
     */
    @Test
    void nullsLoadAsNullInEveryType(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable t = new TargetTable("shop", "nulls");
        List<ColumnDef> cols =
                List.of(
                        col("id", "INT", null, null),
                        col("s", "VARCHAR", 10, null),
                        col("n", "BIGINT", null, null),
                        col("d", "DATE", null, null),
                        col("ts", "DATETIME", null, null),
                        col("doc", "JSON", null, null),
                        col("b", "VARBINARY", 8, null));
        java.util.Map<String, Object> nulls = row("id", 1);
        for (ColumnDef c : cols.subList(1, cols.size())) {
            nulls.put(c.name(), null);
        }
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            ApplyResult r =
                    s.apply(
                            stage(
                                    db,
                                    t,
                                    1,
                                    TableMode.defaults(),
                                    List.of(
                                            upsert(cols, PK, 10, nulls),
                                            upsert(
                                                    cols,
                                                    PK,
                                                    11,
                                                    row(
                                                            "id",
                                                            2,
                                                            "s",
                                                            "x",
                                                            "n",
                                                            7,
                                                            "d",
                                                            "2024-01-31",
                                                            "ts",
                                                            "2024-01-31T12:00:00",
                                                            "doc",
                                                            "{}",
                                                            "b",
                                                            "AQI=")))));
            assertThat(r.rowsLoaded()).isEqualTo(2);
        }
        assertThat(
                        Rows.count(
                                db,
                                "SELECT count(*) FROM shop.nulls WHERE id = 1 AND s IS NULL AND n IS NULL"
                                        + " AND d IS NULL AND ts IS NULL AND doc IS NULL AND b IS NULL"))
                .isEqualTo(1);
    }

    /**
     * Fault 3: Redshift's information_schema.schemata lists only the schemas the user owns, so
     * {@code public} (the superuser's) was "not visible" after CREATE SCHEMA IF NOT EXISTS.
     */
    @Test
    void aSchemaOwnedByAnotherUserIsUsed(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        try (Connection c = db.connect();
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("public is the superuser's, not listed").isZero();
        }
        TargetTable t = new TargetTable("public", "orders");
        List<ColumnDef> cols =
                List.of(col("id", "INT", null, null), col("note", "VARCHAR", 20, null));
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            TableMode.defaults(),
                            List.of(upsert(cols, PK, 10, row("id", 1, "note", "in public")))));
        }
        assertThat(Rows.of(db, t)).containsExactly("1|in public");
    }

    /**
     * Fault 4: 16 concurrent commits, 4 subtasks each committing 4 tables at once, three times.
     * With one ledger read and written by every commit (the control run, "before"), Redshift aborts
     * commits of different tables with error 1023; now each table's commits lock and read their own
     * ledger, and whatever conflicts remain are retried and counted, never a failure. The local
     * Redshift finds conflicts per row (PostgreSQL's SSI), not per table as Redshift does, so its
     * counts are a lower bound of a cluster's.
     */
    @Test
    void sixteenConcurrentCommitsOfFourTablesFromFourSubtasks(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        int before = concurrentCommits(db, new SchemaLedgerOnly(), "before");
        int after = concurrentCommits(db, new RedshiftDialect(), "shop");
        System.out.println(
                "serialization conflicts retried: "
                        + before
                        + " with one ledger per schema, "
                        + after
                        + " with a ledger per table");
        for (int table = 0; table < TABLES; table++) {
            assertThat(Rows.count(db, "SELECT count(*) FROM shop.t" + table))
                    .isEqualTo(SUBTASKS * ROUNDS);
            assertThat(Rows.count(db, "SELECT count(*) FROM shop.t" + table + "_b2r_ledger"))
                    .isEqualTo(SUBTASKS * ROUNDS);
            assertThat(Rows.count(db, "SELECT count(*) FROM before.t" + table))
                    .isEqualTo(SUBTASKS * ROUNDS);
        }
        assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_commit_ledger"))
                .isEqualTo(TABLES * SUBTASKS * ROUNDS);
    }

    static final int TABLES = 4;
    static final int SUBTASKS = 4;
    static final int ROUNDS = 3;

    /**
     * {@link #ROUNDS} rounds of every subtask committing its keys of every table, the subtasks at
     * once; prints each commit's attempts and conflicts, returns the conflicts.
     */
    private int concurrentCommits(SinkTarget db, SqlDialect dialect, String schema)
            throws Exception {
        List<ColumnDef> cols =
                List.of(col("id", "INT", null, null), col("note", "VARCHAR", 20, null));
        List<WarehouseSession> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(SUBTASKS);
        List<String> report = new ArrayList<>();
        int conflicts = 0;
        try {
            for (int i = 0; i < SUBTASKS; i++) {
                sessions.add(Evolving.session(db, dialect, SchemaPolicy.defaults()));
            }
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<List<String>>> running = new ArrayList<>();
                for (int sub = 0; sub < SUBTASKS; sub++) {
                    int subtask = sub;
                    int r = round;
                    // Each subtask stages its own keys of every table, as the keyed dedupe does.
                    List<TableCommittable> batches = new ArrayList<>();
                    for (int k = 0; k < TABLES; k++) {
                        int table = (subtask + k) % TABLES;
                        int id = 1000 * r + 10 * subtask + table;
                        batches.add(
                                stage(
                                        db,
                                        new TargetTable(schema, "t" + table),
                                        r + 1,
                                        TableMode.defaults(),
                                        List.of(
                                                upsert(
                                                        cols,
                                                        PK,
                                                        100 + id,
                                                        row("id", id, "note", "s" + subtask)))));
                    }
                    running.add(
                            pool.submit(
                                    () -> commitAll(sessions.get(subtask), batches, r, subtask)));
                }
                for (Future<List<String>> f : running) {
                    report.addAll(f.get());
                }
            }
        } finally {
            pool.shutdownNow();
            sessions.forEach(WarehouseSession::close);
        }
        for (String line : report) {
            conflicts += Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
            System.out.println(schema + ": " + line);
        }
        assertThat(report).hasSize(TABLES * SUBTASKS * ROUNDS);
        return conflicts;
    }

    private static List<String> commitAll(
            WarehouseSession session, List<TableCommittable> batches, int round, int subtask)
            throws Exception {
        List<String> lines = new ArrayList<>();
        for (TableCommittable b : batches) {
            ApplyResult res = session.apply(b);
            assertThat(res.alreadyApplied()).isFalse();
            lines.add(
                    "round "
                            + round
                            + " subtask "
                            + subtask
                            + " "
                            + b.table()
                            + ": attempts "
                            + res.attempts()
                            + ", serialization conflicts "
                            + res.conflicts());
        }
        return lines;
    }

    /**
     * Fault 5: Redshift's COPY reads at most 4 MB per row. A LONGBLOB of 2.5 MB fits its VARBYTE
     * column but is 5 MB as staged hex: the guard dead-letters it at ingest; staged anyway, it
     * fails the COPY (and so the commit, on every attempt). 2 MB fits both.
     */
    @Test
    void aRowPastCopysFourMegabytesIsDeadLetteredNotStaged(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable t = new TargetTable("shop", "blobs");
        List<ColumnDef> cols =
                List.of(col("id", "INT", null, null), col("pic", "LONGBLOB", null, null));
        String tooBig = Base64.getEncoder().encodeToString(new byte[2_500_000]);
        String fits = Base64.getEncoder().encodeToString(new byte[2_000_000]);
        ValueGuard guard = new ValueGuard(new RedshiftDialect(), SchemaPolicy.Oversize.DEAD_LETTER);
        assertThatThrownBy(() -> guard.check(t, upsert(cols, PK, 10, row("id", 1, "pic", tooBig))))
                .isInstanceOf(RejectedRecordException.class)
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.OVERSIZE_ROW));
        assertThat(guard.check(t, upsert(cols, PK, 11, row("id", 2, "pic", fits)))).isNotNull();
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            TableMode.defaults(),
                            List.of(upsert(cols, PK, 11, row("id", 2, "pic", fits)))));
            TableCommittable unguarded =
                    stage(
                            db,
                            t,
                            2,
                            TableMode.defaults(),
                            List.of(upsert(cols, PK, 12, row("id", 1, "pic", tooBig))));
            assertThatThrownBy(() -> s.apply(unguarded))
                    .isInstanceOf(ApplyFailedException.class)
                    .hasMessageContaining("failed at step 'load'");
        }
        assertThat(Rows.count(db, "SELECT count(*) FROM shop.blobs WHERE id = 2")).isEqualTo(1);
    }

    /**
     * A delete needs only its key: its before image carrying a 3 MB blob (6 MB as staged hex, past
     * COPY's 4 MB row) is staged with the key alone by the guard, and the delete applies.
     */
    @Test
    void aDeleteWhoseBeforeImageIsPastCopysFourMegabytesApplies(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable t = new TargetTable("shop", "blobs");
        List<ColumnDef> cols =
                List.of(col("id", "INT", null, null), col("pic", "LONGBLOB", null, null));
        String small = Base64.getEncoder().encodeToString(new byte[16]);
        String huge = Base64.getEncoder().encodeToString(new byte[3_000_000]);
        ValueGuard guard = new ValueGuard(new RedshiftDialect(), SchemaPolicy.Oversize.DEAD_LETTER);
        ChangeEvent insert = guard.check(t, upsert(cols, PK, 20, row("id", 3, "pic", small)));
        ChangeEvent delete =
                guard.check(t, StagedBatches.delete(cols, PK, 21, row("id", 3, "pic", huge)));
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            TableMode.defaults(),
                            List.of(insert, upsert(cols, PK, 19, row("id", 4, "pic", small)))));
            assertThat(Rows.count(db, "SELECT count(*) FROM shop.blobs")).isEqualTo(2);
            s.apply(stage(db, t, 2, TableMode.defaults(), List.of(delete)));
        }
        assertThat(Rows.query(db, "SELECT id FROM shop.blobs")).containsExactly("4");
    }

    /**
     * An empty binary value is an empty CSV field as bare hex, and COPY loads an empty field of a
     * VARBYTE as NULL (EMPTYASNULL: "Empty fields for other data types ... are always loaded with
     * NULL"): binary values are staged after a marker byte, which the merge removes. A user's table
     * with a VARBYTE of the source's exact length loads a full-length value (the stage is one byte
     * wider), and its VARCHAR column for binary values keeps their hex text.
     */
    @Test
    void anEmptyBinaryValueStaysEmptyAndNullStaysNull(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable t = new TargetTable("shop", "bins");
        List<ColumnDef> cols =
                List.of(
                        col("id", "INT", null, null),
                        col("b", "VARBINARY", 8, null),
                        col("hex", "VARBINARY", 8, null));
        TableMode user = TableMode.defaults().withIgnoreDdl(true);
        try (Connection c = db.connect()) {
            c.createStatement().execute("CREATE SCHEMA shop");
            c.createStatement()
                    .execute(
                            "CREATE TABLE shop.bins (id INTEGER PRIMARY KEY, b VARBYTE(8),"
                                    + " hex VARCHAR(16))");
        }
        String full = Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, 3, 4, 5, 6, -1});
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            user,
                            List.of(
                                    upsert(cols, PK, 10, row("id", 1, "b", "", "hex", "")),
                                    upsert(cols, PK, 11, row("id", 2, "b", null, "hex", null)),
                                    upsert(cols, PK, 12, row("id", 3, "b", full, "hex", full)))));
        }
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, TO_HEX(b), b IS NULL, OCTET_LENGTH(b), hex, hex IS NULL"
                                        + " FROM shop.bins ORDER BY id"))
                .containsExactly(
                        "1||f|0||f",
                        "2|null|t|null|null|t",
                        "3|00010203040506ff|f|8|00010203040506ff|f");
    }

    /**
     * A committable restored from a savepoint of a build before the marker byte: its files hold
     * bare hex, loaded as that build loaded them (nothing is cut off a value; an empty value in
     * such a file lands as NULL, as it always did).
     */
    @Test
    void aCommittableStagedBeforeTheMarkerLoadsAsItDid(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable t = new TargetTable("shop", "old_bins");
        List<ColumnDef> cols =
                List.of(col("id", "INT", null, null), col("b", "VARBINARY", 8, null));
        // The writer of that build: binary values as bare hex.
        TableStaging old = new TableStaging(t, db.stagingUri(), 0, true, "", TableMode.defaults());
        old.add(upsert(cols, PK, 10, row("id", 1, "b", "AP8Q")));
        old.add(upsert(cols, PK, 11, row("id", 2, "b", "")));
        old.add(upsert(cols, PK, 12, row("id", 3, "b", null)));
        TableCommittable b = old.finish().withCheckpointId(1);
        TableCommittable restored =
                new TableCommittable(
                        b.table(),
                        b.checkpointId(),
                        b.stagingId(),
                        b.subtask(),
                        b.files(),
                        b.maxSourcePosition(),
                        b.maxSourceTsMs(),
                        b.columns(),
                        b.primaryKey(),
                        b.schemaChanges(),
                        b.mode(),
                        StagingFormat.PLAIN_BINARY);
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            s.apply(restored);
            s.apply(
                    stage(
                            db,
                            t,
                            2,
                            TableMode.defaults(),
                            List.of(upsert(cols, PK, 20, row("id", 4, "b", "")))));
        }
        assertThat(Rows.query(db, "SELECT id, TO_HEX(b), b IS NULL FROM shop.old_bins ORDER BY id"))
                .containsExactly("1|00ff10|f", "2|null|t", "3|null|t", "4||f");
    }

    /**
     * Fault 6: a type change by copy cast SUPER to VARCHAR (NULL for objects and arrays, refused
     * here) and BOOLEAN to VARCHAR (no such cast). JSON_SERIALIZE and a CASE give their text. Run
     * through the sink's {@link ColumnEvolver}, as the DDL path runs a planned change (planning
     * itself reads SVV_REDSHIFT_COLUMNS, see the fault 7 test).
     */
    @Test
    void superAndBooleanColumnsKeepTheirValuesAsText(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable t = new TargetTable("shop", "docs");
        List<ColumnDef> v1 =
                List.of(
                        col("id", "INT", null, null),
                        col("doc", "JSON", null, null),
                        col("flag", "BIT", 1, null));
        try (WarehouseSession s = Evolving.session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            TableMode.defaults(),
                            List.of(
                                    upsert(
                                            v1,
                                            PK,
                                            10,
                                            row("id", 1, "doc", "{\"a\":[1,2]}", "flag", true)),
                                    upsert(
                                            v1,
                                            PK,
                                            11,
                                            row("id", 2, "doc", "[1,\"x\"]", "flag", false)),
                                    upsert(v1, PK, 12, row("id", 3, "doc", null, "flag", null)))));
        }
        RedshiftDialect rs = new RedshiftDialect();
        ColumnEvolver evolver = new ColumnEvolver(rs, new CatalogReader(rs));
        try (Connection c = db.connect()) {
            evolver.run(
                    c,
                    t,
                    new SchemaAction.ChangeType(
                            "doc", ColumnType.parse("SUPER"), rs.unboundedText()));
            evolver.run(
                    c,
                    t,
                    new SchemaAction.ChangeType(
                            "flag", ColumnType.parse("BOOLEAN"), rs.unboundedText()));
        }
        assertThat(Evolving.columns(db, t))
                .containsExactly(
                        "id integer",
                        "doc character varying(65535)",
                        "flag character varying(65535)");
        List<String> rows = Rows.query(db, "SELECT id, doc, flag FROM shop.docs ORDER BY id");
        assertThat(rows.get(0)).startsWith("1|{").contains("\"a\"").endsWith("|true");
        assertThat(rows.get(1)).startsWith("2|[").contains("\"x\"").endsWith("|false");
        assertThat(rows.get(2)).isEqualTo("3|null|null");
    }

    /**
     * Fault 7: Redshift cannot drop a DISTKEY or SORTKEY column. A source DROP COLUMN of the sort
     * key column keeps it; a type change of it fails at once, naming the fix, instead of a DROP
     * that fails on every attempt.
     */
    @Test
    void sortKeyColumnsAreKeptAndTheirTypeChangesRefused(LocalStack stack) throws Exception {
        SinkTarget db = redshift(stack);
        TargetTable t = new TargetTable("shop", "regions");
        TableMode sorted =
                new TableMode(
                        false,
                        DeleteHandling.APPLY,
                        DeleteArchive.NONE,
                        false,
                        SchemaPolicy.DistStyle.KEY,
                        List.of("region", "id"));
        List<ColumnDef> v1 =
                List.of(
                        col("id", "INT", null, null),
                        col("region", "VARCHAR", 20, null),
                        col("note", "VARCHAR", 20, null));
        List<ColumnDef> dropped = List.of(v1.get(0), v1.get(2));
        List<ColumnDef> wider = List.of(v1.get(0), col("region", "VARCHAR", 100, null), v1.get(2));
        SchemaPolicy drop =
                Evolving.policy(
                        SchemaPolicy.DropColumn.DROP,
                        SchemaPolicy.TypeChange.FAIL,
                        SchemaPolicy.DropTable.IGNORE);
        try (WarehouseSession s = Evolving.session(db, drop)) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            sorted,
                            List.of(
                                    upsert(
                                            v1,
                                            PK,
                                            10,
                                            row("id", 1, "region", "eu", "note", "a")))));
            s.apply(
                    stage(
                            db,
                            t,
                            2,
                            sorted,
                            List.of(
                                    ddl("ALTER TABLE regions DROP COLUMN region", 20, dropped, PK),
                                    upsert(dropped, PK, 21, row("id", 2, "note", "b")))));
            assertThat(Evolving.columns(db, t)).contains("region character varying(80)");
            assertThatThrownBy(
                            () ->
                                    s.apply(
                                            stage(
                                                    db,
                                                    t,
                                                    3,
                                                    sorted,
                                                    List.of(
                                                            ddl(
                                                                    "ALTER TABLE regions ADD region VARCHAR(100)",
                                                                    30,
                                                                    wider,
                                                                    PK)))))
                    .isInstanceOf(ApplyFailedException.class)
                    .hasMessageContaining("after 1 attempt")
                    .hasMessageContaining("column 'region'")
                    .hasMessageContaining("DISTKEY or a SORTKEY column");
        }
    }

    /**
     * Redshift as the sink spoke to it before the fix of fault 4: every commit reads and writes the
     * schema's one ledger, without a lock.
     */
    static final class SchemaLedgerOnly implements SqlDialect {
        private static final long serialVersionUID = 1L;
        private final RedshiftDialect rs = new RedshiftDialect();

        @Override
        public String columnType(ColumnDef c) {
            return rs.columnType(c);
        }

        @Override
        public String storedName(String name, NameKind kind) {
            return rs.storedName(name, kind);
        }

        @Override
        public String createTable(TableShape s, TableMode m) {
            return rs.createTable(s, m);
        }

        @Override
        public String createTombstoneTable(TableShape s, TableMode m) {
            return rs.createTombstoneTable(s, m);
        }

        @Override
        public String createArchiveTable(TableShape s, TableMode m) {
            return rs.createArchiveTable(s, m);
        }

        @Override
        public String createHistoryTable(TableShape s, TableMode m) {
            return rs.createHistoryTable(s, m);
        }

        @Override
        public String unboundedText() {
            return rs.unboundedText();
        }

        @Override
        public String decimalType(int p, int s) {
            return rs.decimalType(p, s);
        }

        @Override
        public int maxDecimalPrecision() {
            return rs.maxDecimalPrecision();
        }

        @Override
        public boolean altersTypeInPlace(ColumnType from, ColumnType to) {
            return rs.altersTypeInPlace(from, to);
        }

        @Override
        public boolean changesKeyColumnTypes() {
            return rs.changesKeyColumnTypes();
        }

        @Override
        public String alterColumnType(TargetTable t, String column, String type) {
            return rs.alterColumnType(t, column, type);
        }

        @Override
        public String currentTimestamp() {
            return rs.currentTimestamp();
        }

        @Override
        public String binaryPrefix() {
            return rs.binaryPrefix();
        }

        @Override
        public String binaryMarker() {
            return rs.binaryMarker();
        }
    }
}
