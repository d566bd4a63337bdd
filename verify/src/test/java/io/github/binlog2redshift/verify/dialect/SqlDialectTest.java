package io.github.binlog2redshift.verify.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.verify.canon.ValueKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    private static ScanSpec spec(String live) {
        return new ScanSpec(
                "shop",
                "orders",
                List.of("id", "region", "amount"),
                2,
                List.of(ValueKind.INTEGER, ValueKind.TEXT),
                live);
    }

    @Test
    void warehouseSessionsPrintUtcAndRedshiftEveryDigitOfADouble() {
        assertThat(new PostgresDialect().sessionSettings()).containsExactly("SET TIME ZONE 'UTC'");
        assertThat(new RedshiftDialect().sessionSettings())
                .containsExactly("SET TIME ZONE 'UTC'", "SET extra_float_digits TO 2");
    }

    @Test
    void mySqlSortsTextKeysByCodePoint() {
        assertThat(new MySqlDialect().select(spec(null), false, false))
                .isEqualTo(
                        "SELECT `id`, `region`, `amount` FROM `shop`.`orders`"
                                + " ORDER BY `id`, CONVERT(`region` USING utf8mb4) COLLATE utf8mb4_bin");
    }

    @Test
    void mySqlSelectsFloatInADoubleContextForTheExactStoredValue() {
        ScanSpec spec =
                new ScanSpec(
                        "shop",
                        "orders",
                        List.of("id", "weight"),
                        1,
                        List.of(ValueKind.INTEGER),
                        null,
                        List.of(ValueKind.INTEGER, ValueKind.FLOAT));
        assertThat(new MySqlDialect().select(spec, false, false))
                .isEqualTo("SELECT `id`, (`weight` + 0E0) FROM `shop`.`orders` ORDER BY `id`");
        assertThat(new PostgresDialect().select(spec, false, false))
                .isEqualTo("SELECT \"id\", \"weight\" FROM \"shop\".\"orders\" ORDER BY \"id\"");
    }

    @Test
    void aTableWithoutAKeyIsReadUnordered() {
        ScanSpec spec =
                new ScanSpec(
                        "shop",
                        "log",
                        List.of("a", "b"),
                        0,
                        List.of(),
                        null,
                        List.of(ValueKind.INTEGER, ValueKind.TEXT));
        assertThat(new MySqlDialect().select(spec, false, false))
                .isEqualTo("SELECT `a`, `b` FROM `shop`.`log`");
        assertThat(new RedshiftDialect().select(spec, false, false))
                .isEqualTo("SELECT \"a\", \"b\" FROM \"shop\".\"log\"");
    }

    @Test
    void postgresRangeWithLiveRowPredicate() {
        PostgresDialect pg = new PostgresDialect();
        String live = pg.notSoftDeleted("_b2r_deleted");
        assertThat(pg.select(spec(live), true, true))
                .isEqualTo(
                        "SELECT \"id\", \"region\", \"amount\" FROM \"shop\".\"orders\""
                                + " WHERE COALESCE(\"_b2r_deleted\", FALSE) = FALSE"
                                + " AND (\"id\" > ? OR (\"id\" = ? AND \"region\" COLLATE \"C\" > ?))"
                                + " AND (\"id\" < ? OR (\"id\" = ? AND \"region\" COLLATE \"C\" <= ?))"
                                + " ORDER BY \"id\", \"region\" COLLATE \"C\"");
        assertThat(pg.count(spec(live)))
                .isEqualTo(
                        "SELECT COUNT(*) FROM \"shop\".\"orders\" WHERE COALESCE(\"_b2r_deleted\", FALSE) = FALSE");
    }

    @Test
    void redshiftHasNoCollationClauseAndNoRowValues() {
        assertThat(new RedshiftDialect().select(spec(null), false, true))
                .isEqualTo(
                        "SELECT \"id\", \"region\", \"amount\" FROM \"shop\".\"orders\""
                                + " WHERE (\"id\" < ? OR (\"id\" = ? AND \"region\" <= ?))"
                                + " ORDER BY \"id\", \"region\"");
    }

    @Test
    void boundParametersFollowTheExpandedPredicate() {
        assertThat(SqlDialect.boundParameterOrder(1)).containsExactly(0);
        assertThat(SqlDialect.boundParameterOrder(3)).containsExactly(0, 0, 1, 0, 1, 2);
    }

    @Test
    void identifiersAreQuotedSafely() {
        assertThat(new MySqlDialect().quote("a`b")).isEqualTo("`a``b`");
        assertThat(new PostgresDialect().quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
