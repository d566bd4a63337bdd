package io.github.binlog2redshift.sink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The connection fields of a Secrets Manager secret. Every layout AWS creates for a database the
 * sink can write to parses (JSON key names are case-sensitive; see "JSON structure of AWS Secrets
 * Manager secrets" in the Secrets Manager User Guide):
 *
 * <ul>
 *   <li>Redshift's managed admin secret ({@code ManageMasterPassword}), Redshift Serverless's
 *       ({@code manageAdminPassword}) and RDS's managed master secret: {@code username} and {@code
 *       password} only;
 *   <li>the console's "Credentials for Amazon Redshift": also {@code engine}, {@code host}, {@code
 *       port}, {@code dbClusterIdentifier} and maybe {@code dbname};
 *   <li>RDS and Aurora: {@code engine}, {@code host}, {@code port}, {@code username}, {@code
 *       password}, {@code dbname}, {@code dbInstanceIdentifier} or {@code dbClusterIdentifier}.
 * </ul>
 *
 * <p>{@code port} may be a number or a string; {@code database} is read when {@code dbname} is
 * absent. Other keys ({@code masterarn}, replica fields) are ignored. {@link #toString()} never
 * shows the password.
 */
public final class SecretValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Engines whose secrets describe a database the sink can write to. */
    private static final Set<String> WAREHOUSE_ENGINES =
            Set.of("redshift", "postgres", "aurora-postgresql");

    @Nullable private final String host;
    @Nullable private final Integer port;
    @Nullable private final String database;
    @Nullable private final String username;
    @Nullable private final String password;
    @Nullable private final String engine;
    @Nullable private final String clusterId;

    /** Values without an engine or cluster identifier. */
    public SecretValues(
            @Nullable String host,
            @Nullable Integer port,
            @Nullable String database,
            @Nullable String username,
            @Nullable String password) {
        this(host, port, database, username, password, null, null);
    }

    public SecretValues(
            @Nullable String host,
            @Nullable Integer port,
            @Nullable String database,
            @Nullable String username,
            @Nullable String password,
            @Nullable String engine,
            @Nullable String clusterId) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.engine = engine;
        this.clusterId = clusterId;
    }

    /**
     * Parses the secret string. Errors name the secret and the field, never the content: a secret
     * that is not JSON may be a bare password.
     */
    public static SecretValues parse(String secretId, String secretJson) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(secretJson);
        } catch (IOException e) {
            throw new IOException("secret " + secretId + " is not a JSON object");
        }
        if (n == null || !n.isObject()) {
            throw new IOException("secret " + secretId + " is not a JSON object");
        }
        String engine = text(n, "engine");
        if (engine != null && !WAREHOUSE_ENGINES.contains(engine.toLowerCase(Locale.ROOT))) {
            throw new IOException(
                    "secret "
                            + secretId
                            + " is for engine '"
                            + engine
                            + "'; the sink writes to Redshift or PostgreSQL (engine redshift,"
                            + " postgres or aurora-postgresql, or none)");
        }
        String db = text(n, "dbname");
        return new SecretValues(
                text(n, "host"),
                port(secretId, n),
                db != null ? db : text(n, "database"),
                text(n, "username"),
                text(n, "password"),
                engine,
                text(n, "dbClusterIdentifier"));
    }

    @Nullable
    private static Integer port(String secretId, JsonNode n) throws IOException {
        if (!n.hasNonNull("port")) {
            return null;
        }
        String text = n.get("port").asText().trim();
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as an out-of-range number
        }
        throw new IOException(
                "secret " + secretId + ": port must be a number in 1..65535, got '" + text + "'");
    }

    @Nullable
    private static String text(JsonNode n, String field) {
        if (!n.hasNonNull(field)) {
            return null;
        }
        String value = n.get(field).asText();
        // The console stores an empty string for a field left blank.
        return value.isEmpty() ? null : value;
    }

    @Nullable
    public String host() {
        return host;
    }

    @Nullable
    public Integer port() {
        return port;
    }

    /** {@code dbname}, else {@code database}. */
    @Nullable
    public String database() {
        return database;
    }

    @Nullable
    public String username() {
        return username;
    }

    @Nullable
    public String password() {
        return password;
    }

    /** {@code engine}, when the secret names one. */
    @Nullable
    public String engine() {
        return engine;
    }

    /** {@code dbClusterIdentifier}: the Redshift (or Aurora) cluster the secret belongs to. */
    @Nullable
    public String clusterId() {
        return clusterId;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SecretValues)) {
            return false;
        }
        SecretValues other = (SecretValues) o;
        return Objects.equals(host, other.host)
                && Objects.equals(port, other.port)
                && Objects.equals(database, other.database)
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && Objects.equals(engine, other.engine)
                && Objects.equals(clusterId, other.clusterId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, username, password, engine, clusterId);
    }

    @Override
    public String toString() {
        return "SecretValues[host="
                + host
                + ", port="
                + port
                + ", database="
                + database
                + ", username="
                + username
                + ", password=****, engine="
                + engine
                + ", clusterId="
                + clusterId
                + "]";
    }
}
