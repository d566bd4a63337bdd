package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.SourceOptions.HOSTNAME;
import static io.github.binlog2redshift.config.SourceOptions.PASSWORD;
import static io.github.binlog2redshift.config.SourceOptions.PORT;
import static io.github.binlog2redshift.config.SourceOptions.SECRET_ID;
import static io.github.binlog2redshift.config.SourceOptions.SECRET_REGION;
import static io.github.binlog2redshift.config.SourceOptions.SERVER_TIME_ZONE;
import static io.github.binlog2redshift.config.SourceOptions.USERNAME;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.ConfigOption;
import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.secret.DatabaseSecret;
import io.github.binlog2redshift.config.secret.SecretReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How to reach the MySQL server. Built by {@link #from}, from the {@code source.*} options and,
 * when {@code source.secret-id} is set, a Secrets Manager secret in the RDS layout.
 */
public final class MySqlConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlConnection.class);

    private final String hostname;
    private final int port;
    private final String username;
    private final Secret password;
    private final ZoneId serverTimeZone;
    private final MySqlTls tls;

    public MySqlConnection(
            String hostname,
            int port,
            String username,
            Secret password,
            ZoneId serverTimeZone,
            MySqlTls tls) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.port = port;
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.serverTimeZone = Objects.requireNonNull(serverTimeZone, "serverTimeZone");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    /**
     * The connection from the options, or from the secret {@code source.secret-id} names: the
     * secret's host, port, username and password win, the options fill what it lacks (as
     * redshift-sink does with its secret), and what neither has fails here, naming both.
     */
    public static MySqlConnection from(Settings s, SecretReader secrets) {
        ZoneId timeZone = s.get(SERVER_TIME_ZONE);
        MySqlTls tls = MySqlTls.from(s);
        Optional<String> secretId = s.getOptional(SECRET_ID);
        if (secretId.isEmpty()) {
            ConfigConstraints.forbid(s, SECRET_REGION, "source.secret-id is not set");
            return new MySqlConnection(
                    s.get(HOSTNAME),
                    s.get(PORT),
                    s.get(USERNAME),
                    new Secret(s.get(PASSWORD)),
                    timeZone,
                    tls);
        }
        String id = secretId.get();
        DatabaseSecret secret =
                DatabaseSecret.parse(id, secrets.read(id, s.getOptional(SECRET_REGION)));
        List<String> missing = new ArrayList<>();
        String host = pick(s, id, secret.host(), "host", HOSTNAME, missing);
        String user = pick(s, id, secret.username(), "username", USERNAME, missing);
        String password =
                pick(s, id, secret.password().map(Secret::reveal), "password", PASSWORD, missing);
        int port;
        if (secret.port().isPresent()) {
            port = secret.port().getAsInt();
            warnIfOverridden(s, id, "port", PORT, s.isSet(PORT) && s.get(PORT) != port);
        } else {
            port = s.get(PORT);
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(
                    "The MySQL connection is incomplete: "
                            + String.join("; ", missing)
                            + ". Add the fields to the secret or set the options.");
        }
        LOG.info(
                "MySQL connection from secret '{}' (fields present: {}), options filling the rest",
                id,
                secret.presentFields());
        return new MySqlConnection(host, port, user, new Secret(password), timeZone, tls);
    }

    private static String pick(
            Settings s,
            String secretId,
            Optional<String> fromSecret,
            String field,
            ConfigOption<String> option,
            List<String> missing) {
        Optional<String> explicit = s.getOptional(option);
        if (fromSecret.isPresent()) {
            warnIfOverridden(
                    s,
                    secretId,
                    field,
                    option,
                    explicit.isPresent() && !explicit.get().equals(fromSecret.get()));
            return fromSecret.get();
        }
        if (explicit.isEmpty()) {
            missing.add(
                    "secret '"
                            + secretId
                            + "' has no '"
                            + field
                            + "' and option '"
                            + option.key()
                            + "' is not set");
            return null;
        }
        return explicit.get();
    }

    /** An option the secret overrides is almost surely stale; say so without the values. */
    private static void warnIfOverridden(
            Settings s, String secretId, String field, ConfigOption<?> option, boolean differs) {
        if (differs) {
            LOG.warn(
                    "Option '{}' (from {}) is ignored: secret '{}' has a different '{}', which wins",
                    option.key(),
                    s.raw(option.key()).map(r -> r.origin().toString()).orElse("?"),
                    secretId,
                    field);
        }
    }

    /** Host name or IP. */
    public String hostname() {
        return hostname;
    }

    /** Port. */
    public int port() {
        return port;
    }

    /** Replication user. */
    public String username() {
        return username;
    }

    /** Its password (masked in toString). */
    public Secret password() {
        return password;
    }

    /** The server's session time zone. */
    public ZoneId serverTimeZone() {
        return serverTimeZone;
    }

    /** TLS of every connection to the server. */
    public MySqlTls tls() {
        return tls;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MySqlConnection)) {
            return false;
        }
        MySqlConnection other = (MySqlConnection) o;
        return Objects.equals(hostname, other.hostname)
                && port == other.port
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && Objects.equals(serverTimeZone, other.serverTimeZone)
                && tls.equals(other.tls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, port, username, password, serverTimeZone, tls);
    }

    @Override
    public String toString() {
        return "MySqlConnection[hostname="
                + hostname
                + ", port="
                + port
                + ", username="
                + username
                + ", password="
                + password
                + ", serverTimeZone="
                + serverTimeZone
                + ", tls="
                + tls
                + "]";
    }
}
