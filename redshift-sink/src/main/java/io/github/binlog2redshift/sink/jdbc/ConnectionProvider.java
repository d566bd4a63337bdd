package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.RawValue;
import io.github.binlog2redshift.config.SecretText;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens warehouse connections: pgjdbc for PostgreSQL, the Redshift driver for Redshift. A secret id
 * is resolved once per provider instance (one per committer), so a rotated password is picked up by
 * the next job restart.
 */
public final class ConnectionProvider implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionProvider.class);

    private final ConnectionSettings settings;
    private final SecretReader secrets;
    private transient ConnectionSettings resolved;

    public ConnectionProvider(ConnectionSettings settings) {
        this(settings, SecretReader.SECRETS_MANAGER);
    }

    public ConnectionProvider(ConnectionSettings settings, SecretReader secrets) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * Reads the secret now, where the job is being submitted, so that a secret without host or
     * database fails the submission rather than the first checkpoint. A secret this process may not
     * read (the client of a session cluster often lacks the job's role) is left to the first {@link
     * #open()}.
     *
     * @return whether the settings could be resolved here
     * @throws io.github.binlog2redshift.config.ConfigException when the secret was read and the
     *     connection is still incomplete
     */
    public boolean resolveEarly() {
        if (settings.secretId() == null) {
            return true;
        }
        try {
            resolve();
            return true;
        } catch (IOException e) {
            LOG.warn(
                    "Secret {} could not be read before the job started ({}); the sink reads it"
                            + " again when it first connects",
                    settings.secretId(),
                    e.getMessage());
            return false;
        }
    }

    public Connection open() throws SQLException, IOException {
        ConnectionSettings s = resolve();
        // The option is read where the job is submitted; the file must be on every TaskManager.
        if (s.sslRootCert() != null && !Files.isReadable(Path.of(s.sslRootCert()))) {
            throw new IOException(
                    "sink.redshift.ssl-root-cert "
                            + s.sslRootCert()
                            + " is not a readable file on this TaskManager");
        }
        ConnectionRequest request = ConnectionRequest.of(s);
        Properties props = request.properties();
        try {
            return connect(request.url(), props);
        } catch (SQLException e) {
            throw withoutSecrets(e, props.getProperty("password"));
        }
    }

    /**
     * The error with any password it quotes masked. DriverManager's "No suitable driver found for
     * &lt;url&gt;" repeats the whole URL, and {@code sink.jdbc.url} may carry a password; the
     * exception ends up in the job's logs and the Flink UI. An error that quotes nothing secret is
     * returned as it is, keeping its class and causes.
     */
    static SQLException withoutSecrets(SQLException e, @Nullable String password) {
        String message = e.getMessage();
        if (message == null) {
            return e;
        }
        String masked = SecretText.mask(message);
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, RawValue.MASK);
        }
        if (masked.equals(message)) {
            return e;
        }
        // Not chained: the original's message holds the secret; its stack trace is kept.
        SQLException clean = new SQLException(masked, e.getSQLState(), e.getErrorCode());
        clean.setStackTrace(e.getStackTrace());
        return clean;
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

    /** The settings with the secret read (once) and checked. */
    synchronized ConnectionSettings resolve() throws IOException {
        if (resolved == null) {
            resolved = settings.secretId() == null ? settings : fromSecret();
        }
        return resolved;
    }

    private ConnectionSettings fromSecret() throws IOException {
        String id = settings.secretId();
        SecretValues values = SecretValues.parse(id, secrets.read(id, settings.region()));
        // The secret wins over explicit options, which only fill its gaps: say so when it shadows
        // one.
        if (values.host() != null
                && settings.host() != null
                && !values.host().equals(settings.host())) {
            LOG.warn(
                    "sink.redshift.host {} is not used: secret {} names host {}",
                    settings.host(),
                    id,
                    values.host());
        }
        if (values.database() != null
                && settings.database() != null
                && !values.database().equals(settings.database())) {
            LOG.warn(
                    "sink.redshift.database {} is not used: secret {} names database {}",
                    settings.database(),
                    id,
                    values.database());
        }
        return settings.resolvedWith(values);
    }
}
