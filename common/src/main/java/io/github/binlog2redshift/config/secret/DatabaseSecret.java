package io.github.binlog2redshift.config.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.RawValue;
import io.github.binlog2redshift.config.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.annotation.Nullable;

/**
 * The connection fields of a database secret in AWS Secrets Manager, in the layout RDS, Aurora and
 * Redshift write for their managed and rotated secrets: a JSON object with {@code engine}, {@code
 * host}, {@code port}, {@code username}, {@code password}, {@code dbname} (and fields this class
 * ignores, such as {@code dbClusterIdentifier}). Every field is optional here; the job that uses
 * the secret decides which ones it needs and lets its own options fill the rest.
 *
 * <p>Errors name the secret and the field, never the secret's content; {@link #toString} masks the
 * password.
 */
public final class DatabaseSecret {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secretId;
    @Nullable private final String engine;
    @Nullable private final String host;
    @Nullable private final Integer port;
    @Nullable private final String username;
    @Nullable private final Secret password;
    @Nullable private final String database;

    private DatabaseSecret(
            String secretId,
            @Nullable String engine,
            @Nullable String host,
            @Nullable Integer port,
            @Nullable String username,
            @Nullable Secret password,
            @Nullable String database) {
        this.secretId = Objects.requireNonNull(secretId, "secretId");
        this.engine = engine;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.database = database;
    }

    /**
     * Parses a secret string. {@code port} may be a JSON number or a numeric string (both occur in
     * hand-made secrets); {@code database} is accepted where {@code dbname} is missing.
     *
     * @throws ConfigException when the text is not a JSON object or a field has the wrong form
     */
    public static DatabaseSecret parse(String secretId, String secretString) {
        JsonNode root;
        try {
            root = JSON.readTree(secretString);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input, which is the secret: drop it.
            throw notAnObject(secretId);
        }
        if (root == null || !root.isObject()) {
            throw notAnObject(secretId);
        }
        String password = text(secretId, root, "password");
        String db = text(secretId, root, "dbname");
        return new DatabaseSecret(
                secretId,
                text(secretId, root, "engine"),
                text(secretId, root, "host"),
                port(secretId, root),
                text(secretId, root, "username"),
                password == null ? null : new Secret(password),
                db != null ? db : text(secretId, root, "database"));
    }

    private static ConfigException notAnObject(String secretId) {
        return new ConfigException(
                "Secret '"
                        + secretId
                        + "' is not a JSON object; expected the RDS layout {\"engine\", \"host\","
                        + " \"port\", \"username\", \"password\", \"dbname\"}");
    }

    @Nullable
    private static String text(String secretId, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw new ConfigException(
                    "Secret '" + secretId + "': field '" + field + "' is not a plain value");
        }
        String text = n.asText();
        return text.isEmpty() ? null : text;
    }

    @Nullable
    private static Integer port(String secretId, JsonNode root) {
        String text = text(secretId, root, "port");
        if (text == null) {
            return null;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new ConfigException(
                "Secret '"
                        + secretId
                        + "': field 'port' must be a port number in 1..65535, got '"
                        + text
                        + "'");
    }

    /** The secret's id or ARN, as configured. */
    public String secretId() {
        return secretId;
    }

    /** {@code engine}, e.g. {@code mysql}, {@code mariadb}, {@code redshift}. */
    public Optional<String> engine() {
        return Optional.ofNullable(engine);
    }

    /** {@code host}. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** {@code port}. */
    public OptionalInt port() {
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** {@code username}. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** {@code password} (masked in toString). */
    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /** {@code dbname}, else {@code database}. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The names of the fields present, for a log line (no values). */
    public List<String> presentFields() {
        List<String> names = new ArrayList<>();
        addIf(names, engine != null, "engine");
        addIf(names, host != null, "host");
        addIf(names, port != null, "port");
        addIf(names, username != null, "username");
        addIf(names, password != null, "password");
        addIf(names, database != null, "dbname");
        return names;
    }

    private static void addIf(List<String> names, boolean present, String name) {
        if (present) {
            names.add(name);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DatabaseSecret)) {
            return false;
        }
        DatabaseSecret other = (DatabaseSecret) o;
        return secretId.equals(other.secretId)
                && Objects.equals(engine, other.engine)
                && Objects.equals(host, other.host)
                && Objects.equals(port, other.port)
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && Objects.equals(database, other.database);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretId, engine, host, port, username, password, database);
    }

    @Override
    public String toString() {
        return "DatabaseSecret[secretId="
                + secretId
                + ", engine="
                + engine
                + ", host="
                + host
                + ", port="
                + port
                + ", username="
                + username
                + ", password="
                + (password == null ? "null" : RawValue.MASK)
                + ", database="
                + database
                + "]";
    }
}
