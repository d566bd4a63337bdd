package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quarantine's statements as text, per warehouse. */
class QuarantineStatementsTest {

    @Test
    void tablesLiveInTheControlSchemaInTheWarehousesNames() {
        QuarantineStatements rs = new QuarantineStatements(new RedshiftDialect(), "Control");
        assertThat(rs.quarantineTable().toString()).isEqualTo("control._b2r_quarantine");
        assertThat(rs.createQuarantine())
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"control\".\"_b2r_quarantine\" (\"job_id\""
                                + " VARCHAR(256) NOT NULL, \"target_table\" VARCHAR(1024) NOT NULL,"
                                + " \"since_checkpoint\" BIGINT NOT NULL, \"subtask\" INTEGER NOT"
                                + " NULL, \"reason\" VARCHAR(65535) NOT NULL, \"quarantined_at\""
                                + " TIMESTAMPTZ NOT NULL)");
        QuarantineStatements pg = new QuarantineStatements(new PostgresDialect(), "Control");
        assertThat(pg.keptTable().toString()).isEqualTo("Control._b2r_quarantine_kept");
        assertThat(pg.createKept()).contains("\"committable\" TEXT NOT NULL");
        assertThat(pg.insertKept()).endsWith("VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())");
        assertThat(rs.insertQuarantine()).endsWith("VALUES (?, ?, ?, ?, ?, GETDATE())");
    }

    @Test
    void keysAndPartsAreReadInReplayOrder() {
        QuarantineStatements pg = new QuarantineStatements(new PostgresDialect(), "public");
        assertThat(pg.selectKeptKeys())
                .isEqualTo(
                        "SELECT \"target_table\", \"subtask\", \"checkpoint_id\", \"staging_id\","
                                + " \"rows_staged\" FROM \"public\".\"_b2r_quarantine_kept\" WHERE"
                                + " \"job_id\" = ? AND \"part\" = 0 ORDER BY \"target_table\","
                                + " \"checkpoint_id\", \"subtask\", \"staging_id\"");
        assertThat(pg.selectKept()).endsWith("AND \"staging_id\" = ? ORDER BY \"part\"");
        assertThat(pg.deleteKept())
                .isEqualTo(
                        "DELETE FROM \"public\".\"_b2r_quarantine_kept\" WHERE \"job_id\" = ? AND"
                                + " \"target_table\" = ? AND \"checkpoint_id\" = ? AND"
                                + " \"staging_id\" = ?");
        assertThat(QuarantineStatements.PART_CHARS).isLessThan(65_535);
    }
}
