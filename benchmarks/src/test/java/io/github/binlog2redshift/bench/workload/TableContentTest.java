package io.github.binlog2redshift.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TableContentTest {

    @Test
    void theWorkloadsBookkeepingAndTheRowsItDescribesHaveOneChecksum() {
        TreeMap<Long, Long> versions = new TreeMap<>(Map.of(0L, 0L, 7L, 3L));
        TableContent rows =
                new TableContent.Builder()
                        .add(0, 0, SinkRows.C + 0, SinkRows.PAD + 0, 0)
                        .add(7, 10, SinkRows.C + 7, SinkRows.PAD + 7, 3)
                        .build();
        assertThat(TableContent.ofVersions(versions)).isEqualTo(rows);
        assertThat(rows.rows()).isEqualTo(2);
        assertThat(rows.md5()).hasSize(32);
    }

    @Test
    void aChangedRowChangesTheChecksumButNotTheCount() {
        TableContent a = new TableContent.Builder().add(1, 1, "c", "p", 0).build();
        TableContent b = new TableContent.Builder().add(1, 1, "c", "p", 1).build();
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void checkNamesEveryTableThatDiffersAndAMissingOne() {
        TableContent one = new TableContent.Builder().add(1, 1, "c", "p", 0).build();
        TableContent other = new TableContent.Builder().add(2, 1, "c", "p", 0).build();
        Map<String, TableContent> source = Map.of("t1", one, "t2", one);

        assertThat(TableContent.check("ours", source, Map.of("t1", one, "t2", one)))
                .isEqualTo("2 tables, 2 rows: count and checksum equal to the source's");
        assertThatThrownBy(() -> TableContent.check("peer", source, Map.of("t1", one, "t2", other)))
                .hasMessageContaining("peer content differs from the source's in 1 of 2 tables")
                .hasMessageContaining("t2");
        assertThatThrownBy(() -> TableContent.check("peer", source, Map.of("t1", one)))
                .hasMessageContaining("in 1 of 2 tables (1 tables seen)");
    }
}
