package io.github.binlog2redshift.config.sink;

import java.util.Locale;

/**
 * TLS for the warehouse connection ({@code sink.redshift.ssl-mode}), as pgjdbc and the Redshift
 * driver both name it in their {@code sslmode} property.
 */
public enum SslMode {
    /** Plain text. */
    DISABLE,
    /** Encrypted; the server certificate is not checked. */
    REQUIRE,
    /** Encrypted; the server certificate must chain to the root certificate. */
    VERIFY_CA,
    /** As {@link #VERIFY_CA}, and the certificate must name the host connected to. */
    VERIFY_FULL;

    /** The driver's value, e.g. {@code verify-full}. */
    public String driverValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the server certificate is checked against a root certificate. */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }
}
