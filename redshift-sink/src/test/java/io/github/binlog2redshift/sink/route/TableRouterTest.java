package io.github.binlog2redshift.sink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TableRouterTest {

    private static TableRouter router(
            TargetNaming naming, List<String> include, List<String> exclude, RouteRule... rules) {
        return new TableRouter(
                new RoutingOptions(
                        "public",
                        naming,
                        include.stream().map(Pattern::compile).toList(),
                        exclude.stream().map(Pattern::compile).toList(),
                        List.of(rules)));
    }

    private static TargetTable target(TableRouter r, String db, String table) {
        return r.route(TableId.of(db, table)).orElseThrow().target();
    }

    private static RouteRule rule(
            String db, String table, String schema, String target, boolean exclude) {
        return new RouteRule(
                Pattern.compile(db),
                Pattern.compile(table),
                schema,
                target,
                List.of("pid"),
                exclude);
    }

    @Test
    void sameNamedTablesOfTwoDatabasesNeverCollideByDefault() {
        TableRouter r = router(TargetNaming.DB_TABLE, List.of(), List.of());
        assertThat(target(r, "Shop_EU", "Orders"))
                .isEqualTo(new TargetTable("public", "shop_eu__orders"));
        assertThat(target(r, "shop_us", "orders"))
                .isEqualTo(new TargetTable("public", "shop_us__orders"));
    }

    @Test
    void schemaPerDatabaseAndTableOnlyNaming() {
        TableRouter perDb =
                new TableRouter(RoutingOptions.of(TargetNaming.SCHEMA_PER_DATABASE, null));
        assertThat(target(perDb, "Shop", "Orders")).isEqualTo(new TargetTable("shop", "orders"));
        TableRouter tableOnly = router(TargetNaming.TABLE_ONLY, List.of(), List.of());
        assertThat(target(tableOnly, "shard_1", "orders"))
                .isEqualTo(target(tableOnly, "shard_2", "orders"));
    }

    @Test
    void rulesMatchWholeNamesNeverSubstrings() {
        TableRouter r =
                router(
                        TargetNaming.DB_TABLE,
                        List.of(),
                        List.of(),
                        rule("shop", "product", "dw", "products", false));
        assertThat(r.route(TableId.of("shop", "product")).orElseThrow())
                .isEqualTo(new Route(new TargetTable("dw", "products"), List.of("pid")));
        assertThat(target(r, "shop", "product_01"))
                .isEqualTo(new TargetTable("public", "shop__product_01"));
        assertThat(r.route(TableId.of("shop", "product_01")).orElseThrow().rulePrimaryKey())
                .isEmpty();
    }

    @Test
    void aRuleNamingOnlyTheTableKeepsTheNamingsSchema() {
        TableRouter r =
                router(
                        TargetNaming.SCHEMA_PER_DATABASE,
                        List.of(),
                        List.of(),
                        RouteRule.of("shard_\\d+", "orders", "all_orders"));
        assertThat(target(r, "shard_7", "orders"))
                .isEqualTo(new TargetTable("shard_7", "all_orders"));
    }

    @Test
    void includeExcludeAndExcludeRulesDropTables() {
        TableRouter r =
                router(
                        TargetNaming.DB_TABLE,
                        List.of("shop\\..*"),
                        List.of("shop\\.tmp_.*"),
                        rule("shop", "audit", null, null, true));
        assertThat(r.route(TableId.of("shop", "orders"))).isPresent();
        assertThat(r.route(TableId.of("shop", "tmp_1"))).isEmpty();
        assertThat(r.route(TableId.of("shop2", "orders"))).isEmpty();
        assertThat(r.route(TableId.of("shop", "audit"))).isEmpty();
    }

    @Test
    void optionsNameWhatIsWrong() {
        assertThatThrownBy(() -> new RoutingOptions(" ", TargetNaming.TABLE_ONLY, null, null, null))
                .hasMessageContaining("TABLE_ONLY needs a target schema");
    }

    @Test
    void keylessRowsAreKeyedByTheirWholeImage() {
        TargetTable t = new TargetTable("s", "t");
        String a = RowKeys.row(t, List.of(), Map.of("a", 1L, "b", "x"));
        assertThat(a).isEqualTo(RowKeys.row(t, List.of(), Map.of("b", "x", "a", 1L)));
        assertThat(a).isNotEqualTo(RowKeys.row(t, List.of(), Map.of("a", 1L, "b", "y")));
        assertThat(RowKeys.row(t, List.of("a"), Map.of("a", "1.x"))).isEqualTo("r|s.t.1\\.x");
    }
}
