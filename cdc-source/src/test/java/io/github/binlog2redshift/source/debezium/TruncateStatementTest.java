package io.github.binlog2redshift.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.TableId;
import org.junit.jupiter.api.Test;

/** The tables a TRUNCATE's text names. */
class TruncateStatementTest {

    @Test
    void withAndWithoutTheTableKeyword() {
        assertThat(TruncateStatement.tables("TRUNCATE TABLE orders", "shop"))
                .containsExactly(TableId.of("shop", "orders"));
        assertThat(TruncateStatement.tables("truncate orders", "shop"))
                .containsExactly(TableId.of("shop", "orders"));
        assertThat(TruncateStatement.tables("Truncate Table tablets", "shop"))
                .containsExactly(TableId.of("shop", "tablets"));
    }

    @Test
    void qualifiedAndQuotedNames() {
        assertThat(TruncateStatement.tables("TRUNCATE `other`.`a.b`", "shop"))
                .containsExactly(TableId.of("other", "a.b"));
        assertThat(TruncateStatement.tables("TRUNCATE TABLE other . orders", "shop"))
                .containsExactly(TableId.of("other", "orders"));
        assertThat(TruncateStatement.tables("TRUNCATE TABLE `we``ird`", "shop"))
                .containsExactly(TableId.of("shop", "we`ird"));
        assertThat(TruncateStatement.tables("TRUNCATE TABLE \"ansi\"", "shop"))
                .containsExactly(TableId.of("shop", "ansi"));
        assertThat(TruncateStatement.tables("TRUNCATE TABLE `table`", "shop"))
                .containsExactly(TableId.of("shop", "table"));
        assertThat(TruncateStatement.tables("TRUNCATE TABLE café", "shop"))
                .containsExactly(TableId.of("shop", "café"));
    }

    @Test
    void severalTablesOneEach() {
        // MySQL and MariaDB refuse this (one table per TRUNCATE); Debezium's grammar accepts it.
        assertThat(TruncateStatement.tables("TRUNCATE TABLE a, other.b ,`c`", "shop"))
                .containsExactly(
                        TableId.of("shop", "a"), TableId.of("other", "b"), TableId.of("shop", "c"));
    }

    @Test
    void commentsWaitAndSemicolon() {
        assertThat(
                        TruncateStatement.tables(
                                "/* by ops */ TRUNCATE /*!40000 TABLE */ orders -- nightly\n;",
                                "shop"))
                .containsExactly(TableId.of("shop", "orders"));
        assertThat(TruncateStatement.tables("TRUNCATE TABLE orders WAIT 5", "shop"))
                .containsExactly(TableId.of("shop", "orders"));
        assertThat(TruncateStatement.tables("# x\nTRUNCATE orders NOWAIT;", "shop"))
                .containsExactly(TableId.of("shop", "orders"));
    }

    @Test
    void otherStatementsNameNoTable() {
        assertThat(TruncateStatement.tables("CREATE DATABASE x2", "shop")).isEmpty();
        assertThat(TruncateStatement.tables("ALTER TABLE t TRUNCATE PARTITION p0", "shop"))
                .isEmpty();
        assertThat(TruncateStatement.tables("TRUNCATED", "shop")).isEmpty();
        assertThat(TruncateStatement.tables("", "shop")).isEmpty();
    }

    @Test
    void anUnreadableTruncateFailsNamingIt() {
        assertThatThrownBy(() -> TruncateStatement.tables("TRUNCATE TABLE", "shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'TRUNCATE TABLE'");
        assertThatThrownBy(() -> TruncateStatement.tables("TRUNCATE TABLE `open", "shop"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TruncateStatement.tables("TRUNCATE TABLE a b", "shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected text");
        assertThatThrownBy(() -> TruncateStatement.tables("TRUNCATE a", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no database for table a");
    }
}
