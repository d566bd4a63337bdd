package io.github.binlog2redshift.sink.jdbc;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Opens warehouse connections: pgjdbc for PostgreSQL, the Redshift driver for Redshift. A secret id
 * is resolved once per provider instance (one per committer), so a rotated password is picked up by
 * the next job restart.
 */
public final class ConnectionProvider implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ConnectionSettings settings;
    private transient ConnectionSettings resolved;

    public ConnectionProvider(ConnectionSettings settings) {
        this.settings = settings;
    }

    public Connection open() throws SQLException, IOException {
        ConnectionSettings s = resolve();
        Properties props = new Properties();
        props.setProperty("user", s.user());
        if (s.password() != null) {
            props.setProperty("password", s.password());
        }
        String url;
        if (s.jdbcUrl() != null) {
            url = s.jdbcUrl();
        } else if (s.kind() == WarehouseKind.POSTGRES) {
            url = "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + s.database();
            props.setProperty("sslmode", s.ssl() ? "require" : "disable");
            props.setProperty("ApplicationName", "binlog2redshift");
        } else {
            url = "jdbc:redshift://" + s.host() + ":" + s.port() + "/" + s.database();
            props.setProperty("ssl", Boolean.toString(s.ssl()));
            props.setProperty("ApplicationName", "binlog2redshift");
        }
        return connect(url, props);
    }

    /**
     * Connects with the driver from this job's own class loader. DriverManager only knows the
     * drivers it found when it was first used in this JVM; on a Flink session cluster that was
     * under another job's class loader (or the cluster's), so {@code DriverManager.getConnection}
     * fails with "No suitable driver" for a driver in our jar. Drivers of the platform's lib/ are
     * still reached through DriverManager.
     */
    private static Connection connect(String url, Properties props) throws SQLException {
        Iterator<Driver> drivers =
                ServiceLoader.load(Driver.class, ConnectionProvider.class.getClassLoader())
                        .iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError e) {
                continue; // a listed driver whose classes are not here; try the others
            }
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, props);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, props);
    }

    private synchronized ConnectionSettings resolve() throws IOException {
        if (resolved == null) {
            resolved = settings.secretId() == null ? settings : fromSecret();
        }
        return resolved;
    }

    private ConnectionSettings fromSecret() throws IOException {
        var builder = SecretsManagerClient.builder();
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        try (SecretsManagerClient client = builder.build()) {
            String json =
                    client.getSecretValue(
                                    GetSecretValueRequest.builder()
                                            .secretId(settings.secretId())
                                            .build())
                            .secretString();
            return settings.resolvedWith(SecretValues.parse(settings.secretId(), json));
        } catch (RuntimeException e) {
            throw new IOException(
                    "could not read secret " + settings.secretId() + ": " + e.getMessage(), e);
        }
    }
}
