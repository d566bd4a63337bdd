package io.github.binlog2redshift.config.source;

/**
 * TLS towards MySQL ({@code source.ssl.mode}), with the meaning MySQL's own clients give these
 * names (Connector/J {@code sslMode}, Debezium {@code database.ssl.mode}).
 */
public enum MySqlSslMode {
    DISABLED(false, false),
    PREFERRED(true, false),
    REQUIRED(true, false),
    VERIFY_CA(true, true),
    VERIFY_IDENTITY(true, true);

    private final boolean encrypts;
    private final boolean verifies;

    MySqlSslMode(boolean encrypts, boolean verifies) {
        this.encrypts = encrypts;
        this.verifies = verifies;
    }

    /** Whether TLS is attempted at all. */
    public boolean encrypts() {
        return encrypts;
    }

    /** Whether the server certificate is checked against a trust store (or the JVM's CAs). */
    public boolean verifies() {
        return verifies;
    }
}
