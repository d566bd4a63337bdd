package io.github.binlog2redshift.localstack.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement rules as text, without services: what PostgreSQL receives and what is refused. */
class StatementRulesTest {

    private static Plan plan(String sql) {
        List<Plan> plans = StatementRules.plans(sql, false);
        assertThat(plans).hasSize(1);
        return plans.get(0);
    }

    @Test
    void theSinksCreateTableLosesItsLayoutClausesAndKeepsThemAsLayout() {
        Plan p =
                plan(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"Orders\" (\"id\" BIGINT NOT NULL,"
                                + " \"note\" VARCHAR(400), \"doc\" SUPER, PRIMARY KEY (\"id\"))"
                                + " DISTSTYLE KEY DISTKEY (\"id\") SORTKEY (\"id\")");
        assertThat(p.refusal()).isNull();
        assertThat(p.sql())
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\" . \"orders\" (\"id\" BIGINT NOT NULL,"
                                + " \"note\" VARCHAR(400), \"doc\" b2r_emulator.super, PRIMARY KEY ( \"id\" ))");
        assertThat(p.layout().columns())
                .containsExactly(new Plan.ColumnLayout("id", true, 1, null));
    }

    @Test
    void literalsAreReadWithRedshiftsBackslashEscapes() {
        assertThat(plan("SELECT 'it\\'s', 'a\\\\N', '\\101'").sql())
                .isEqualTo("SELECT 'it''s', 'a\\N', 'A'");
        assertThat(plan("SELECT '\\N'").refusal()).hasMessageContaining("escape sequence");
    }

    @Test
    void varcharWithoutLengthIs256AndTextToo() {
        assertThat(plan("CREATE TABLE t (a VARCHAR, b TEXT, c CHAR, d DECIMAL)").sql())
                .isEqualTo(
                        "CREATE TABLE t (a VARCHAR(256), b VARCHAR(256), c CHAR(1), d NUMERIC(18,0))");
    }

    @Test
    void refusals() {
        for (String sql :
                List.of(
                        "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING",
                        "DELETE FROM t RETURNING *",
                        "ALTER TABLE t ADD COLUMN IF NOT EXISTS c INTEGER",
                        "ALTER TABLE t DROP COLUMN IF EXISTS c",
                        "ALTER TABLE t ADD COLUMN a INTEGER, ADD COLUMN b INTEGER",
                        "ALTER TABLE t ALTER COLUMN a TYPE BIGINT",
                        "ALTER TABLE t ADD COLUMN k INTEGER DISTKEY",
                        "CREATE INDEX i ON t (a)",
                        "CREATE TABLE t (a JSONB)",
                        "CREATE TABLE t (a INTEGER CHECK (a > 0))",
                        "CREATE TABLE t (a VARCHAR(65536))",
                        "CREATE TABLE t (a DECIMAL(39,0))",
                        "CREATE TABLE t (a INTEGER) DISTSTYLE KEY",
                        "CREATE TABLE t (a INTEGER) DISTKEY (b)",
                        "CREATE TABLE t (a INTEGER ENCODE fancy)",
                        "LOCK t IN SHARE MODE",
                        "VACUUM t",
                        "SELECT x->'a' FROM t",
                        "CREATE TABLE " + "n".repeat(128) + " (a INTEGER)")) {
            assertThat(plan(sql).refusal()).as(sql).isNotNull();
        }
    }

    @Test
    void truncateCommitsFirstAndAlterTypeMustBeOutsideABlock() {
        assertThat(plan("TRUNCATE TABLE \"s\".\"t\"").commitsFirst()).isTrue();
        Plan alter = plan("ALTER TABLE \"s\".\"t\" ALTER COLUMN \"c\" TYPE VARCHAR(20)");
        assertThat(alter.outsideBlockOnly()).isTrue();
        assertThat(alter.sql())
                .isEqualTo("ALTER TABLE \"s\".\"t\" ALTER COLUMN \"c\" TYPE VARCHAR(20)");
    }

    @Test
    void redshiftFunctionsAndCatalogViews() {
        assertThat(plan("SELECT pg_last_copy_count()").readsCopyCount()).isTrue();
        assertThat(plan("SELECT GETDATE(), 1 FROM information_schema.schemata").sql())
                .isEqualTo("SELECT b2r_emulator.getdate(), 1 FROM b2r_emulator.schemata");
        assertThat(plan("SELECT CAST(doc AS VARCHAR(10)) FROM t").sql())
                .isEqualTo("SELECT CAST(b2r_emulator.checked_text(doc) AS VARCHAR(10)) FROM t");
        assertThat(plan("SELECT column_name FROM SVV_REDSHIFT_COLUMNS WHERE distkey").sql())
                .isEqualTo(
                        "SELECT column_name FROM b2r_emulator.svv_redshift_columns WHERE distkey");
        assertThat(
                        plan("SELECT * FROM pg_catalog.svv_redshift_columns, pg_catalog . stl_load_errors")
                                .sql())
                .isEqualTo(
                        "SELECT * FROM b2r_emulator.svv_redshift_columns, b2r_emulator.stl_load_errors");
        assertThat(plan("SELECT * FROM shop.svv_redshift_columns").sql())
                .isEqualTo("SELECT * FROM shop.svv_redshift_columns");
    }

    @Test
    void layoutKeepsEncodingsAndTheSignsOfAnInterleavedSortKey() {
        Plan p =
                plan(
                        "CREATE TABLE t (a INTEGER ENCODE ZSTD, b INTEGER, c VARCHAR(4)) INTERLEAVED SORTKEY (b, c)");
        assertThat(p.layout().columns())
                .containsExactly(
                        new Plan.ColumnLayout("a", false, 0, "zstd"),
                        new Plan.ColumnLayout("b", false, 1, null),
                        new Plan.ColumnLayout("c", false, -2, null));
        assertThat(plan("ALTER TABLE s.t ALTER COLUMN c ENCODE lzo").layout().columns())
                .containsExactly(new Plan.ColumnLayout("c", false, 0, "lzo"));
    }
}
