package io.github.binlog2redshift.config.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRuleTest {

    private static TableRule one(String json) {
        List<TableRule> rules = TableRule.parseList("[" + json + "]");
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }

    @Test
    void parsesAReferenceEntry() {
        TableRule r =
                one(
                        "{\"db\":\"shop\",\"table\":\"orders\",\"primary_key\":\"id,region\",\"target_table\":\"orders_all\","
                                + "\"ignore_ddl\":\"true\",\"save_delete\":true,\"super_columns\":\"payload\","
                                + "\"timestamp_columns\":\"created_at,updated_at=YYYY-MM-DD HH:MI:SS\",\"date_columns\":[\"birthday\"]}");
        assertThat(r.primaryKey()).containsExactly("id", "region");
        assertThat(r.targetTable()).contains("orders_all");
        assertThat(r.targetSchema()).isEmpty();
        assertThat(r.ignoreDdl()).isTrue();
        assertThat(r.deletes()).isEqualTo(DeleteHandling.APPLY);
        assertThat(r.deleteArchive()).isEqualTo(DeleteArchive.ALSO_SAVE);
        assertThat(r.superColumns()).containsExactly("payload");
        assertThat(r.timestampColumns())
                .isEqualTo(Map.of("created_at", "auto", "updated_at", "YYYY-MM-DD HH:MI:SS"));
        assertThat(r.dateColumns()).isEqualTo(Map.of("birthday", "auto"));
    }

    @Test
    void redshiftLayoutFieldsAreTyped() {
        TableRule r =
                one(
                        "{\"db\":\"shop\",\"table\":\"orders\",\"dist_style\":\"even\",\"sort_key\":\"created_at,id\"}");
        assertThat(r.distStyle()).contains(SchemaPolicy.DistStyle.EVEN);
        assertThat(r.sortKey()).containsExactly("created_at", "id");
        assertThat(one("{\"db\":\"a\",\"table\":\"b\"}").distStyle()).isEmpty();
        assertThatThrownBy(() -> one("{\"db\":\"a\",\"table\":\"b\",\"dist_style\":\"diagonal\"}"))
                .hasMessageContaining(
                        "field 'dist_style': expected one of KEY|AUTO|EVEN|ALL, got \"diagonal\"");
    }

    @Test
    void matchingIsAnchored() {
        TableRule r = one("{\"db\":\"shop\",\"table\":\"product\"}");
        assertThat(r.matches("shop", "product")).isTrue();
        assertThat(r.matches("shop", "product_01")).isFalse();
        assertThat(r.matches("myshop", "product")).isFalse();
        assertThat(
                        one("{\"db\":\"shop_\\\\d+\",\"table\":\"product(_\\\\d+)?\"}")
                                .matches("shop_3", "product_01"))
                .isTrue();
    }

    @Test
    void booleansAreStrict() {
        assertThat(one("{\"db\":\"a\",\"table\":\"b\",\"skip_delete\":\"TRUE\"}").deletes())
                .isEqualTo(DeleteHandling.SKIP);
        assertThat(one("{\"db\":\"a\",\"table\":\"b\",\"soft_delete\":true}").deletes())
                .isEqualTo(DeleteHandling.SOFT);
        assertThat(one("{\"db\":\"a\",\"table\":\"b\",\"history\":\"false\"}").history()).isFalse();
        assertThatThrownBy(() -> one("{\"db\":\"a\",\"table\":\"b\",\"skip_delete\":\"ture\"}"))
                .hasMessage("entry 0, field 'skip_delete': expected true or false, got \"ture\"");
        assertThatThrownBy(() -> one("{\"db\":\"a\",\"table\":\"b\",\"history\":1}"))
                .hasMessage("entry 0, field 'history': expected true or false, got 1");
    }

    @Test
    void contradictoryDeleteOptionsAreRejected() {
        assertThatThrownBy(
                        () ->
                                one(
                                        "{\"db\":\"a\",\"table\":\"b\",\"skip_delete\":true,\"soft_delete\":true}"))
                .hasMessage("entry 0: skip_delete and soft_delete contradict each other");
        assertThatThrownBy(
                        () ->
                                one(
                                        "{\"db\":\"a\",\"table\":\"b\",\"save_delete\":true,\"only_save_delete\":true}"))
                .hasMessage("entry 0: set save_delete or only_save_delete, not both");
        assertThatThrownBy(
                        () ->
                                one(
                                        "{\"db\":\"a\",\"table\":\"b\",\"only_save_delete\":true,\"skip_delete\":true}"))
                .hasMessageContaining("only_save_delete does not write the target");
        assertThat(one("{\"db\":\"a\",\"table\":\"b\",\"only_save_delete\":true}").deleteArchive())
                .isEqualTo(DeleteArchive.ONLY_SAVE);
    }

    @Test
    void excludeRulesTakeNoOtherFields() {
        assertThat(one("{\"db\":\"a\",\"table\":\"b\",\"exclude\":true}").exclude()).isTrue();
        assertThatThrownBy(
                        () ->
                                one(
                                        "{\"db\":\"a\",\"table\":\"b\",\"exclude\":true,\"primary_key\":\"id\"}"))
                .hasMessage("entry 0: an exclude rule takes only db, table and exclude");
    }

    @Test
    void unknownFieldsGetASuggestion() {
        assertThatThrownBy(() -> one("{\"db\":\"a\",\"table\":\"b\",\"skip_deletes\":true}"))
                .hasMessage("entry 0: unknown field 'skip_deletes'; did you mean 'skip_delete'?");
        assertThatThrownBy(
                        () ->
                                TableRule.parseList(
                                        "[{\"db\":\"a\",\"table\":\"b\"}, {\"table\":\"c\"}]"))
                .hasMessage("entry 1: field 'db' is required");
    }

    @Test
    void keylessModeIsTypedAndSoftDeletesKeepChangeLogs() {
        assertThat(one("{\"db\":\"a\",\"table\":\"b\",\"keyless\":\"Append\"}").keyless())
                .contains(KeylessMode.APPEND);
        TableRule plain = one("{\"db\":\"a\",\"table\":\"b\"}");
        assertThat(plain.keyless()).isEmpty();
        assertThat(plain.keylessMode(KeylessMode.MIRROR)).isEqualTo(KeylessMode.MIRROR);
        assertThat(plain.keylessMode(KeylessMode.APPEND)).isEqualTo(KeylessMode.APPEND);
        assertThat(
                        one("{\"db\":\"a\",\"table\":\"b\",\"soft_delete\":true}")
                                .keylessMode(KeylessMode.MIRROR))
                .isEqualTo(KeylessMode.APPEND);
        assertThatThrownBy(() -> one("{\"db\":\"a\",\"table\":\"b\",\"keyless\":\"copy\"}"))
                .hasMessageContaining(
                        "field 'keyless': expected one of mirror|append, got \"copy\"");
        assertThatThrownBy(
                        () ->
                                one(
                                        "{\"db\":\"a\",\"table\":\"b\",\"keyless\":\"mirror\","
                                                + "\"soft_delete\":true}"))
                .hasMessageContaining("soft_delete and keyless=mirror contradict each other");
    }
}
