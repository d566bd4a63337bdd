package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.redshift.RedshiftServer;
import org.junit.jupiter.api.Test;

class WarehouseDatabaseTest {

    @Test
    void postgresIsReachedThroughPgjdbcAndAPlaceholderPasswordForTrust() {
        var db = new WarehouseDatabase(Warehouse.POSTGRES, "127.0.0.1", 5432, "w1", "postgres", "");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/w1");
        assertThat(db.sinkSettings())
                .containsEntry("sink.target", "POSTGRES")
                .containsEntry("sink.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/w1")
                .containsEntry("sink.redshift.username", "postgres")
                .containsEntry("sink.redshift.password", "unused-by-trust-auth")
                .doesNotContainKeys("sink.redshift.iam-role", "sink.redshift.region");
    }

    @Test
    void redshiftIsReachedThroughTheRedshiftDriverWithoutTlsAndCopiesWithAnIamRole() {
        var db = new WarehouseDatabase(Warehouse.REDSHIFT, "127.0.0.1", 40000, "w2", "w2", "pw");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:redshift://127.0.0.1:40000/w2?ssl=false");
        assertThat(db.sinkSettings())
                .containsEntry("sink.target", "REDSHIFT")
                .containsEntry("sink.jdbc.url", "jdbc:redshift://127.0.0.1:40000/w2?ssl=false")
                .containsEntry("sink.redshift.password", "pw")
                .containsEntry("sink.redshift.iam-role", RedshiftServer.IAM_ROLE)
                .containsEntry("sink.redshift.region", S3ProxyServer.REGION);
        assertThat(Warehouse.REDSHIFT.optionValue()).isEqualTo("redshift");
    }
}
