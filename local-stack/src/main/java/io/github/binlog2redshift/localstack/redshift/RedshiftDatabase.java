package io.github.binlog2redshift.localstack.redshift;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database of its own on the local Redshift, with the user that owns it. Connect with the real
 * {@code com.amazon.redshift.jdbc.Driver}; the emulator has no TLS, so {@link #connect()} passes
 * {@code ssl=false} as a client of a cluster without TLS would.
 */
public record RedshiftDatabase(String host, int port, String name, String user, String password) {

    /** {@code jdbc:redshift://127.0.0.1:<port>/<name>}. */
    public String jdbcUrl() {
        return "jdbc:redshift://" + host + ":" + port + "/" + name;
    }

    /** A connection through the Redshift JDBC driver as {@link #user()}. */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ssl", "false");
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    @Override
    public String toString() {
        return "RedshiftDatabase[" + name + " on " + host + ":" + port + ", user " + user + "]";
    }
}
