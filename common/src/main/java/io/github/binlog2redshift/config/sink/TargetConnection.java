package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.RedshiftOptions.AUTH;
import static io.github.binlog2redshift.config.RedshiftOptions.DATABASE;
import static io.github.binlog2redshift.config.RedshiftOptions.HOST;
import static io.github.binlog2redshift.config.RedshiftOptions.JDBC_URL;
import static io.github.binlog2redshift.config.RedshiftOptions.PASSWORD;
import static io.github.binlog2redshift.config.RedshiftOptions.PORT;
import static io.github.binlog2redshift.config.RedshiftOptions.SCHEMA;
import static io.github.binlog2redshift.config.RedshiftOptions.SECRET_ID;
import static io.github.binlog2redshift.config.RedshiftOptions.SSL_ROOT_CERT;
import static io.github.binlog2redshift.config.RedshiftOptions.USERNAME;

import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.SecretText;
import io.github.binlog2redshift.config.Settings;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sink reaches the target database. Either {@link #jdbcUrl()} or {@link #host()}/{@link
 * #database()} locate it (or the Secrets Manager secret does, or with IAM a cluster id or
 * workgroup); credentials are {@link #username()}/{@link #password()}, {@link #secretId()}, or IAM
 * ({@link #iam()}). The combinations are checked by {@code TargetConnectionRules}.
 */
public final class TargetConnection {

    private final TargetKind kind;
    private final Optional<String> jdbcUrl;
    private final Optional<String> host;
    private final int port;
    private final Optional<String> database;
    private final Optional<String> username;
    private final Optional<Secret> password;
    private final Optional<String> secretId;
    private final String schema;
    private final SslMode sslMode;
    private final Optional<String> sslRootCert;
    private final RedshiftAuth auth;
    private final Optional<RedshiftIam> iam;

    private TargetConnection(
            TargetKind kind,
            Optional<String> jdbcUrl,
            Optional<String> host,
            int port,
            Optional<String> database,
            Optional<String> username,
            Optional<Secret> password,
            Optional<String> secretId,
            String schema,
            SslMode sslMode,
            Optional<String> sslRootCert,
            RedshiftAuth auth,
            Optional<RedshiftIam> iam) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.secretId = secretId;
        this.schema = schema;
        this.sslMode = sslMode;
        this.sslRootCert = sslRootCert;
        this.auth = auth;
        this.iam = iam;
    }

    /** REDSHIFT or POSTGRES. */
    public TargetKind kind() {
        return kind;
    }

    /** Full JDBC URL. */
    public Optional<String> jdbcUrl() {
        return jdbcUrl;
    }

    /** Host. */
    public Optional<String> host() {
        return host;
    }

    /** Port. */
    public int port() {
        return port;
    }

    /** Database. */
    public Optional<String> database() {
        return database;
    }

    /** User. */
    public Optional<String> username() {
        return username;
    }

    /** Password (masked in toString). */
    public Optional<Secret> password() {
        return password;
    }

    /** Secrets Manager secret id. */
    public Optional<String> secretId() {
        return secretId;
    }

    /** Default target schema. */
    public String schema() {
        return schema;
    }

    /** Whether to use TLS. */
    public boolean ssl() {
        return sslMode != SslMode.DISABLE;
    }

    /** The TLS mode in effect (see {@code sink.redshift.ssl-mode}). */
    public SslMode sslMode() {
        return sslMode;
    }

    /** Root certificate file for VERIFY_CA/VERIFY_FULL. */
    public Optional<String> sslRootCert() {
        return sslRootCert;
    }

    /** How the sink logs in. */
    public RedshiftAuth auth() {
        return auth;
    }

    /** The IAM settings, present exactly when {@link #auth()} is IAM. */
    public Optional<RedshiftIam> iam() {
        return iam;
    }

    static TargetConnection from(Settings s, TargetKind kind) {
        TargetConnectionRules.check(s, kind);
        RedshiftAuth auth = s.get(AUTH);
        return new TargetConnection(
                kind,
                s.getOptional(JDBC_URL),
                s.getOptional(HOST),
                s.get(PORT),
                s.getOptional(DATABASE),
                s.getOptional(USERNAME),
                s.getOptional(PASSWORD).map(Secret::new),
                s.getOptional(SECRET_ID),
                s.get(SCHEMA),
                TargetConnectionRules.sslMode(s, kind),
                s.getOptional(SSL_ROOT_CERT),
                auth,
                auth == RedshiftAuth.IAM ? Optional.of(RedshiftIam.from(s)) : Optional.empty());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TargetConnection)) {
            return false;
        }
        TargetConnection other = (TargetConnection) o;
        return kind == other.kind
                && Objects.equals(jdbcUrl, other.jdbcUrl)
                && Objects.equals(host, other.host)
                && port == other.port
                && Objects.equals(database, other.database)
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && Objects.equals(secretId, other.secretId)
                && Objects.equals(schema, other.schema)
                && sslMode == other.sslMode
                && sslRootCert.equals(other.sslRootCert)
                && auth == other.auth
                && iam.equals(other.iam);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kind,
                jdbcUrl,
                host,
                port,
                database,
                username,
                password,
                secretId,
                schema,
                sslMode,
                sslRootCert,
                auth,
                iam);
    }

    @Override
    public String toString() {
        return "TargetConnection[kind="
                + kind
                + ", jdbcUrl="
                + jdbcUrl.map(SecretText::mask)
                + ", host="
                + host
                + ", port="
                + port
                + ", database="
                + database
                + ", username="
                + username
                + ", password="
                + password
                + ", secretId="
                + secretId
                + ", schema="
                + schema
                + ", sslMode="
                + sslMode
                + ", sslRootCert="
                + sslRootCert
                + ", auth="
                + auth
                + ", iam="
                + iam
                + "]";
    }
}
