package io.github.binlog2redshift.verify.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.event.TableId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultTableMappingTest {

    @Test
    void oneSchemaPerDatabaseUnlessFixedOrOverridden() {
        TableId orders = TableId.of("Shop", "Orders");
        assertThat(
                        new DefaultTableMapping(TargetNaming.SCHEMA_PER_DATABASE, null, Map.of())
                                .targetOf(orders))
                .isEqualTo(new TargetName("shop", "orders"));
        assertThat(
                        new DefaultTableMapping(TargetNaming.TABLE_ONLY, "mirror", Map.of())
                                .targetOf(orders))
                .isEqualTo(new TargetName("mirror", "orders"));
        assertThat(
                        new DefaultTableMapping(TargetNaming.DB_TABLE, "mirror", Map.of())
                                .targetOf(orders))
                .isEqualTo(new TargetName("mirror", "shop__orders"));
        Map<String, TargetName> overrides =
                Map.of("Shop.Orders", DefaultTableMapping.parseTarget("dw.order_facts"));
        assertThat(
                        new DefaultTableMapping(TargetNaming.SCHEMA_PER_DATABASE, null, overrides)
                                .targetOf(orders))
                .isEqualTo(new TargetName("dw", "order_facts"));
    }

    @Test
    void dbTableIsTheSinksNamingWithTwoUnderscores() {
        TableMapping mapping = new DefaultTableMapping(TargetNaming.DB_TABLE, "public", Map.of());
        assertThat(mapping.targetOf(TableId.of("crm", "Users")))
                .isEqualTo(new TargetName("public", "crm__users"));
        assertThat(mapping.targetOf(TableId.of("shop", "users")))
                .isEqualTo(new TargetName("public", "shop__users"));
    }

    @Test
    void namingsIntoOneSchemaNeedTheSchema() {
        assertThatThrownBy(() -> new DefaultTableMapping(TargetNaming.TABLE_ONLY, null, Map.of()))
                .hasMessageContaining("table naming TABLE_ONLY needs a target schema, got 'null'");
    }

    @Test
    void targetNameMustHaveASchema() {
        assertThatThrownBy(() -> DefaultTableMapping.parseTarget("orders"))
                .hasMessageContaining("schema.table, got 'orders'");
    }

    @Test
    void patternsMatchTheWholeName() {
        TableSelector selector = new TableSelector(List.of("shop\\.product"), List.of());
        assertThat(selector.selects(TableId.of("shop", "product"))).isTrue();
        assertThat(selector.selects(TableId.of("shop", "product_01"))).isFalse();
        TableSelector excluding = new TableSelector(List.of(), List.of("shop\\.tmp_.*"));
        assertThat(excluding.selects(TableId.of("shop", "tmp_x"))).isFalse();
        assertThat(excluding.selects(TableId.of("crm", "users"))).isTrue();
    }
}
