package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.StagingFormat;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TableCommittableSerializer;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.MarkedColumn;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which stage columns carry Redshift's binary marker: exactly those the writer marked (binary
 * source columns of files staged with the marker), where the table has them as VARBYTE or text.
 */
class StageLayoutMarkedBinaryTest {

    private static final RedshiftDialect RS = new RedshiftDialect();

    private static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("id", "INT", null, null, false),
                    ColumnDef.of("bin", "BLOB", null, null, true),
                    ColumnDef.of("flag", "BIT", 1, null, true),
                    ColumnDef.of("bits", "BIT", 12, null, true),
                    ColumnDef.of("hex_text", "VARBINARY", 8, null, true),
                    ColumnDef.of("gone", "VARBINARY", 8, null, true),
                    ColumnDef.of("note", "VARCHAR", 10, null, true),
                    ColumnDef.of("old_name", "TINYBLOB", null, null, true));

    /** The table: {@code hex_text} is a user-managed VARCHAR, {@code gone} is not there. */
    private static final List<CatalogColumn> CATALOG =
            List.of(
                    new CatalogColumn("id", ColumnType.parse("INTEGER")),
                    new CatalogColumn("bin", ColumnType.parse("VARBYTE(65535)")),
                    new CatalogColumn("flag", ColumnType.parse("BOOLEAN")),
                    new CatalogColumn("bits", ColumnType.parse("VARBYTE(2)")),
                    new CatalogColumn("hex_text", ColumnType.parse("VARCHAR(16)")),
                    new CatalogColumn("note", ColumnType.parse("VARCHAR(40)")),
                    new CatalogColumn("new_name", ColumnType.parse("VARBYTE(255)")),
                    new CatalogColumn("_b2r_pos", ColumnType.parse("VARCHAR(40)")),
                    new CatalogColumn("_b2r_ts", ColumnType.parse("TIMESTAMPTZ")));

    private static TableCommittable staged(StagingFormat format) {
        return new TableCommittable(
                new TargetTable("shop", "t"),
                1,
                "s0-x",
                0,
                List.of(
                        new StagedFile(
                                "s3://b/s0-x-0.csv.gz",
                                COLS.stream().map(ColumnDef::name).toList(),
                                1)),
                null,
                0,
                COLS,
                List.of("id"),
                List.of(
                        new SchemaChange(
                                "ALTER TABLE t RENAME COLUMN old_name TO new_name",
                                "p",
                                "shop",
                                List.of(),
                                List.of())),
                TableMode.defaults(),
                format);
    }

    @Test
    void theBinarySourceColumnsTheTableHasAsVarbyteOrTextAreMarked() {
        Map<String, MarkedColumn> marked =
                StageLayout.input(staged(StagingFormat.MARKED_BINARY), CATALOG, null, RS)
                        .markedBinary();
        assertThat(marked)
                .containsExactly(
                        Map.entry(
                                "bin", MarkedColumn.of(ColumnType.parse("VARBYTE(65535)"), 65_535)),
                        Map.entry("bits", MarkedColumn.of(ColumnType.parse("VARBYTE(2)"), 2)),
                        Map.entry("hex_text", MarkedColumn.of(ColumnType.parse("VARCHAR(16)"), 8)),
                        Map.entry(
                                "new_name",
                                MarkedColumn.of(ColumnType.parse("VARBYTE(255)"), 255)));
    }

    /** A committable restored from a savepoint of a build before the marker: nothing to remove. */
    @Test
    void filesStagedWithoutTheMarkerAreLoadedAsTheyAre() {
        assertThat(
                        StageLayout.input(staged(StagingFormat.PLAIN_BINARY), CATALOG, null, RS)
                                .markedBinary())
                .isEmpty();
    }

    @Test
    void postgresHasNoMarker() {
        assertThat(
                        StageLayout.input(
                                        staged(StagingFormat.MARKED_BINARY),
                                        CATALOG,
                                        null,
                                        new PostgresDialect())
                                .markedBinary())
                .isEmpty();
    }

    /** Every copy the committer makes of a committable keeps its files' staging format. */
    @Test
    void copiesKeepTheStagingFormat() throws Exception {
        for (StagingFormat f : StagingFormat.values()) {
            TableCommittable b = staged(f);
            assertThat(WarehouseNames.of(b, RS).stagingFormat()).isEqualTo(f);
            assertThat(b.withCheckpointId(9).stagingFormat()).isEqualTo(f);
            assertThat(b.withMoreSchemaChanges(List.of()).stagingFormat()).isEqualTo(f);
            TableCommittable kept =
                    new TableCommittableSerializer()
                            .deserialize(
                                    TableCommittableSerializer.VERSION,
                                    Base64.getDecoder().decode(QuarantineStore.encode(b)));
            assertThat(kept.stagingFormat()).isEqualTo(f);
        }
        assertThat(StagingFormat.current()).isEqualTo(StagingFormat.MARKED_BINARY);
    }
}
