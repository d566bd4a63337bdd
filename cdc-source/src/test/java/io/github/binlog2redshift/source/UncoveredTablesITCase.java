package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The at-least-once snapshot warning names the tables whose chunks carry no key range, read from
 * MariaDB's own catalog: integer keys (BIGINT UNSIGNED and DECIMAL without scale too) are covered.
 */
@ExtendWith(LocalStackExtension.class)
class UncoveredTablesITCase {

    @Test
    void tablesWithoutKeyOrSplitOnANonIntegerColumnAreNamed(MySqlDatabase db) throws Exception {
        sql(
                db,
                "CREATE TABLE ints (id INT PRIMARY KEY, v VARCHAR(5))",
                "CREATE TABLE big (id BIGINT UNSIGNED PRIMARY KEY)",
                "CREATE TABLE dec0 (id DECIMAL(20,0) PRIMARY KEY)",
                "CREATE TABLE dec2 (id DECIMAL(10,2) PRIMARY KEY)",
                "CREATE TABLE names (name VARCHAR(20), n INT, PRIMARY KEY (name, n))",
                "CREATE TABLE by_n (name VARCHAR(20), n INT, PRIMARY KEY (name, n))",
                "CREATE TABLE log (n INT, v VARCHAR(5))");
        String d = db.name();
        SourceConfig config =
                TestConfigs.source(
                        "source.database-list=" + d,
                        "source.chunk-key-columns=" + d + ".log=n;" + d + ".by_n=n",
                        "source.snapshot.chunk-size=100");
        List<TableId> captured =
                List.of(
                        TableId.of(d, "big"),
                        TableId.of(d, "by_n"),
                        TableId.of(d, "dec0"),
                        TableId.of(d, "dec2"),
                        TableId.of(d, "ints"),
                        TableId.of(d, "log"),
                        TableId.of(d, "names"));
        Set<TableId> keyed =
                captured.stream().filter(t -> !t.table().equals("log")).collect(Collectors.toSet());
        String described;
        try (Connection c = db.connect()) {
            described =
                    UncoveredTables.describe(
                            UncoveredTables.read(c, config, captured, keyed), config.chunkSize());
        }
        assertThat(described)
                .isEqualTo(
                        "without a primary key: "
                                + d
                                + ".log; split on a column that is not an integer, covered only"
                                + " when read in one chunk of source.snapshot.chunk-size=100 rows: "
                                + d
                                + ".dec2 (id decimal, about 0 rows), "
                                + d
                                + ".names (name varchar, about 0 rows)");
    }
}
