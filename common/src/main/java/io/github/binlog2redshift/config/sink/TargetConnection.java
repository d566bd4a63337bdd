package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.RedshiftOptions.DATABASE;
import static io.github.binlog2redshift.config.RedshiftOptions.HOST;
import static io.github.binlog2redshift.config.RedshiftOptions.JDBC_URL;
import static io.github.binlog2redshift.config.RedshiftOptions.PASSWORD;
import static io.github.binlog2redshift.config.RedshiftOptions.PORT;
import static io.github.binlog2redshift.config.RedshiftOptions.SCHEMA;
import static io.github.binlog2redshift.config.RedshiftOptions.SECRET_ID;
import static io.github.binlog2redshift.config.RedshiftOptions.SSL;
import static io.github.binlog2redshift.config.RedshiftOptions.USERNAME;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.Settings;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sink reaches the target database. Either {@link #jdbcUrl()} or {@link #host()}/{@link
 * #database()} locate it (or the Secrets Manager secret does); credentials are either {@link
 * #username()}/{@link #password()} or {@link #secretId()}.
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
    private final boolean ssl;

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
            boolean ssl) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.secretId = secretId;
        this.schema = schema;
        this.ssl = ssl;
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
        return ssl;
    }

    static TargetConnection from(Settings s, TargetKind kind) {
        ConfigConstraints.atMostOne(s, SECRET_ID, USERNAME);
        ConfigConstraints.atMostOne(s, SECRET_ID, PASSWORD);
        ConfigConstraints.atMostOne(s, JDBC_URL, HOST);
        ConfigConstraints.atMostOne(s, JDBC_URL, DATABASE);
        // The URL carries port and TLS settings too; a second value would be ignored silently.
        ConfigConstraints.atMostOne(s, JDBC_URL, PORT);
        ConfigConstraints.atMostOne(s, JDBC_URL, SSL);
        boolean viaSecret = s.isSet(SECRET_ID);
        if (!viaSecret) {
            ConfigConstraints.allOrNone(s, USERNAME, PASSWORD);
            s.require(
                    USERNAME, "set it with sink.redshift.password, or set sink.redshift.secret-id");
        }
        if (!s.isSet(JDBC_URL) && !viaSecret) {
            s.require(HOST, "set it (with sink.redshift.database) or sink.jdbc.url");
            s.require(DATABASE, "set it (with sink.redshift.host) or sink.jdbc.url");
        }
        Optional<String> url = s.getOptional(JDBC_URL);
        if (url.isPresent()) {
            String u = url.get();
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
        return new TargetConnection(
                kind,
                url,
                s.getOptional(HOST),
                s.get(PORT),
                s.getOptional(DATABASE),
                s.getOptional(USERNAME),
                s.getOptional(PASSWORD).map(Secret::new),
                s.getOptional(SECRET_ID),
                s.get(SCHEMA),
                s.get(SSL));
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
                && ssl == other.ssl;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kind, jdbcUrl, host, port, database, username, password, secretId, schema, ssl);
    }

    @Override
    public String toString() {
        return "TargetConnection[kind="
                + kind
                + ", jdbcUrl="
                + jdbcUrl
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
                + ", ssl="
                + ssl
                + "]";
    }
}
