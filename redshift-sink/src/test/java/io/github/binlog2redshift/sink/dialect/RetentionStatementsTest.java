package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.sink.TargetTable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pruning statements' exact text on both warehouses. */
class RetentionStatementsTest {

    private static final TargetTable OWN = new TargetTable("shop", "orders_b2r_ledger");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void redshiftComparesWithItsOwnClock() {
        RedshiftDialect d = new RedshiftDialect();
        assertThat(d.prunablePosition(OWN, WEEK))
                .isEqualTo(
                        "SELECT MAX(\"max_source_position\") FROM \"shop\".\"orders_b2r_ledger\""
                                + " WHERE \"target_table\" = ? AND \"committed_at\" <"
                                + " GETDATE() - INTERVAL '604800 seconds'");
        assertThat(d.pruneLedger(OWN, WEEK))
                .isEqualTo(
                        "DELETE FROM \"shop\".\"orders_b2r_ledger\" WHERE \"target_table\" = ?"
                                + " AND \"committed_at\" < GETDATE() - INTERVAL '604800 seconds'");
        assertThat(d.pruneTombstones(new TargetTable("shop", "orders_b2r_deleted")))
                .isEqualTo("DELETE FROM \"shop\".\"orders_b2r_deleted\" WHERE \"_b2r_pos\" <= ?");
        assertThat(d.pruneSchemaLog("shop", Duration.ofMinutes(3)))
                .isEqualTo(
                        "DELETE FROM \"shop\".\"_b2r_schema_log\" WHERE \"target_table\" = ?"
                                + " AND \"applied_at\" < GETDATE() - INTERVAL '180 seconds'");
    }

    @Test
    void postgresUsesNow() {
        PostgresDialect d = new PostgresDialect();
        assertThat(d.pruneLedger(d.ledgerTable("shop"), WEEK))
                .isEqualTo(
                        "DELETE FROM \"shop\".\"_b2r_commit_ledger\" WHERE \"target_table\" = ?"
                                + " AND \"committed_at\" < now() - INTERVAL '604800 seconds'");
        // PostgreSQL's ledger keeps its plain definition: a sort key is Redshift's
        assertThat(d.createLedger("shop")).doesNotContain("SORTKEY");
    }
}
