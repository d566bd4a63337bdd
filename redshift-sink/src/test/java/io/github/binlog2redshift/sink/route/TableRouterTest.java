package io.github.binlog2redshift.sink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TableRouterTest {

    private static TableRouter router(
            TableNaming naming, List<String> include, List<String> exclude, RouteRule... rules) {
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

    @Test
    void sameNamedTablesOfTwoDatabasesNeverCollideByDefault() {
        TableRouter r = new TableRouter(RoutingOptions.defaults(null));
        assertThat(target(r, "Shop_EU", "Orders")).isEqualTo(new TargetTable("shop_eu", "orders"));
        assertThat(target(r, "shop_us", "orders")).isEqualTo(new TargetTable("shop_us", "orders"));
    }

    @Test
    void prefixAndTableOnlyNamingUseTheConfiguredSchema() {
        assertThat(
                        target(
                                router(TableNaming.DATABASE_PREFIX, List.of(), List.of()),
                                "shop",
                                "Orders"))
                .isEqualTo(new TargetTable("public", "shop_orders"));
        TableRouter tableOnly = router(TableNaming.TABLE_ONLY, List.of(), List.of());
        assertThat(target(tableOnly, "shard_1", "orders"))
                .isEqualTo(target(tableOnly, "shard_2", "orders"));
    }

    @Test
    void rulesMatchWholeNamesNeverSubstrings() {
        TableRouter r =
                router(
                        TableNaming.SCHEMA_PER_DATABASE,
                        List.of(),
                        List.of(),
                        RouteRule.of("shop", "product", "dw.products", "pid"));
        assertThat(r.route(TableId.of("shop", "product")).orElseThrow())
                .isEqualTo(new Route(new TargetTable("dw", "products"), List.of("pid")));
        assertThat(target(r, "shop", "product_01"))
                .isEqualTo(new TargetTable("shop", "product_01"));
        assertThat(r.route(TableId.of("shop", "product_01")).orElseThrow().rulePrimaryKey())
                .isEmpty();
    }

    @Test
    void anUnqualifiedRuleTargetStaysInTheDefaultSchema() {
        TableRouter r =
                router(
                        TableNaming.SCHEMA_PER_DATABASE,
                        List.of(),
                        List.of(),
                        RouteRule.of("shard_\\d+", "orders", "all_orders"));
        assertThat(target(r, "shard_7", "orders"))
                .isEqualTo(new TargetTable("shard_7", "all_orders"));
    }

    @Test
    void includeAndExcludeMatchTheWholeQualifiedName() {
        TableRouter r =
                router(
                        TableNaming.SCHEMA_PER_DATABASE,
                        List.of("shop\\..*"),
                        List.of("shop\\.tmp_.*"));
        assertThat(r.route(TableId.of("shop", "orders"))).isPresent();
        assertThat(r.route(TableId.of("shop", "tmp_1"))).isEmpty();
        assertThat(r.route(TableId.of("shop2", "orders"))).isEmpty();
    }

    @Test
    void optionsNameWhatIsWrong() {
        assertThatThrownBy(() -> new RoutingOptions(" ", TableNaming.TABLE_ONLY, null, null, null))
                .hasMessageContaining("TABLE_ONLY needs a target schema");
        assertThatThrownBy(() -> RouteRule.of("a", "b", "x.y.z"))
                .hasMessageContaining("'schema.table', got 'x.y.z'");
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
