package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.ConfigException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.annotation.Nullable;

/**
 * Where and as whom to connect. Either {@code jdbcUrl} or {@code host}/{@code port}/{@code
 * database} locate the database (a URL carries its own port and TLS settings), with {@code
 * user}/{@code password}; or {@code secretId} names an AWS Secrets Manager secret holding them in
 * any layout {@link SecretValues} reads. The secret's fields win; the explicit fields fill what it
 * leaves out, and {@link #resolvedWith} fails when host or database are still missing.
 *
 * <p>{@link #toString()} never shows the password.
 */
public final class ConnectionSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final WarehouseKind kind;
    @Nullable private final String jdbcUrl;
    @Nullable private final String host;
    private final int port;
    @Nullable private final String database;
    @Nullable private final String user;
    @Nullable private final String password;
    @Nullable private final String secretId;
    @Nullable private final String region;
    private final boolean ssl;

    public ConnectionSettings(
            WarehouseKind kind,
            @Nullable String jdbcUrl,
            @Nullable String host,
            int port,
            @Nullable String database,
            @Nullable String user,
            @Nullable String password,
            @Nullable String secretId,
            @Nullable String region,
            boolean ssl) {
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
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.secretId = secretId;
        this.region = region;
        this.ssl = ssl;
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

    /**
     * These settings with the fields the secret holds taken from it; the explicit fields fill what
     * it lacks. Checked here, once for every secret layout, because a secret with only {@code
     * username} and {@code password} (Redshift's and RDS's managed secrets) used to yield {@code
     * jdbc:redshift://null:5439/null}.
     *
     * @throws ConfigException when credentials, host or database are still missing; the message
     *     names the secret's keys and the options that supply them
     */
    public ConnectionSettings resolvedWith(SecretValues s) {
        String h = s.host() != null ? s.host() : host;
        String db = s.database() != null ? s.database() : database;
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
                            + secretId
                            + "' (sink.redshift.secret-id) has no "
                            + String.join(" and no ", gaps)
                            + "; a secret must hold both, as sink.redshift.username and password"
                            + " cannot be combined with sink.redshift.secret-id");
        }
        if (jdbcUrl == null && (h == null || db == null)) {
            throw new ConfigException(locationGap(s, h == null, db == null));
        }
        return new ConnectionSettings(
                kind,
                jdbcUrl,
                h,
                s.port() != null ? s.port() : port,
                db,
                s.username(),
                s.password(),
                null,
                region,
                ssl);
    }

    private String locationGap(SecretValues s, boolean noHost, boolean noDatabase) {
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
                + kind
                + " connection is incomplete: secret '"
                + secretId
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

    public WarehouseKind kind() {
        return kind;
    }

    @Nullable
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Nullable
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Nullable
    public String database() {
        return database;
    }

    @Nullable
    public String user() {
        return user;
    }

    @Nullable
    public String password() {
        return password;
    }

    @Nullable
    public String secretId() {
        return secretId;
    }

    @Nullable
    public String region() {
        return region;
    }

    public boolean ssl() {
        return ssl;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionSettings)) {
            return false;
        }
        ConnectionSettings other = (ConnectionSettings) o;
        return kind == other.kind
                && Objects.equals(jdbcUrl, other.jdbcUrl)
                && Objects.equals(host, other.host)
                && port == other.port
                && Objects.equals(database, other.database)
                && Objects.equals(user, other.user)
                && Objects.equals(password, other.password)
                && Objects.equals(secretId, other.secretId)
                && Objects.equals(region, other.region)
                && ssl == other.ssl;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kind, jdbcUrl, host, port, database, user, password, secretId, region, ssl);
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
