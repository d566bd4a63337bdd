package io.github.binlog2redshift.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
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
 * An UPDATE of a mirrored table without a key is staged as the row it replaces (op {@code b}, its
 * before image) followed by its own row; a change log stages the update's row only.
 */
class TableStagingKeylessTest {

    static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("a", "INT", null, null, true),
                    ColumnDef.of("b", "VARCHAR", 5, null, true));

    @TempDir Path dir;

    static Map<String, Object> row(int a, String b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    static List<String> staged(Path dir, KeylessMode keyless) throws Exception {
        TableStaging s =
                new TableStaging(
                        new TargetTable("shop", "log"),
                        dir.toUri().toString(),
                        0,
                        false,
                        "\\x",
                        TableMode.defaults().withKeyless(keyless));
        s.add(
                ChangeEvent.update(
                        TableId.of("shop", "log"),
                        row(1, "x"),
                        row(1, null),
                        SourcePosition.binlog(1, "mysql-bin.000001", 40, 0, null, false, 40),
                        40,
                        List.of(),
                        COLS));
        TableCommittable c = s.finish();
        assertThat(c.rowCount()).isEqualTo(keyless == KeylessMode.MIRROR ? 2 : 1);
        return Files.readAllLines(Path.of(URI.create(c.files().get(0).path())));
    }

    @Test
    void aMirrorStagesTheReplacedRowThenTheUpdate() throws Exception {
        List<String> lines = staged(dir, KeylessMode.MIRROR);
        String at = ",\"000000000001:00000000000000000040:000000\",\"1970-01-01 00:00:00.040+00\",";
        assertThat(lines)
                .as("the row it replaces at the update's position, then the update")
                .containsExactly("\"b\"" + at + "\"1\",\"x\"", "\"u\"" + at + "\"1\",\\N");
    }

    @Test
    void aChangeLogStagesTheUpdateOnly() throws Exception {
        List<String> lines = staged(dir, KeylessMode.APPEND);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("\"u\",").endsWith(",\"1\",\\N");
    }
}
