package io.github.binlog2redshift.sink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: two source tables that would share a warehouse table are refused at their first change,
 * the first claimer winning; merges the configuration asks for pass.
 */
class TargetClaimsTest {

    /** One store shared by every "subtask" of a test, as the warehouse's is. */
    private final ClaimStore.InMemory shared = new ClaimStore.InMemory();

    private TargetClaims claims(RoutingOptions routing, TableModes modes, SqlDialect dialect) {
        return new TargetClaims(routing, modes, dialect, () -> shared);
    }

    private TargetClaims claims(RoutingOptions routing) {
        return claims(routing, TableModes.defaults(), new RedshiftDialect());
    }

    private static void accepts(TableRouter router, String db, String table) {
        assertThatCode(() -> router.route(TableId.of(db, table))).doesNotThrowAnyException();
    }

    private static void refuses(TableRouter router, String db, String table, String... detail) {
        assertThatThrownBy(() -> router.route(TableId.of(db, table)))
                .isInstanceOfSatisfying(
                        RejectedRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.TARGET_COLLISION))
                .hasMessageContaining(detail[0])
                .satisfies(e -> assertThat(e.getMessage()).contains(List.of(detail)));
    }

    @Test
    void tablesThatDifferOnlyInCaseAreOneTargetAndTheFirstWins() {
        RoutingOptions routing = RoutingOptions.of(TargetNaming.DB_TABLE, "public");
        TableRouter subtask0 = new TableRouter(routing, claims(routing));
        TableRouter subtask1 = new TableRouter(routing, claims(routing));
        accepts(subtask0, "shop", "Orders");
        refuses(
                subtask1,
                "shop",
                "orders",
                "source table shop.orders would be loaded into public.shop__orders",
                "which source table shop.Orders claimed first");
        // Decided once: the first claimer keeps going, on any subtask, the other keeps failing.
        accepts(subtask1, "shop", "Orders");
        accepts(subtask0, "shop", "Orders");
        refuses(subtask0, "shop", "orders", "shop.Orders claimed first");
    }

    @Test
    void dbTableNamingJoinsWithTwoUnderscoresSoTheseCollide() {
        RoutingOptions routing = RoutingOptions.of(TargetNaming.DB_TABLE, "public");
        TableRouter router = new TableRouter(routing, claims(routing));
        accepts(router, "a__b", "c");
        refuses(router, "a", "b__c", "public.a__b__c", "source table a__b.c claimed first");
    }

    @Test
    void aSourceTableAndAnotherTablesSideTableCollideWhicheverComesFirst() {
        RoutingOptions routing = RoutingOptions.of(TargetNaming.SCHEMA_PER_DATABASE, null);
        TableMode d = TableMode.defaults();
        TableMode history =
                new TableMode(
                        false,
                        DeleteHandling.APPLY,
                        DeleteArchive.NONE,
                        true,
                        d.distStyle(),
                        d.sortKey());
        TableModes modes =
                new TableModes(
                        List.of(
                                new TableModes.Entry(
                                        Pattern.compile("shop"),
                                        Pattern.compile("orders"),
                                        history)),
                        d);
        TableRouter router =
                new TableRouter(routing, claims(routing, modes, new PostgresDialect()));
        accepts(router, "shop", "orders");
        refuses(
                router,
                "shop",
                "orders_history",
                "source table shop.orders_history would be loaded into shop.orders_history",
                "which source table shop.orders claimed first as its history table");

        // The other way round: the plain table first, then the history table's owner is refused.
        TableRouter other =
                new TableRouter(
                        routing,
                        new TargetClaims(
                                routing, modes, new PostgresDialect(), ClaimStore.inMemory()));
        accepts(other, "shop", "orders_history");
        refuses(
                other,
                "shop",
                "orders",
                "(its history table)",
                "shop.orders_history claimed first");
        // All or nothing: the refused table took none of its names (its tombstones are free).
        accepts(other, "shop", "orders_b2r_deleted");
    }

    @Test
    void tombstoneAndLedgerNamesAreClaimedToo() {
        RoutingOptions routing = RoutingOptions.of(TargetNaming.SCHEMA_PER_DATABASE, null);
        TableRouter router = new TableRouter(routing, claims(routing));
        accepts(router, "shop", "orders");
        refuses(router, "shop", "orders_b2r_deleted", "as its tombstones table");
        refuses(router, "shop", "ORDERS_b2r_ledger", "as its ledger table");
    }

    @Test
    void mergesTheConfigurationAsksForAreOneClaimant() {
        // TABLE_ONLY: same-named tables of sharded databases share their target.
        RoutingOptions tableOnly = RoutingOptions.of(TargetNaming.TABLE_ONLY, "public");
        TableRouter sharded = new TableRouter(tableOnly, claims(tableOnly));
        accepts(sharded, "shard_1", "orders");
        accepts(sharded, "shard_2", "orders");
        refuses(sharded, "shard_3", "Orders", "shard_1.orders claimed first");

        // A rule that names the target merges every table it matches.
        RoutingOptions rule =
                new RoutingOptions(
                        "public",
                        TargetNaming.DB_TABLE,
                        List.of(),
                        List.of(),
                        List.of(RouteRule.of("shop", "orders_\\d+", "all_orders", "id")));
        TableRouter merged =
                new TableRouter(
                        rule,
                        new TargetClaims(
                                rule,
                                TableModes.defaults(),
                                new RedshiftDialect(),
                                ClaimStore.inMemory()));
        accepts(merged, "shop", "orders_1");
        accepts(merged, "shop", "orders_2");
        accepts(merged, "shop", "orders_1");
    }

    @Test
    void namesAreComparedAsEachWarehouseStoresThem() {
        // Two rules name targets that differ in case only: one table on Redshift (it folds),
        // two on PostgreSQL (it keeps quoted names as written).
        RoutingOptions rules =
                new RoutingOptions(
                        "public",
                        TargetNaming.DB_TABLE,
                        List.of(),
                        List.of(),
                        List.of(
                                RouteRule.of("a", "x", "Totals", "id"),
                                RouteRule.of("b", "y", "totals", "id")));
        TableRouter redshift =
                new TableRouter(
                        rules,
                        new TargetClaims(
                                rules,
                                TableModes.defaults(),
                                new RedshiftDialect(),
                                ClaimStore.inMemory()));
        accepts(redshift, "a", "x");
        refuses(redshift, "b", "y", "public.totals", "source table a.x claimed first");
        TableRouter postgres =
                new TableRouter(
                        rules,
                        new TargetClaims(
                                rules,
                                TableModes.defaults(),
                                new PostgresDialect(),
                                ClaimStore.inMemory()));
        accepts(postgres, "a", "x");
        accepts(postgres, "b", "y");

        // Long names are cut with a hash of the whole name: two long names stay apart.
        RoutingOptions naming = RoutingOptions.of(TargetNaming.DB_TABLE, "public");
        TableRouter longNames =
                new TableRouter(
                        naming,
                        new TargetClaims(
                                naming,
                                TableModes.defaults(),
                                new PostgresDialect(),
                                ClaimStore.inMemory()));
        accepts(longNames, "inventory_management_system", "warehouse_stock_movements_2023");
        accepts(longNames, "inventory_management_system", "warehouse_stock_movements_2024");
    }

    @Test
    void withoutClaimsTheRouterChecksNothing() {
        RoutingOptions routing = RoutingOptions.of(TargetNaming.DB_TABLE, "public");
        TableRouter router = new TableRouter(routing);
        accepts(router, "shop", "Orders");
        accepts(router, "shop", "orders");
    }
}
