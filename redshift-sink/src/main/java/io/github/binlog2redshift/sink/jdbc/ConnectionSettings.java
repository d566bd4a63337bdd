package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.SecretText;
import io.github.binlog2redshift.config.sink.SslMode;
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
 * <p>{@link #toString()} never shows the password, nor one the JDBC URL carries.
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
    private final SslMode sslMode;
    @Nullable private final String sslRootCert;
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
        this(
                kind,
                jdbcUrl,
                host,
                port,
                database,
                user,
                password,
                secretId,
                region,
                defaultMode(kind, ssl),
                null,
                null);
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
            SslMode sslMode,
            @Nullable String sslRootCert,
            @Nullable RedshiftIamAuth iam) {
        ConnectionChecks.check(
                kind, jdbcUrl, host, database, user, password, secretId, sslMode, sslRootCert, iam);
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.secretId = secretId;
        this.region = region;
        this.sslMode = sslMode;
        this.sslRootCert = sslRootCert;
        this.iam = iam;
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
                defaultMode(WarehouseKind.REDSHIFT, ssl),
                null,
                Objects.requireNonNull(iam, "iam"));
    }

    /**
     * What {@code ssl=true} meant before TLS modes: pgjdbc got require, Redshift verifies the CA.
     */
    private static SslMode defaultMode(WarehouseKind kind, boolean ssl) {
        if (!ssl) {
            return SslMode.DISABLE;
        }
        return kind == WarehouseKind.POSTGRES ? SslMode.REQUIRE : SslMode.VERIFY_CA;
    }

    /**
     * These settings with another TLS mode.
     *
     * @param rootCert PEM file of the root certificates, only for VERIFY_CA and VERIFY_FULL; null
     *     for the JVM's trust store
     */
    public ConnectionSettings withTls(SslMode mode, @Nullable String rootCert) {
        return new ConnectionSettings(
                kind, jdbcUrl, host, port, database, user, password, secretId, region, mode,
                rootCert, iam);
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
        return sslMode != SslMode.DISABLE;
    }

    public SslMode sslMode() {
        return sslMode;
    }

    /** PEM file of the root certificates, or null for the JVM's trust store. */
    @Nullable
    public String sslRootCert() {
        return sslRootCert;
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
                && sslMode == other.sslMode
                && Objects.equals(sslRootCert, other.sslRootCert)
                && Objects.equals(iam, other.iam);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kind,
                jdbcUrl,
                host,
                port,
                database,
                user,
                password,
                secretId,
                region,
                sslMode,
                sslRootCert,
                iam);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[kind="
                + kind
                + ", jdbcUrl="
                + (jdbcUrl == null ? null : SecretText.mask(jdbcUrl))
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
                + ", sslMode="
                + sslMode
                + ", sslRootCert="
                + sslRootCert
                + ", iam="
                + iam
                + "]";
    }
}
