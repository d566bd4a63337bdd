package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.RedshiftOptions.AUTH;
import static io.github.binlog2redshift.config.RedshiftOptions.AUTO_CREATE;
import static io.github.binlog2redshift.config.RedshiftOptions.CLUSTER_ID;
import static io.github.binlog2redshift.config.RedshiftOptions.DATABASE;
import static io.github.binlog2redshift.config.RedshiftOptions.DB_GROUPS;
import static io.github.binlog2redshift.config.RedshiftOptions.DB_USER;
import static io.github.binlog2redshift.config.RedshiftOptions.HOST;
import static io.github.binlog2redshift.config.RedshiftOptions.JDBC_URL;
import static io.github.binlog2redshift.config.RedshiftOptions.PASSWORD;
import static io.github.binlog2redshift.config.RedshiftOptions.PORT;
import static io.github.binlog2redshift.config.RedshiftOptions.REGION;
import static io.github.binlog2redshift.config.RedshiftOptions.SECRET_ID;
import static io.github.binlog2redshift.config.RedshiftOptions.SSL;
import static io.github.binlog2redshift.config.RedshiftOptions.SSL_MODE;
import static io.github.binlog2redshift.config.RedshiftOptions.SSL_ROOT_CERT;
import static io.github.binlog2redshift.config.RedshiftOptions.USERNAME;
import static io.github.binlog2redshift.config.RedshiftOptions.WORKGROUP;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.ConfigOption;
import io.github.binlog2redshift.config.Settings;
import java.util.List;

/**
 * Every cross-key rule of the target connection, in one place, so that each error names the keys
 * involved: where the database is ({@code sink.jdbc.url}, host, cluster id or workgroup), how the
 * sink logs in ({@code sink.redshift.auth}: password, secret or IAM).
 */
final class TargetConnectionRules {

    private static final List<ConfigOption<?>> IAM_ONLY =
            List.of(CLUSTER_ID, WORKGROUP, DB_USER, AUTO_CREATE, DB_GROUPS);

    /** IAM settings a Serverless workgroup has no use for: GetCredentials takes no user. */
    private static final List<ConfigOption<?>> PROVISIONED_ONLY =
            List.of(DB_USER, AUTO_CREATE, DB_GROUPS);

    private TargetConnectionRules() {}

    static void check(Settings s, TargetKind kind) {
        ConfigConstraints.atMostOne(s, JDBC_URL, HOST);
        ConfigConstraints.atMostOne(s, JDBC_URL, DATABASE);
        // The URL carries port and TLS settings too; a second value would be ignored silently.
        ConfigConstraints.atMostOne(s, JDBC_URL, PORT);
        ConfigConstraints.atMostOne(s, JDBC_URL, SSL);
        ConfigConstraints.atMostOne(s, JDBC_URL, SSL_MODE);
        ConfigConstraints.atMostOne(s, JDBC_URL, SSL_ROOT_CERT);
        tls(s, kind);
        if (s.get(AUTH) == RedshiftAuth.IAM) {
            iam(s, kind);
        } else {
            password(s);
        }
        url(s, kind);
    }

    /**
     * The TLS mode in effect: {@code sink.redshift.ssl-mode}, else what each driver did with {@code
     * ssl=true} before the option existed (pgjdbc was given require; the Redshift driver's default
     * for ssl=true is verify-ca).
     */
    static SslMode sslMode(Settings s, TargetKind kind) {
        if (s.isSet(SSL_MODE)) {
            return s.get(SSL_MODE);
        }
        if (!s.get(SSL)) {
            return SslMode.DISABLE;
        }
        return kind == TargetKind.POSTGRES ? SslMode.REQUIRE : SslMode.VERIFY_CA;
    }

    private static void tls(Settings s, TargetKind kind) {
        // ssl-mode supersedes the boolean; both at once could only disagree or repeat.
        ConfigConstraints.atMostOne(s, SSL, SSL_MODE);
        SslMode mode = sslMode(s, kind);
        if (!mode.verifiesCertificate()) {
            ConfigConstraints.forbid(
                    s,
                    SSL_ROOT_CERT,
                    "the TLS mode is "
                            + mode
                            + " (only VERIFY_CA and VERIFY_FULL check the server certificate)");
        }
    }

    private static void password(Settings s) {
        for (ConfigOption<?> o : IAM_ONLY) {
            ConfigConstraints.forbid(
                    s, o, "sink.redshift.auth is PASSWORD (it configures IAM authentication)");
        }
        ConfigConstraints.atMostOne(s, SECRET_ID, USERNAME);
        ConfigConstraints.atMostOne(s, SECRET_ID, PASSWORD);
        boolean viaSecret = s.isSet(SECRET_ID);
        if (!viaSecret) {
            ConfigConstraints.allOrNone(s, USERNAME, PASSWORD);
            s.require(
                    USERNAME, "set it with sink.redshift.password, or set sink.redshift.secret-id");
        }
        // With a secret, host and database may come from it; ConnectionSettings checks the result.
        if (!s.isSet(JDBC_URL) && !viaSecret) {
            s.require(HOST, "set it (with sink.redshift.database) or sink.jdbc.url");
            s.require(DATABASE, "set it (with sink.redshift.host) or sink.jdbc.url");
        }
    }

    private static void iam(Settings s, TargetKind kind) {
        if (kind != TargetKind.REDSHIFT) {
            throw ConfigConstraints.invalid(
                    s,
                    AUTH,
                    "PASSWORD (IAM authentication is Redshift's; sink.target is POSTGRES)");
        }
        String why =
                "sink.redshift.auth is IAM (the driver gets temporary credentials; a provisioned"
                        + " cluster's user is sink.redshift.db-user)";
        ConfigConstraints.forbid(s, USERNAME, why);
        ConfigConstraints.forbid(s, PASSWORD, why);
        ConfigConstraints.forbid(s, SECRET_ID, why);
        if (!s.get(SSL)) {
            // The driver would raise it to verify-ca anyway: IAM credentials never travel in clear.
            throw ConfigConstraints.invalid(s, SSL, "true (IAM authentication requires TLS)");
        }
        if (sslMode(s, kind) == SslMode.DISABLE) {
            throw ConfigConstraints.invalid(
                    s,
                    SSL_MODE,
                    "REQUIRE, VERIFY_CA or VERIFY_FULL (IAM authentication requires TLS)");
        }
        ConfigConstraints.atMostOne(s, CLUSTER_ID, WORKGROUP);
        boolean serverless =
                s.isSet(WORKGROUP)
                        || s.getOptional(HOST).map(RedshiftIam::isServerlessEndpoint).orElse(false);
        if (serverless) {
            for (ConfigOption<?> o : PROVISIONED_ONLY) {
                ConfigConstraints.forbid(
                        s,
                        o,
                        "the target is Redshift Serverless (GetCredentials maps the IAM identity"
                                + " to the database user itself)");
            }
        }
        if (s.isSet(JDBC_URL)) {
            // The URL names the cluster or workgroup; db-user and groups still apply.
            ConfigConstraints.atMostOne(s, JDBC_URL, CLUSTER_ID);
            ConfigConstraints.atMostOne(s, JDBC_URL, WORKGROUP);
            return;
        }
        if (!s.isSet(HOST) && !s.isSet(CLUSTER_ID) && !s.isSet(WORKGROUP)) {
            throw new ConfigException(
                    "Option 'sink.redshift.auth' is IAM but nothing names the target: set"
                            + " 'sink.redshift.host' (the cluster or workgroup endpoint),"
                            + " 'sink.redshift.cluster-id' or 'sink.redshift.workgroup', or"
                            + " 'sink.jdbc.url'");
        }
        s.require(DATABASE, "IAM credentials are issued for one database");
        if (!s.isSet(HOST)) {
            s.require(
                    REGION,
                    "without sink.redshift.host the driver finds the endpoint by cluster id or"
                            + " workgroup, in this region");
            ConfigConstraints.forbid(
                    s,
                    PORT,
                    "sink.redshift.host is not set (the driver takes the endpoint's port from"
                            + " DescribeClusters or GetWorkgroup)");
        }
        if (!serverless) {
            s.require(
                    DB_USER,
                    "IAM authentication on a provisioned cluster logs in as this database user"
                            + " (GetClusterCredentials DbUser)");
        }
    }

    private static void url(Settings s, TargetKind kind) {
        String u = s.getOptional(JDBC_URL).orElse(null);
        if (u == null) {
            return;
        }
        if (s.get(AUTH) == RedshiftAuth.IAM) {
            if (!u.startsWith("jdbc:redshift:iam:")) {
                throw ConfigConstraints.invalid(
                        s, JDBC_URL, "a jdbc:redshift:iam: URL (sink.redshift.auth is IAM)");
            }
            return;
        }
        boolean ok =
                u.startsWith("jdbc:postgresql:")
                        || (kind == TargetKind.REDSHIFT && u.startsWith("jdbc:redshift:"));
        if (!ok) {
            throw ConfigConstraints.invalid(
                    s,
                    JDBC_URL,
                    kind == TargetKind.REDSHIFT
                            ? "a jdbc:redshift: or jdbc:postgresql: URL"
                            : "a jdbc:postgresql: URL (sink.target is POSTGRES)");
        }
    }
}
