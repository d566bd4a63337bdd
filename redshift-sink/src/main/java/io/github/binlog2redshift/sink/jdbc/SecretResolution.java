package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges a secret into connection settings and checks the result, once for every secret layout: a
 * secret with only {@code username} and {@code password} (Redshift's, Serverless's and RDS's
 * managed secrets) used to yield {@code jdbc:redshift://null:5439/null} and a driver error at the
 * first checkpoint. The secret's fields win; explicit settings fill its gaps.
 */
final class SecretResolution {

    private SecretResolution() {}

    static ConnectionSettings resolve(ConnectionSettings c, SecretValues s) {
        String host = s.host() != null ? s.host() : c.host();
        String database = s.database() != null ? s.database() : c.database();
        List<String> gaps = new ArrayList<>();
        if (s.username() == null) {
            gaps.add("username");
        }
        if (s.password() == null) {
            gaps.add("password");
        }
        if (!gaps.isEmpty()) {
            throw new ConfigException(
                    "Secret '"
                            + c.secretId()
                            + "' (sink.redshift.secret-id) has no "
                            + String.join(" and no ", gaps)
                            + "; a secret must hold both, as sink.redshift.username and password"
                            + " cannot be combined with sink.redshift.secret-id");
        }
        if (c.jdbcUrl() == null && (host == null || database == null)) {
            throw new ConfigException(locationGap(c, s, host == null, database == null));
        }
        return new ConnectionSettings(
                        c.kind(),
                        c.jdbcUrl(),
                        host,
                        s.port() != null ? s.port() : c.port(),
                        database,
                        s.username(),
                        s.password(),
                        null,
                        c.region(),
                        c.ssl())
                .withTls(c.sslMode(), c.sslRootCert());
    }

    private static String locationGap(
            ConnectionSettings c, SecretValues s, boolean noHost, boolean noDatabase) {
        List<String> keys = new ArrayList<>();
        List<String> options = new ArrayList<>();
        if (noHost) {
            keys.add("host");
            options.add("sink.redshift.host (the cluster or workgroup endpoint)");
        }
        if (noDatabase) {
            keys.add("dbname");
            options.add("sink.redshift.database");
        }
        return "The "
                + c.kind()
                + " connection is incomplete: secret '"
                + c.secretId()
                + "' (sink.redshift.secret-id) has no "
                + String.join(" and no ", keys)
                + (noHost && noDatabase ? ", and neither is set" : ", and it is not set")
                + "; set "
                + String.join(" and ", options)
                + ", or sink.jdbc.url"
                + (s.clusterId() != null
                        ? ". The secret belongs to cluster '"
                                + s.clusterId()
                                + "', whose endpoint the Redshift console shows"
                        : "")
                + ".";
    }
}
