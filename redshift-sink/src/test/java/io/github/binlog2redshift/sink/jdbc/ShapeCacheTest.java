package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeCacheTest {

    private static final TargetTable T = new TargetTable("s", "t");
    private static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("id", "BIGINT", null, null, false),
                    ColumnDef.of("v", "VARCHAR", 20, null, true));
    private static final List<CatalogColumn> BASE =
            List.of(
                    new CatalogColumn("id", ColumnType.parse("BIGINT")),
                    new CatalogColumn("v", ColumnType.parse("VARCHAR(20)")));

    private static TableCommittable batch(
            List<ColumnDef> cols, List<SchemaChange> ddl, TableMode mode, boolean rows) {
        List<StagedFile> files =
                rows ? List.of(new StagedFile("file:///x.csv", List.of("id", "v"), 3)) : List.of();
        return new TableCommittable(
                T, 7, "s0-a", 0, files, null, 0, cols, List.of("id"), ddl, mode);
    }

    private static TableCommittable plain() {
        return batch(COLS, List.of(), TableMode.defaults(), true);
    }

    @Test
    void aVerifiedShapeIsAnsweredWithoutTheCatalog() {
        ShapeCache cache = new ShapeCache();
        assertThat(cache.lookup(plain())).isNull();
        cache.remember(plain(), BASE);
        assertThat(cache.lookup(plain())).isEqualTo(BASE);
    }

    @Test
    void aSchemaChangeOrAnotherShapeGoesToTheCatalog() {
        ShapeCache cache = new ShapeCache();
        cache.remember(plain(), BASE);
        assertThat(
                        cache.lookup(
                                batch(
                                        COLS,
                                        List.of(SchemaChange.textOnly("ALTER TABLE t ADD x INT")),
                                        TableMode.defaults(),
                                        true)))
                .isNull();
        List<ColumnDef> wider = List.of(COLS.get(0), ColumnDef.of("v", "VARCHAR", 40, null, true));
        assertThat(cache.lookup(batch(wider, List.of(), TableMode.defaults(), true))).isNull();
        // the entry for the verified shape is still there
        assertThat(cache.lookup(plain())).isEqualTo(BASE);
    }

    @Test
    void forgetAndEmptyCommittablesLeaveNothingCached() {
        ShapeCache cache = new ShapeCache();
        cache.remember(batch(COLS, List.of(), TableMode.defaults(), false), BASE);
        assertThat(cache.lookup(plain())).isNull();
        cache.remember(plain(), BASE);
        cache.forget(T);
        assertThat(cache.lookup(plain())).isNull();
    }

    @Test
    void onlyCatalogMismatchesCountAsSchemaErrors() {
        assertThat(ShapeCache.isSchemaError(new SQLException("no column", "42703"))).isTrue();
        assertThat(
                        ShapeCache.isSchemaError(
                                new RuntimeException(new SQLException("no table", "42P01"))))
                .isTrue();
        assertThat(ShapeCache.isSchemaError(new SQLException("conflict", "40001"))).isFalse();
        assertThat(ShapeCache.isSchemaError(new SQLException("bad value", "22000"))).isFalse();
    }
}
