package io.github.binlog2redshift.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyReportTest {

    @Test
    void readsEachTablesCountsFromVerifysReport() {
        String report =
                String.join(
                        "\n",
                        "EQUAL      db1.snap_rows -> public.db1__snap_rows  rows 5000 / 5000, chunks 1,"
                                + " 0 differ",
                        "DIFFERENT  db1.events_nokey -> public.db1__events_nokey  rows 40 / 43,"
                                + " chunks 1, 1 differ (83 rows re-read)",
                        "  1 missing in target, 4 extra in target, 0 changed",
                        "  missing in target  (kind='k1', amount='3', batch='2')",
                        "DIFFERENT  db1.orders -> public.db1__orders  rows 12 / 12, chunks 1, 1"
                                + " differ (12 rows re-read)",
                        "  0 missing in target, 0 extra in target, 2 changed",
                        "ERROR      db1.tickets -> public.db1__tickets: relation does not exist",
                        "DIFFERENT  db1.accounts -> public.db1__accounts  rows 0 / 0, chunks 0, 0"
                                + " differ",
                        "  note: the target table does not exist",
                        "5 tables: 1 equal, 3 different, 1 errors");

        List<TableCounts> counts = VerifyReport.parse(report);

        assertThat(counts)
                .extracting(
                        TableCounts::table,
                        TableCounts::sourceRows,
                        TableCounts::lost,
                        TableCounts::duplicated,
                        TableCounts::differing)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("snap_rows", 5000L, 0L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("events_nokey", 40L, 1L, 4L, 0L),
                        org.assertj.core.groups.Tuple.tuple("orders", 12L, 0L, 0L, 2L),
                        org.assertj.core.groups.Tuple.tuple("tickets", 0L, 0L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("accounts", 0L, 0L, 0L, 0L));
        assertThat(counts.get(0).exact()).isTrue();
        assertThat(counts.get(3).exact()).isFalse();
        assertThat(counts.get(3).error()).contains("relation does not exist");
        assertThat(counts.get(1).exact()).isFalse();
        assertThat(counts.get(1).error()).isNull();
        // Different without a row counted: never a match.
        assertThat(counts.get(4).exact()).isFalse();
        assertThat(counts.get(4).error()).contains("the target table does not exist");
    }
}
