package io.github.binlog2redshift.sink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The connection fields of a Secrets Manager secret, in the JSON layout AWS uses for Redshift
 * secrets. {@link #toString()} never shows the password.
 */
public record SecretValues(
        String host, Integer port, String database, String username, String password) {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
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
