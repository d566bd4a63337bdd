package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoSchemaTest {

    @Test
    void scriptHasTheDatabasesAndEveryTableWithAPrimaryKey() {
        var statements = DemoSchema.statements();
        assertThat(statements).hasSize(2 + DemoSchema.TABLES.size());
        assertThat(statements.get(0)).isEqualTo("CREATE DATABASE shop");
        for (String table : DemoSchema.TABLES) {
            assertThat(statements)
                    .anyMatch(
                            s ->
                                    s.startsWith("CREATE TABLE " + table + " (")
                                            && s.contains("PRIMARY KEY"));
        }
        assertThat(statements).noneMatch(s -> s.contains("--"));
    }
}
