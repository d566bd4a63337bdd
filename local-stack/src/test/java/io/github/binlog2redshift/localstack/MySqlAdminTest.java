package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MySqlAdminTest {

    @Test
    void externalServerComesFromTheEnvironment() {
        MySqlAdmin admin =
                MySqlAdmin.fromEnvironment(
                                Map.of(
                                        "B2R_MYSQL_URL", "jdbc:mysql://db.example:3307",
                                        "B2R_MYSQL_USER", "admin"))
                        .orElseThrow();
        assertThat(admin.host()).isEqualTo("db.example");
        assertThat(admin.port()).isEqualTo(3307);
        assertThat(admin.jdbcUrl("d1")).startsWith("jdbc:mysql://db.example:3307/d1?");
    }

    @Test
    void noUrlMeansTheLocalServer() {
        assertThat(MySqlAdmin.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void aMalformedUrlIsRejectedWithTheVariableName() {
        assertThatThrownBy(() -> MySqlAdmin.fromEnvironment(Map.of("B2R_MYSQL_URL", "db:3306")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B2R_MYSQL_URL")
                .hasMessageContaining("db:3306");
    }

    @Test
    void databaseNamesMustFitMySqlUserNames() {
        MySqlAdmin admin = new MySqlAdmin("127.0.0.1", 1, "root", "");
        assertThatThrownBy(() -> admin.createDatabase("a".repeat(26)))
                .hasMessageContaining("1-25 characters");
    }
}
