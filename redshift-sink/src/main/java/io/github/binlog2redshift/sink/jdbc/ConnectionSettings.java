package io.github.binlog2redshift.sink.jdbc;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where and as whom to connect. Either {@code jdbcUrl} or {@code host}/{@code port}/{@code
 * database} locate the database (a URL carries its own port and TLS settings), with {@code
 * user}/{@code password}; or {@code secretId} names an AWS Secrets Manager secret holding them
 * (JSON with {@code host}, {@code port}, {@code username}, {@code password}, and {@code dbname} or
 * {@code database}); the explicit fields then only fill what the secret leaves out.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record ConnectionSettings(
        WarehouseKind kind,
        String jdbcUrl,
        String host,
        int port,
        String database,
        String user,
        String password,
        String secretId,
        String region,
        boolean ssl)
        implements Serializable {

    public ConnectionSettings {
        Objects.requireNonNull(kind, "kind");
        boolean located = jdbcUrl != null || (host != null && database != null);
        if (secretId == null && (!located || user == null)) {
            throw new IllegalArgumentException(
                    "a "
                            + kind
                            + " connection needs either a secret id, or a JDBC URL or host and"
                            + " database, and a user; got host="
                            + host
                            + ", database="
                            + database
                            + ", user="
                            + user);
        }
    }

    /** Plain host/user/password settings. */
    public static ConnectionSettings of(
            WarehouseKind kind,
            String host,
            int port,
            String database,
            String user,
            String password,
            boolean ssl) {
        return new ConnectionSettings(
                kind, null, host, port, database, user, password, null, null, ssl);
    }

    /** These settings with the fields the secret holds taken from it. */
    public ConnectionSettings resolvedWith(SecretValues s) {
        return new ConnectionSettings(
                kind,
                jdbcUrl,
                s.host() != null ? s.host() : host,
                s.port() != null ? s.port() : port,
                s.database() != null ? s.database() : database,
                s.username() != null ? s.username() : user,
                s.password() != null ? s.password() : password,
                null,
                region,
                ssl);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[kind="
                + kind
                + ", jdbcUrl="
                + jdbcUrl
                + ", host="
                + host
                + ", port="
                + port
                + ", database="
                + database
                + ", user="
                + user
                + ", password="
                + (password == null ? "null" : "****")
                + ", secretId="
                + secretId
                + ", ssl="
                + ssl
                + "]";
    }
}
