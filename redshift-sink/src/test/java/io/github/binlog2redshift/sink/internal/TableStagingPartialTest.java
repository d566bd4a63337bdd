package io.github.binlog2redshift.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of partial row images stage the number of the column set they lack in a last field, {@code
 * _b2r_absent}, from the first such row on; the committable lists the sets.
 */
class TableStagingPartialTest {

    static final TableId SOURCE = TableId.of("shop", "t");
    static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("id", "INT", null, null, false),
                    ColumnDef.of("a", "INT", null, null, true),
                    ColumnDef.of("b", "INT", null, null, true));

    @TempDir Path dir;

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static ChangeEvent event(Op op, Map<String, Object> image, boolean partial, long pos) {
        SourcePosition p = SourcePosition.binlog(1, "mysql-bin.000001", pos, 0, null, false, 0);
        return op == Op.DELETE
                ? new ChangeEvent(SOURCE, op, image, null, p, 0, List.of("id"), COLS, null, partial)
                : new ChangeEvent(
                        SOURCE,
                        op,
                        row("id", image.get("id")),
                        image,
                        p,
                        0,
                        List.of("id"),
                        COLS,
                        null,
                        partial);
    }

    @Test
    void partialRowsStageTheirMissingColumnSet() throws Exception {
        TableStaging s =
                new TableStaging(
                        new TargetTable("shop", "t"),
                        dir.toUri().toString(),
                        0,
                        false,
                        "\\x",
                        TableMode.defaults());
        s.add(event(Op.UPDATE, row("id", 1, "a", 1, "b", 1), false, 10));
        s.add(event(Op.UPDATE, row("id", 2, "b", null), true, 20));
        s.add(event(Op.UPDATE, row("id", 3, "a", 3, "b", 3), false, 30));
        s.add(event(Op.UPDATE, row("id", 4, "a", 4), true, 40));
        s.add(event(Op.UPDATE, row("id", 5, "b", 5), true, 50));
        s.add(event(Op.DELETE, row("id", 6), true, 60));
        TableCommittable c = s.finish();
        assertThat(c.partialColumns())
                .containsExactly(List.of("a"), List.of("b"), List.of("a", "b"));
        assertThat(c.files()).hasSize(2);
        assertThat(c.files().get(0).columns()).containsExactly("id", "a", "b");
        assertThat(c.files().get(1).columns()).containsExactly("id", "a", "b", "_b2r_absent");
        List<String> lines = Files.readAllLines(Path.of(URI.create(c.files().get(1).path())));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0))
                .as("never a value for a missing column")
                .endsWith(",\"2\",\\N,\\N,\"0\"");
        assertThat(lines.get(1)).as("a full row").endsWith(",\"3\",\"3\",\"3\",\\N");
        assertThat(lines.get(2)).endsWith(",\"4\",\"4\",\\N,\"1\"");
        assertThat(lines.get(3)).endsWith(",\"5\",\\N,\"5\",\"0\"");
        assertThat(lines.get(4)).startsWith("\"d\",").endsWith(",\"6\",\\N,\\N,\"2\"");
    }
}
