package io.github.binlog2redshift.config.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TablePkOverrideTest {

    @Test
    void parsesTheReferenceFormat() {
        List<TablePkOverride> list =
                TablePkOverride.parseList(
                        "[{\"db\":\"shop\",\"table\":\"orders_\\\\d+\",\"primary_key\":\"order_id, region\","
                                + "\"column_max_length\":\"note=100|body=2000\"},"
                                + " {\"db\":\".*\",\"table\":\"events\",\"primary_key\":[\"id\"]}]");
        assertThat(list).hasSize(2);
        TablePkOverride first = list.get(0);
        assertThat(first.primaryKey()).containsExactly("order_id", "region");
        assertThat(first.columnMaxLength()).isEqualTo(Map.of("note", 100, "body", 2000));
        assertThat(first.matches("shop", "orders_12")).isTrue();
        assertThat(list.get(1).primaryKey()).containsExactly("id");
    }

    @Test
    void matchingIsAnchored() {
        TablePkOverride p =
                TablePkOverride.parseList(
                                "[{\"db\":\"shop\",\"table\":\"product\",\"primary_key\":\"id\"}]")
                        .get(0);
        assertThat(p.matches("shop", "product")).isTrue();
        assertThat(p.matches("shop", "product_01")).isFalse();
        assertThat(p.matches("shop", "old_product")).isFalse();
        assertThat(p.matches("shop_archive", "product")).isFalse();
    }

    @Test
    void errorsNameTheEntryAndField() {
        assertThatThrownBy(() -> TablePkOverride.parseList("[{\"db\":\"shop\"}]"))
                .hasMessage("entry 0: field 'table' is required");
        assertThatThrownBy(
                        () ->
                                TablePkOverride.parseList(
                                        "[{\"db\":\"a\",\"table\":\"b\",\"primary_keys\":\"id\"}]"))
                .hasMessage("entry 0: unknown field 'primary_keys'; did you mean 'primary_key'?");
        assertThatThrownBy(
                        () ->
                                TablePkOverride.parseList(
                                        "[{\"db\":\"a\",\"table\":\"b\",\"column_max_length\":\"note=lots\"}]"))
                .hasMessageContaining("expected col=N|col2=M with N >= 1, got 'note=lots'");
        assertThatThrownBy(() -> TablePkOverride.parseList("{\"db\":\"a\"}"))
                .hasMessage("not a JSON list [...]");
        assertThatThrownBy(() -> TablePkOverride.parseList("[{\"db\":\"a(\",\"table\":\"b\"}]"))
                .hasMessageContaining("field 'db': expected a regular expression");
    }

    @Test
    void badJsonIsReportedAgainstTheOption() {
        assertThatThrownBy(
                        () ->
                                SourceConfig.from(
                                        TestSettings.load(
                                                SourceOptions.ALL,
                                                TestSettings.validSource(
                                                        "source.table-pk-overrides=[{\"db\":1}"))))
                .hasMessageContaining(
                        "Invalid value for 'source.table-pk-overrides' (from properties file 'test.properties')")
                .hasMessageContaining(
                        "expected JSON list of {db, table, primary_key, column_max_length}")
                .hasMessageContaining("not valid JSON");
    }
}
