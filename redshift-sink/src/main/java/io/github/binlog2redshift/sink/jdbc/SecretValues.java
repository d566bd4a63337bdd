package io.github.binlog2redshift.sink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The connection fields of a Secrets Manager secret, in the JSON layout AWS uses for Redshift
 * secrets. {@link #toString()} never shows the password.
 */
public final class SecretValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nullable private final String host;
    @Nullable private final Integer port;
    @Nullable private final String database;
    @Nullable private final String username;
    @Nullable private final String password;

    public SecretValues(
            @Nullable String host,
            @Nullable Integer port,
            @Nullable String database,
            @Nullable String username,
            @Nullable String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
    }

    /** Parses the secret string; the error names the secret, never its content. */
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
        String db = text(n, "dbname");
        return new SecretValues(
                text(n, "host"),
                n.hasNonNull("port") ? Integer.valueOf(n.get("port").asText()) : null,
                db != null ? db : text(n, "database"),
                text(n, "username"),
                text(n, "password"));
    }

    @Nullable
    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    @Nullable
    public String host() {
        return host;
    }

    @Nullable
    public Integer port() {
        return port;
    }

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
                && Objects.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, username, password);
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
                + ", password=****]";
    }
}
