package io.github.binlog2redshift.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.TableId;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Which names the source leaves out, checked with the table filter Flink CDC builds from our table
 * list (Debezium's include-list matching), so the preflight, the running check and Flink CDC agree.
 */
class TableNamesTest {

    static final String LONG = "x".repeat(64);

    /** Carried by Flink CDC 3.5.0 (OddTableNamesITCase runs each of them). */
    static final List<String> CAPTURABLE =
            List.of(
                    "orders",
                    "sp ace",
                    "dot.ted",
                    "dq\"mid",
                    "bt`mid",
                    "ünïcödé_表",
                    LONG,
                    " lead",
                    "dash-ed",
                    "dqend\"x");

    /** Each of these fails the whole job when Flink CDC captures it. */
    static final List<String> UNCAPTURABLE =
            List.of(
                    "Weird Table \"1\"",
                    "\"dq\"",
                    "dqend\"",
                    "`bt`",
                    "btend`",
                    "sq'mid",
                    "'sq'",
                    "dot.`ted",
                    "dot\".ted");

    @Test
    void theRuleAndFlinkCdcsFilterAgreeForEveryTableList() {
        for (String tableList : List.of("-source.table-list", "source.table-list=shop\\..*")) {
            MySqlSourceConfig built =
                    MySqlSourceFactory.create(
                                    TestConfigs.source("source.database-list=shop", tableList))
                            .getConfigFactory()
                            .createConfig(0);
            Predicate<io.debezium.relational.TableId> filter = built.getTableFilter();
            for (String t : CAPTURABLE) {
                assertThat(TableNames.capturable(TableId.of("shop", t))).as(t).isTrue();
                assertThat(filter.test(new io.debezium.relational.TableId("shop", null, t)))
                        .as("%s with %s", t, tableList)
                        .isTrue();
            }
            for (String t : UNCAPTURABLE) {
                assertThat(TableNames.capturable(TableId.of("shop", t))).as(t).isFalse();
                assertThat(filter.test(new io.debezium.relational.TableId("shop", null, t)))
                        .as("%s with %s", t, tableList)
                        .isFalse();
            }
            assertThat(filter.test(new io.debezium.relational.TableId("other", null, "orders")))
                    .isFalse();
        }
    }

    @Test
    void databaseNamesFollowTheSameRule() {
        assertThat(TableNames.capturable(TableId.of("it's", "orders"))).isFalse();
        assertThat(TableNames.capturable(TableId.of("`shop`", "orders"))).isFalse();
        assertThat(TableNames.capturable(TableId.of("my shop", "orders"))).isTrue();
    }

    @Test
    void theProblemNamesTheTableAndTheFix() {
        assertThat(TableNames.problem(TableId.of("shop", "Weird Table \"1\"")).orElseThrow())
                .isEqualTo(
                        "table `shop`.`Weird Table \"1\"` has a backtick or double quote at the"
                                + " start or end of a name, which Flink CDC 3.5 cannot capture: it"
                                + " is skipped; rename it (RENAME TABLE) to capture it");
        assertThat(TableNames.problem(TableId.of("shop", "sq'mid")).orElseThrow())
                .contains("has a single quote in its name");
        assertThat(TableNames.problem(TableId.of("shop", "sp ace"))).isEmpty();
    }

    @Test
    void thePatternsHaveNoCommaForDebeziumToSplitOn() {
        assertThat(TableNames.capturableOnly("shop\\..*")).doesNotContain(",");
    }
}
