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
import java.util.Optional;

/**
 * How the sink reaches the target database. Either {@link #jdbcUrl} or {@link #host}/{@link
 * #database} locate it (or the Secrets Manager secret does); credentials are either {@link
 * #username}/{@link #password} or {@link #secretId}.
 *
 * @param kind REDSHIFT or POSTGRES
 * @param jdbcUrl full JDBC URL
 * @param host host
 * @param port port
 * @param database database
 * @param username user
 * @param password password (masked in toString)
 * @param secretId Secrets Manager secret id
 * @param schema default target schema
 * @param ssl whether to use TLS
 */
public record TargetConnection(
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
}
