package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How often a committer prunes a table: at its first commit, then once per prune interval. */
class SideTablePrunerTest {

    @Test
    void dueOncePerIntervalAndTable() {
        AtomicLong now = new AtomicLong(1_000_000);
        SideTablePruner p =
                new SideTablePruner(
                        new PostgresDialect(),
                        new RetentionConfig(true, Duration.ofDays(7), Duration.ofMinutes(1)),
                        now::get);
        TargetTable a = new TargetTable("shop", "a");
        TargetTable b = new TargetTable("shop", "b");
        assertThat(p.due(a)).isTrue();
        assertThat(p.due(a)).isFalse();
        assertThat(p.due(b)).isTrue();
        now.addAndGet(59_999);
        assertThat(p.due(a)).isFalse();
        now.addAndGet(1);
        assertThat(p.due(a)).isTrue();
        assertThat(p.due(a)).isFalse();
        assertThat(p.due(b)).isTrue();
    }
}
