package io.github.binlog2redshift.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The columns a staged batch describes: the newest by source position, not the last staged. */
class TableStagingColumnsTest {

    @TempDir Path dir;

    static ChangeEvent insert(long pos, int id, List<ColumnDef> cols) {
        return ChangeEvent.insert(
                TableId.of("shop", "orders"),
                Map.of("id", id, "name", "n" + id),
                SourcePosition.binlog(1, "mysql-bin.000001", pos, 0, null, false, pos),
                pos,
                List.of("id"),
                cols);
    }

    @Test
    void aRowOfAnOlderLayoutStagedLastDoesNotNarrowTheColumns() throws Exception {
        ColumnDef id = ColumnDef.of("id", "INT", null, null, false);
        List<ColumnDef> before = List.of(id, ColumnDef.of("name", "VARCHAR", 20, null, true));
        List<ColumnDef> after = List.of(id, ColumnDef.of("name", "VARCHAR", 200, null, true));
        TableStaging s =
                new TableStaging(
                        new TargetTable("shop", "orders"),
                        dir.toUri().toString(),
                        0,
                        false,
                        "\\x",
                        TableMode.defaults());
        s.add(insert(20, 2, after));
        s.add(insert(10, 1, before));
        assertThat(s.finish().columns()).containsExactlyElementsOf(after);
    }
}
