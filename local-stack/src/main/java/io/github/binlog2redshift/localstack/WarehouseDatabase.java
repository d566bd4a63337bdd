package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.redshift.RedshiftServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database of its own on one {@link Warehouse} of the local stack: how to reach it as its user
 * with that warehouse's own JDBC driver, and the sink settings that point the sink at it.
 */
public record WarehouseDatabase(
        Warehouse kind, String host, int port, String name, String user, String password) {

    /**
     * The URL a client needs besides user and password: pgjdbc's for PostgreSQL; the Redshift
     * driver's for the local Redshift, with {@code ssl=false} because it has no TLS (as for a
     * cluster without TLS).
     */
    public String jdbcUrl() {
        return kind == Warehouse.REDSHIFT
                ? "jdbc:redshift://" + host + ":" + port + "/" + name + "?ssl=false"
                : "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** A connection as {@link #user()} through the warehouse's driver. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /**
     * The {@code sink.*} settings (docs/configuration.md) that point the sink at this database, as
     * a user writes them: for Redshift a {@code jdbc:redshift://} endpoint, and COPY with an IAM
     * role in the local S3's region. The staging path is the caller's: any file system for
     * PostgreSQL, an {@code s3://} prefix of the local S3 for Redshift.
     */
    public Map<String, String> sinkSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sink.target", kind.name());
        m.put("sink.jdbc.url", jdbcUrl());
        m.put("sink.redshift.username", user);
        // The local PostgreSQL trusts loopback and ignores it, but the option demands a password
        // with a user name.
        m.put("sink.redshift.password", password.isEmpty() ? "unused-by-trust-auth" : password);
        if (kind == Warehouse.REDSHIFT) {
            m.put("sink.redshift.iam-role", RedshiftServer.IAM_ROLE);
            m.put("sink.redshift.region", S3ProxyServer.REGION);
        }
        return m;
    }

    @Override
    public String toString() {
        return "WarehouseDatabase["
                + kind
                + " "
                + name
                + " on "
                + host
                + ":"
                + port
                + ", user "
                + user
                + "]";
    }
}
