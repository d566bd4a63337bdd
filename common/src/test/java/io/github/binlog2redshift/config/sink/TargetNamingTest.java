package io.github.binlog2redshift.config.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetNamingTest {

    @Test
    void namesKeepDatabasesApartUnlessAskedToMerge() {
        assertThat(TargetNaming.DB_TABLE.resolve("ods", "Shop", "Orders"))
                .isEqualTo(new TargetTable("ods", "shop__orders"));
        assertThat(TargetNaming.DB_TABLE.resolve("ods", "crm", "orders"))
                .isNotEqualTo(TargetNaming.DB_TABLE.resolve("ods", "shop", "orders"));
        assertThat(TargetNaming.SCHEMA_PER_DATABASE.resolve("ods", "Shop", "Orders"))
                .isEqualTo(new TargetTable("shop", "orders"));
        assertThat(TargetNaming.TABLE_ONLY.resolve("ods", "shop_01", "orders"))
                .isEqualTo(new TargetTable("ods", "orders"));
    }
}
