package io.github.binlog2redshift.sink.jdbc;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
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
