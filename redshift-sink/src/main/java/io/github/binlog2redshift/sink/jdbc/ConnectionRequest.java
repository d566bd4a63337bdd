package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.RawValue;
import io.github.binlog2redshift.config.SecretText;
import io.github.binlog2redshift.config.sink.SslMode;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What {@link ConnectionProvider} hands to a driver for resolved settings: the URL and the
 * connection properties. Built without connecting, so tests assert both as text; {@link
 * #toString()} leaves out passwords.
 *
 * <p>IAM authentication follows the Redshift JDBC driver's documented forms (Redshift Management
 * Guide, "Configure a JDBC or ODBC connection to use IAM credentials" and "Connecting to Amazon
 * Redshift Serverless"): {@code jdbc:redshift:iam://<endpoint>:<port>/<db>}, or without an endpoint
 * {@code jdbc:redshift:iam://<cluster-id>:<region>/<db>}, where the driver looks the endpoint up
 * (DescribeClusters, or GetWorkgroup with {@code isserverless} and {@code serverlessworkgroup}).
 * The driver lets values it derives from the URL win over properties, so {@code clusterid} and
 * {@code region} properties only matter for custom endpoints.
 */
public final class ConnectionRequest {

    private static final String APPLICATION_NAME = "binlog2redshift";

    private final String url;
    private final Properties properties;

    private ConnectionRequest(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /** The request for settings whose secret, if any, is already resolved. */
    public static ConnectionRequest of(ConnectionSettings s) {
        if (s.secretId() != null) {
            throw new IllegalArgumentException(
                    "resolve secret " + s.secretId() + " before building a connection request");
        }
        Properties p = new Properties();
        String url;
        if (s.iam() != null) {
            url = s.jdbcUrl() != null ? s.jdbcUrl() : iamUrl(s, s.iam());
            iam(s, s.iam(), p);
        } else {
            p.setProperty("user", Objects.requireNonNull(s.user(), "user"));
            if (s.password() != null) {
                p.setProperty("password", s.password());
            }
            url = s.jdbcUrl() != null ? s.jdbcUrl() : plainUrl(s);
        }
        // A URL of the user's carries its own TLS settings and application name.
        if (s.jdbcUrl() == null) {
            tls(s, p);
            p.setProperty("ApplicationName", APPLICATION_NAME);
        }
        return new ConnectionRequest(url, p);
    }

    private static String plainUrl(ConnectionSettings s) {
        String scheme =
                s.kind() == WarehouseKind.POSTGRES ? "jdbc:postgresql://" : "jdbc:redshift://";
        return scheme + s.host() + ":" + s.port() + "/" + s.database();
    }

    private static String iamUrl(ConnectionSettings s, RedshiftIamAuth iam) {
        if (s.host() != null) {
            return "jdbc:redshift:iam://" + s.host() + ":" + s.port() + "/" + s.database();
        }
        String target = iam.clusterId() != null ? iam.clusterId() : iam.workgroup();
        return "jdbc:redshift:iam://" + target + ":" + s.region() + "/" + s.database();
    }

    private static void iam(ConnectionSettings s, RedshiftIamAuth iam, Properties p) {
        if (s.region() != null) {
            p.setProperty("region", s.region());
        }
        if (iam.serverless()) {
            p.setProperty("isserverless", "true");
            if (iam.workgroup() != null) {
                p.setProperty("serverlessworkgroup", iam.workgroup());
            }
            return;
        }
        if (iam.clusterId() != null) {
            p.setProperty("clusterid", iam.clusterId());
        }
        if (iam.dbUser() != null) {
            p.setProperty("dbuser", iam.dbUser());
        }
        if (iam.autoCreate()) {
            p.setProperty("autocreate", "true");
        }
        if (!iam.dbGroups().isEmpty()) {
            p.setProperty("dbgroups", String.join(",", iam.dbGroups()));
        }
    }

    /**
     * Both drivers read {@code sslmode} and {@code sslrootcert} as libpq does. Without a root
     * certificate, pgjdbc would look for {@code ~/.postgresql/root.crt}, which a TaskManager rarely
     * has: its {@code DefaultJavaSSLFactory} checks against the JVM's trust store instead, and
     * pgjdbc still checks the host name for verify-full. The Redshift driver uses the JVM's trust
     * store by itself.
     */
    private static void tls(ConnectionSettings s, Properties p) {
        SslMode mode = s.sslMode();
        if (s.kind() == WarehouseKind.REDSHIFT) {
            p.setProperty("ssl", Boolean.toString(mode != SslMode.DISABLE));
            if (mode == SslMode.DISABLE) {
                return;
            }
        }
        p.setProperty("sslmode", mode.driverValue());
        if (s.sslRootCert() != null) {
            p.setProperty("sslrootcert", s.sslRootCert());
        } else if (s.kind() == WarehouseKind.POSTGRES && mode.verifiesCertificate()) {
            p.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
        }
    }

    public String url() {
        return url;
    }

    /** A copy of the connection properties, passwords included. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** URL and properties, without the password or any the URL carries. */
    @Override
    public String toString() {
        TreeMap<Object, Object> shown = new TreeMap<>(properties);
        shown.computeIfPresent("password", (k, v) -> RawValue.MASK);
        return "ConnectionRequest[url=" + SecretText.mask(url) + ", properties=" + shown + "]";
    }
}
