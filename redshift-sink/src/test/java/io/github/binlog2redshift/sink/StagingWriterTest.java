package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.RetryPolicy;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingWriterTest {

    static final TableId SRC = TableId.of("shop", "orders");
    static final TargetTable T = new TargetTable("shop", "orders");
    static final List<ColumnDef> V1 = List.of(ColumnDef.of("id", "INT", null, null, false));
    static final List<ColumnDef> V2 =
            List.of(V1.get(0), ColumnDef.of("bin", "VARBINARY", 4, null, true));

    @TempDir Path dir;

    StagingWriter writer(WarehouseKind kind) {
        return new StagingWriter(settings(kind), 3);
    }

    ApplySettings settings(WarehouseKind kind) {
        return new ApplySettings(
                ConnectionSettings.of(kind, "h", 1, "d", "u", null, false),
                null,
                dir.toUri() + "stage/",
                true,
                "job 1",
                1,
                RetryPolicy.defaults(),
                io.github.binlog2redshift.sink.route.TableModes.defaults(),
                io.github.binlog2redshift.config.sink.SchemaPolicy.defaults());
    }

    static SourcePosition pos(long p) {
        return SourcePosition.binlog(1, "mysql-bin.000002", p, 0, null, false, 1_000L * p);
    }

    @Test
    void aSchemaChangeStartsANewFileAndTheCommittableKeepsEverything() throws Exception {
        StagingWriter w = writer(WarehouseKind.POSTGRES);
        w.write(
                new StagedChange(
                        T,
                        ChangeEvent.insert(SRC, Map.of("id", 1L), pos(10), 0, List.of("id"), V1)),
                null);
        w.write(
                new StagedChange(
                        T,
                        ChangeEvent.schemaChange(
                                SRC,
                                "ALTER TABLE orders ADD bin VARBINARY(4)",
                                pos(20),
                                0,
                                List.of("id"),
                                V2)),
                null);
        w.write(
                new StagedChange(
                        T,
                        ChangeEvent.insert(
                                SRC,
                                Map.of("id", 2L, "bin", "AP8="),
                                pos(30),
                                0,
                                List.of("id"),
                                V2)),
                null);
        List<TableCommittable> out = new ArrayList<>(w.prepareCommit());

        assertThat(out).hasSize(1);
        TableCommittable c = out.get(0);
        assertThat(c.checkpointId()).isEqualTo(TableCommittable.UNASSIGNED);
        assertThat(c.subtask()).isEqualTo(3);
        assertThat(c.columns()).isEqualTo(V2);
        assertThat(c.primaryKey()).containsExactly("id");
        assertThat(c.ddl()).containsExactly("ALTER TABLE orders ADD bin VARBINARY(4)");
        assertThat(c.maxSourcePosition()).isEqualTo(pos(30).sortKey());
        assertThat(c.maxSourceTsMs()).isEqualTo(30_000L);
        assertThat(c.files())
                .extracting(StagedFile::columns)
                .containsExactly(List.of("id"), List.of("id", "bin"));
        assertThat(c.files().get(0).path())
                .startsWith(dir.toUri() + "stage/job_1/shop.orders/" + c.stagingId() + "-0")
                .endsWith(".csv.gz");
        assertThat(read(c.files().get(0)))
                .isEqualTo(
                        "\"c\",\"000000000002:00000000000000000010:000000\","
                                + "\"1970-01-01 00:00:10.000+00\",\"1\"\n");
        assertThat(read(c.files().get(1))).endsWith(",\"2\",\"\\x00ff\"\n");
        assertThat(w.prepareCommit()).isEmpty();
    }

    @Test
    void redshiftStagesBareHexAndNullMarkers() throws Exception {
        StagingWriter w = writer(WarehouseKind.REDSHIFT);
        var image = new java.util.HashMap<String, Object>();
        image.put("id", 2L);
        image.put("bin", null);
        w.write(
                new StagedChange(T, ChangeEvent.delete(SRC, image, pos(5), 0, List.of("id"), V2)),
                null);
        TableCommittable c = w.prepareCommit().iterator().next();
        assertThat(read(c.files().get(0))).endsWith(",\"2\",\\N\n").startsWith("\"d\",");
    }

    @Test
    void aTableWithoutKeyIsStagedForAppendingWithItsModeAndSchemaChanges() throws Exception {
        StagingWriter w = writer(WarehouseKind.POSTGRES);
        w.write(
                new StagedChange(
                        T,
                        ChangeEvent.schemaChange(
                                SRC,
                                "ALTER TABLE orders ADD bin VARBINARY(4)",
                                pos(9),
                                0,
                                List.of(),
                                V2)),
                null);
        w.write(
                new StagedChange(
                        T, ChangeEvent.insert(SRC, Map.of("id", 1L), pos(10), 0, List.of(), V1)),
                null);
        TableCommittable c = w.prepareCommit().iterator().next();
        assertThat(c.primaryKey()).isEmpty();
        assertThat(c.rowCount()).isEqualTo(1);
        assertThat(c.mode()).isEqualTo(io.github.binlog2redshift.sink.dialect.TableMode.defaults());
        assertThat(c.schemaChanges())
                .containsExactly(
                        new SchemaChange(
                                "ALTER TABLE orders ADD bin VARBINARY(4)",
                                pos(9).sortKey(),
                                "shop",
                                V2,
                                List.of()));
        assertThat(c.currentColumns()).isEqualTo(V2);
    }

    @Test
    void aPostgresTargetKeepsACopyOfSmallFilesTheExactBytesWritten() throws Exception {
        StagingWriter pg = writer(WarehouseKind.POSTGRES);
        StagingWriter rs = writer(WarehouseKind.REDSHIFT);
        for (StagingWriter w : List.of(pg, rs)) {
            w.write(
                    new StagedChange(
                            T,
                            ChangeEvent.insert(
                                    SRC, Map.of("id", 1L), pos(10), 0, List.of("id"), V1)),
                    null);
        }
        StagedFile kept = pg.prepareCommit().iterator().next().files().get(0);
        assertThat(kept.content()).isNotEmpty();
        // Staged files are deleted after the commit (the default): the copy is the only form.
        assertThat(Path.of(java.net.URI.create(kept.path()))).doesNotExist();
        // Redshift's COPY reads S3 itself: nothing is kept, the file is written.
        StagedFile written = rs.prepareCommit().iterator().next().files().get(0);
        assertThat(written.content()).isNull();
        assertThat(Path.of(java.net.URI.create(written.path()))).exists();
    }

    /** Where staged files are kept after commits, a file with a copy is written as well. */
    @Test
    void keptStagedFilesAreWrittenEvenWithACopy() throws Exception {
        ApplySettings base = settings(WarehouseKind.POSTGRES);
        ApplySettings keeping =
                new ApplySettings(
                        base.connection(),
                        null,
                        base.stagingPath(),
                        true,
                        "job 1",
                        1,
                        RetryPolicy.defaults(),
                        io.github.binlog2redshift.sink.route.TableModes.defaults(),
                        io.github.binlog2redshift.config.sink.SchemaPolicy.defaults(),
                        ApplySettings.DEFAULT_CONTROL_SCHEMA,
                        new io.github.binlog2redshift.config.sink.RetentionConfig(
                                false,
                                java.time.Duration.ofDays(7),
                                java.time.Duration.ofHours(1)));
        StagingWriter w = new StagingWriter(keeping, 3);
        w.write(
                new StagedChange(
                        T,
                        ChangeEvent.insert(SRC, Map.of("id", 1L), pos(10), 0, List.of("id"), V1)),
                null);
        StagedFile kept = w.prepareCommit().iterator().next().files().get(0);
        assertThat(kept.content())
                .isEqualTo(Files.readAllBytes(Path.of(java.net.URI.create(kept.path()))));
    }

    /**
     * Issue 14: a value the ingest checks should have refused (binary that is not base64) is left
     * out and counted, not a job failure that every restart would repeat; the rest stages.
     */
    @Test
    void aChangeThatCannotBeStagedIsLeftOutAndCountedNotAFailure() throws Exception {
        org.apache.flink.metrics.SimpleCounter rejected =
                new org.apache.flink.metrics.SimpleCounter();
        StagingWriter w = new StagingWriter(settings(WarehouseKind.POSTGRES), 3, rejected);
        w.write(
                new StagedChange(
                        T,
                        ChangeEvent.insert(
                                SRC, Map.of("id", 1L, "bin", "%%"), pos(10), 0, List.of("id"), V2)),
                null);
        w.write(
                new StagedChange(
                        T,
                        ChangeEvent.insert(
                                SRC,
                                Map.of("id", 2L, "bin", "AP8="),
                                pos(20),
                                0,
                                List.of("id"),
                                V2)),
                null);
        TableCommittable c = w.prepareCommit().iterator().next();
        assertThat(rejected.getCount()).isEqualTo(1);
        assertThat(c.rowCount()).isEqualTo(1);
        assertThat(read(c.files().get(0))).endsWith(",\"2\",\"\\x00ff\"\n");
    }

    /** The file's rows: from its copy when it has one (then it was never written), else read. */
    private static String read(StagedFile f) throws IOException {
        try (InputStream in =
                new GZIPInputStream(
                        f.content() != null
                                ? new java.io.ByteArrayInputStream(f.content())
                                : Files.newInputStream(Path.of(java.net.URI.create(f.path()))))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
