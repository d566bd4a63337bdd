package io.github.binlog2redshift.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database of its own on the local PostgreSQL server (the stand-in for Redshift). */
public record PostgresDatabase(String host, int port, String name, String user, String password) {

    /** The JDBC URL of this database for pgjdbc. */
    public String jdbcUrl() {
        return jdbcUrl(port, name);
    }

    /** A connection as {@link #user()}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + name + " on " + host + ":" + port + ", user " + user + "]";
    }
}
