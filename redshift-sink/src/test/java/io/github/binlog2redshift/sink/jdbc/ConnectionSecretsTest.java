package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A password in {@code sink.jdbc.url}, or read from a secret, shows in no toString and no
 * connection error of the jdbc package.
 */
class ConnectionSecretsTest {

    private static final String URL = "jdbc:nosuchdriver://h:5439/dev?user=u&password=hunter2-url";

    private static ConnectionSettings withUrl(String url) {
        return new ConnectionSettings(
                WarehouseKind.REDSHIFT,
                url,
                null,
                5439,
                null,
                "u",
                "hunter2-prop",
                null,
                null,
                true);
    }

    @Test
    void toStringsMaskTheUrlsPassword() {
        ConnectionSettings s = withUrl(URL);
        assertThat(s.toString())
                .doesNotContain("hunter2")
                .contains("jdbc:nosuchdriver://h:5439/dev?user=u&password=<hidden>");
        assertThat(ConnectionRequest.of(s).toString())
                .doesNotContain("hunter2")
                .contains("password=<hidden>");
    }

    @Test
    void noSuitableDriverDoesNotRepeatTheUrlsPassword() {
        // DriverManager's message quotes the whole URL.
        assertThatThrownBy(() -> new ConnectionProvider(withUrl(URL)).open())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("No suitable driver")
                .hasMessageContaining("password=<hidden>")
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
    }

    @Test
    void aDriverErrorQuotingThePasswordIsMasked() {
        SQLException e = new SQLException("login failed with password hunter2-s", "28P01", 7);
        SQLException masked = ConnectionProvider.withoutSecrets(e, "hunter2-s");
        assertThat(masked.getMessage()).isEqualTo("login failed with password <hidden>");
        assertThat(masked.getSQLState()).isEqualTo("28P01");
        assertThat(masked.getErrorCode()).isEqualTo(7);
        assertThat(masked.getStackTrace()).isEqualTo(e.getStackTrace());
        // Nothing to hide: the driver's own exception, class and cause intact.
        SQLException plain = new SQLTransientConnectionException("connection refused", "08001");
        assertThat((Object) ConnectionProvider.withoutSecrets(plain, "hunter2-s")).isSameAs(plain);
    }
}
