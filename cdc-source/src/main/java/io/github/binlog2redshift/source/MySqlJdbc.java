package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A plain JDBC connection to the source server with the job's user and TLS settings, for the
 * preflight and the running job's checks of the server ({@link UncapturableTables}). Serializable
 * because the running job holds it; like Flink CDC's own source it then carries the password.
 */
final class MySqlJdbc implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final Properties properties;
    private final String where;

    private MySqlJdbc(String url, Properties properties, String where) {
        this.url = url;
        this.properties = properties;
        this.where = where;
    }

    static MySqlJdbc of(SourceConfig config) {
        Properties p = MySqlTlsProperties.jdbc(config.mysql().tls());
        p.setProperty("user", config.mysql().username());
        p.setProperty("password", config.mysql().password().reveal());
        p.setProperty("connectTimeout", "10000");
        String url =
                "jdbc:mysql://" + config.mysql().hostname() + ":" + config.mysql().port() + "/";
        String where =
                config.mysql().username()
                        + "@"
                        + config.mysql().hostname()
                        + ":"
                        + config.mysql().port();
        return new MySqlJdbc(url, p, where);
    }

    /** {@code user@host:port}, for messages. */
    String where() {
        return where;
    }

    /**
     * Connects with the driver from this job's own class loader. DriverManager only knows the
     * drivers it found when it was first used in this JVM; on a Flink session cluster that was
     * under another job's class loader (or the cluster's), so {@code DriverManager.getConnection}
     * fails with "No suitable driver" for a driver in our jar. Drivers of the platform's lib/ are
     * still reached through DriverManager.
     */
    Connection connect() throws SQLException {
        Iterator<Driver> drivers =
                ServiceLoader.load(Driver.class, MySqlJdbc.class.getClassLoader()).iterator();
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
                Connection connection = driver.connect(url, properties);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, properties);
    }

    /** Names the server and user, never the password. */
    @Override
    public String toString() {
        return "MySqlJdbc[" + where + "]";
    }
}
