package io.github.binlog2redshift.config.source;

import io.github.binlog2redshift.config.Secret;
import java.time.ZoneId;

/**
 * How to reach the MySQL server.
 *
 * @param hostname host name or IP
 * @param port port
 * @param username replication user
 * @param password its password (masked in toString)
 * @param serverTimeZone the server's session time zone
 */
public record MySqlConnection(
        String hostname, int port, String username, Secret password, ZoneId serverTimeZone) {}
