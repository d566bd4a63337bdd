package io.github.binlog2redshift.sink.jdbc;

import java.io.Serializable;
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
    @Nullable private final RedshiftIamAuth iam;

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
        this(kind, jdbcUrl, host, port, database, user, password, secretId, region, ssl, null);
    }

    private ConnectionSettings(
            WarehouseKind kind,
            @Nullable String jdbcUrl,
            @Nullable String host,
            int port,
            @Nullable String database,
            @Nullable String user,
            @Nullable String password,
            @Nullable String secretId,
            @Nullable String region,
            boolean ssl,
            @Nullable RedshiftIamAuth iam) {
        Objects.requireNonNull(kind, "kind");
        if (iam != null) {
            checkIam(kind, jdbcUrl, host, database, password, secretId, iam);
        } else {
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
        this.iam = iam;
    }

    private static void checkIam(
            WarehouseKind kind,
            @Nullable String jdbcUrl,
            @Nullable String host,
            @Nullable String database,
            @Nullable String password,
            @Nullable String secretId,
            RedshiftIamAuth iam) {
        boolean named = host != null || iam.clusterId() != null || iam.workgroup() != null;
        if (kind != WarehouseKind.REDSHIFT
                || password != null
                || secretId != null
                || (jdbcUrl == null && (database == null || !named))) {
            throw new IllegalArgumentException(
                    "IAM authentication needs a REDSHIFT target without password or secret, and a"
                            + " JDBC URL or a database with a host, cluster id or workgroup; got "
                            + kind
                            + ", host="
                            + host
                            + ", database="
                            + database
                            + ", "
                            + iam);
        }
    }

    /**
     * Redshift with IAM authentication: located by {@code jdbcUrl}, or {@code database} with a
     * {@code host} (the cluster or workgroup endpoint) and/or the cluster id or workgroup of {@code
     * iam}; {@code region} is where the driver looks them up when there is no host.
     */
    public static ConnectionSettings redshiftIam(
            @Nullable String jdbcUrl,
            @Nullable String host,
            int port,
            @Nullable String database,
            @Nullable String region,
            boolean ssl,
            RedshiftIamAuth iam) {
        return new ConnectionSettings(
                WarehouseKind.REDSHIFT,
                jdbcUrl,
                host,
                port,
                database,
                null,
                null,
                null,
                region,
                ssl,
                Objects.requireNonNull(iam, "iam"));
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
     * it lacks.
     *
     * @throws io.github.binlog2redshift.config.ConfigException when credentials, host or database
     *     are still missing; the message names the secret's keys and the options that supply them
     */
    public ConnectionSettings resolvedWith(SecretValues s) {
        return SecretResolution.resolve(this, s);
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

    /** IAM authentication, or null for user and password. */
    @Nullable
    public RedshiftIamAuth iam() {
        return iam;
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
                && ssl == other.ssl
                && Objects.equals(iam, other.iam);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kind, jdbcUrl, host, port, database, user, password, secretId, region, ssl, iam);
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
                + ", iam="
                + iam
                + "]";
    }
}
