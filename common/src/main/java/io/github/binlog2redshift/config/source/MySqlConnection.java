package io.github.binlog2redshift.config.source;

import io.github.binlog2redshift.config.Secret;
import java.time.ZoneId;
import java.util.Objects;

/** How to reach the MySQL server. */
public final class MySqlConnection {

    private final String hostname;
    private final int port;
    private final String username;
    private final Secret password;
    private final ZoneId serverTimeZone;

    public MySqlConnection(
            String hostname, int port, String username, Secret password, ZoneId serverTimeZone) {
        this.hostname = hostname;
        this.port = port;
        this.username = username;
        this.password = password;
        this.serverTimeZone = serverTimeZone;
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
                && Objects.equals(serverTimeZone, other.serverTimeZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, port, username, password, serverTimeZone);
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
                + "]";
    }
}
