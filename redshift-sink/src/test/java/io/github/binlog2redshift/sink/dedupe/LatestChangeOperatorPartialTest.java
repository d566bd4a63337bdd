package io.github.binlog2redshift.sink.dedupe;

import static io.github.binlog2redshift.sink.dedupe.Changes.PK;
import static io.github.binlog2redshift.sink.dedupe.Changes.SOURCE;
import static io.github.binlog2redshift.sink.dedupe.Changes.TARGET;
import static io.github.binlog2redshift.sink.dedupe.Changes.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RowKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.state.StateBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changes with partial after images (binlog_row_image MINIMAL/NOBLOB) in the dedupe: completed from
 * the key's earlier image of the interval, kept partial where it has none.
 */
class LatestChangeOperatorPartialTest {

    static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("id", "BIGINT", null, null, false),
                    ColumnDef.of("v", "VARCHAR", 10, null, true),
                    ColumnDef.of("w", "INT", null, null, true));

    private DedupeHarness harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static RoutedChange change(
            Op op, Map<String, Object> after, boolean partial, SourcePosition p, long offset) {
        Map<String, Object> before = op == Op.UPDATE ? row("id", after.get("id")) : null;
        ChangeEvent e = new ChangeEvent(SOURCE, op, before, after, p, 0, PK, COLS, null, partial);
        return new RoutedChange(TARGET, RowKeys.row(TARGET, PK, after), e, "t", 0, offset);
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void aPartialUpdateIsCompletedFromTheInsertOfItsInterval(StateBackend backend)
            throws Exception {
        harness = DedupeHarness.open(backend, null);
        harness.send(
                change(Op.CREATE, row("id", 1L, "v", "a", "w", 1L), false, at(100), 1),
                change(Op.UPDATE, row("id", 1L, "w", null), true, at(200), 2),
                change(Op.UPDATE, row("id", 1L, "v", "b"), true, at(300), 3));
        List<StagedChange> out = harness.checkpoint(1);
        assertThat(out).hasSize(1);
        ChangeEvent e = out.get(0).event();
        assertThat(e.after()).containsExactly(Map.entry("id", 1L), Map.entry("v", "b"), entry("w"));
        assertThat(e.partialImage()).isFalse();
        assertThat(e.source()).isEqualTo(at(300));
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void withoutAnEarlierImageItStaysPartialThroughTheCheckpoint(StateBackend backend)
            throws Exception {
        harness = DedupeHarness.open(backend, null);
        harness.send(
                change(Op.UPDATE, row("id", 2L, "w", 5L), true, at(100), 1),
                change(Op.UPDATE, row("id", 2L, "w", 6L), true, at(200), 2));
        List<StagedChange> out = harness.checkpoint(1);
        assertThat(out).hasSize(1);
        ChangeEvent e = out.get(0).event();
        assertThat(e.partialImage()).isTrue();
        assertThat(e.after()).as("never a NULL for v").containsOnlyKeys("id", "w");
        assertThat(e.after()).containsEntry("w", 6L);
        // The next interval starts empty: nothing to complete from.
        harness.send(change(Op.UPDATE, row("id", 2L, "v", "c"), true, at(300), 3));
        assertThat(harness.checkpoint(2).get(0).event().after()).containsOnlyKeys("id", "v");
    }

    private static Map.Entry<String, Object> entry(String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, null);
        return m.entrySet().iterator().next();
    }
}
