package io.github.binlog2redshift.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own on the MySQL-protocol server, with an owner user (all privileges on it) and
 * a CDC user with least privileges (SELECT on it, REPLICATION SLAVE, REPLICATION CLIENT).
 */
public record MySqlDatabase(
        String host,
        int port,
        String name,
        String user,
        String password,
        String cdcUser,
        String cdcPassword) {

    /** The JDBC URL of this database for MySQL Connector/J. */
    public String jdbcUrl() {
        return jdbcUrl(host, port, name);
    }

    /** A connection as the owner. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    static String jdbcUrl(String host, int port, String database) {
        // The local server has no TLS; UTC keeps DATETIME/TIMESTAMP values free of the JVM's time
        // zone.
        return "jdbc:mysql://"
                + host
                + ":"
                + port
                + "/"
                + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    @Override
    public String toString() {
        // Records print every component; keep the passwords out of logs and assertion messages.
        return "MySqlDatabase[" + name + " on " + host + ":" + port + ", user " + user + "]";
    }
}
