package io.github.binlog2redshift.localstack;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates databases and users on a MySQL-protocol server: the local {@link MariaDbServer} or an
 * existing MySQL/MariaDB named by environment variables (see {@link #fromEnvironment(Map)}).
 *
 * <p>Each database gets two users: an owner with all privileges on it (for the test's DDL and DML),
 * and a CDC user with only what Flink CDC needs: {@code SELECT} on the database, {@code REPLICATION
 * SLAVE} and {@code REPLICATION CLIENT} (MariaDB's {@code BINLOG MONITOR}) globally.
 */
public final class MySqlAdmin {
    /**
     * JDBC URL of an existing server, e.g. {@code jdbc:mysql://127.0.0.1:3306}; binlog must be
     * ROW/FULL.
     */
    public static final String URL_VARIABLE = "B2R_MYSQL_URL";

    /**
     * User allowed to create databases and users and to grant replication privileges (default
     * root).
     */
    public static final String USER_VARIABLE = "B2R_MYSQL_USER";

    /** Password of that user (default empty). */
    public static final String PASSWORD_VARIABLE = "B2R_MYSQL_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(MySqlAdmin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public MySqlAdmin(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * The server named by {@value #URL_VARIABLE}, {@value #USER_VARIABLE} and {@value
     * #PASSWORD_VARIABLE} in {@code environment}, or empty when the URL is not set.
     */
    public static Optional<MySqlAdmin> fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:mysql://") && !url.startsWith("jdbc:mariadb://")) {
            throw new IllegalArgumentException(
                    URL_VARIABLE + " must look like jdbc:mysql://host:port, got: " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        return Optional.of(
                new MySqlAdmin(
                        uri.getHost(),
                        uri.getPort() < 0 ? 3306 : uri.getPort(),
                        environment.getOrDefault(USER_VARIABLE, "root"),
                        environment.getOrDefault(PASSWORD_VARIABLE, "")));
    }

    /**
     * Creates database {@code name} (at most 25 characters, letters, digits and {@code _}) with its
     * owner and CDC users, named {@code name} and {@code name_cdc}.
     */
    public MySqlDatabase createDatabase(String name) {
        if (!name.matches("[a-z0-9_]{1,25}")) {
            throw new IllegalArgumentException(
                    "database name must be 1-25 characters of [a-z0-9_] (MySQL user names are limited"
                            + " to 32 characters), got: "
                            + name);
        }
        String ownerPassword = newPassword();
        String cdcUser = name + "_cdc";
        String cdcPassword = newPassword();
        try (Connection c = connect("");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "`");
            s.execute("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + ownerPassword + "'");
            s.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + name + "'@'%'");
            s.execute("CREATE USER '" + cdcUser + "'@'%' IDENTIFIED BY '" + cdcPassword + "'");
            s.execute("GRANT SELECT ON `" + name + "`.* TO '" + cdcUser + "'@'%'");
            // REPLICATION CLIENT is the MySQL name; MariaDB 10.5+ maps it to BINLOG MONITOR.
            s.execute(
                    "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + cdcUser + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + name + " on " + host + ":" + port, e);
        }
        LOG.debug("Created MySQL database {} on {}:{}", name, host, port);
        return new MySqlDatabase(host, port, name, name, ownerPassword, cdcUser, cdcPassword);
    }

    /** Drops a database made by {@link #createDatabase} and its users; used on shared servers. */
    public void dropDatabase(MySqlDatabase database) {
        try (Connection c = connect("");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database.name() + "`");
            s.execute("DROP USER IF EXISTS '" + database.user() + "'@'%'");
            s.execute("DROP USER IF EXISTS '" + database.cdcUser() + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database.name(), e);
        }
    }

    /** A JDBC URL for {@code database} (empty for none) as understood by MySQL Connector/J. */
    public String jdbcUrl(String database) {
        return MySqlDatabase.jdbcUrl(host, port, database);
    }

    /** A connection as the administrative user. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    private static String newPassword() {
        return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }
}
