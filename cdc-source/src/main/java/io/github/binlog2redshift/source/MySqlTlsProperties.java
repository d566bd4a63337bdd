package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.source.MySqlTls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code source.ssl.*} as the properties of the two clients that reach MySQL, so that both speak
 * TLS the same way: Connector/J for every JDBC connection (Flink CDC's pooled and Debezium
 * connections, the preflight's), and Debezium's {@code database.ssl.*}, which Flink CDC reads to
 * set up the binlog client (its {@code DebeziumUtils.createBinaryClient}). The binlog client opens
 * the stores with the JVM default type, which reads PKCS12 and JKS alike.
 */
public final class MySqlTlsProperties {

    private MySqlTlsProperties() {}

    /** Connector/J properties, raw, for a connection opened with a {@link Properties} object. */
    public static Properties jdbc(MySqlTls tls) {
        Properties p = new Properties();
        // sslMode overrides the useSSL=... that Debezium's connection puts in its URL.
        p.setProperty("sslMode", tls.mode().name());
        tls.trustStore()
                .ifPresent(
                        s -> {
                            p.setProperty("trustCertificateKeyStoreUrl", fileUrl(s.path()));
                            p.setProperty("trustCertificateKeyStoreType", s.type().name());
                            s.password()
                                    .ifPresent(
                                            pw ->
                                                    p.setProperty(
                                                            "trustCertificateKeyStorePassword",
                                                            pw.reveal()));
                        });
        tls.keyStore()
                .ifPresent(
                        s -> {
                            p.setProperty("clientCertificateKeyStoreUrl", fileUrl(s.path()));
                            p.setProperty("clientCertificateKeyStoreType", s.type().name());
                            s.password()
                                    .ifPresent(
                                            pw ->
                                                    p.setProperty(
                                                            "clientCertificateKeyStorePassword",
                                                            pw.reveal()));
                        });
        return p;
    }

    /**
     * The Connector/J properties for Flink CDC's {@code jdbcProperties}, which it appends to the
     * JDBC URL as {@code &key=value} without escaping: each value is percent-encoded (spaces as
     * {@code %20}, since Connector/J keeps a {@code +} of a URL as it is) and decoded by the
     * driver.
     */
    public static Properties jdbcUrlParameters(MySqlTls tls) {
        Properties raw = jdbc(tls);
        Properties encoded = new Properties();
        for (String key : raw.stringPropertyNames()) {
            encoded.setProperty(
                    key,
                    URLEncoder.encode(raw.getProperty(key), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return encoded;
    }

    /** Debezium's {@code database.ssl.*}, for the binlog client. */
    public static Properties debezium(MySqlTls tls) {
        Properties p = new Properties();
        p.setProperty("database.ssl.mode", tls.mode().name().toLowerCase(Locale.ROOT));
        tls.trustStore()
                .ifPresent(
                        s -> {
                            p.setProperty("database.ssl.truststore", s.path());
                            s.password()
                                    .map(Secret::reveal)
                                    .ifPresent(
                                            pw ->
                                                    p.setProperty(
                                                            "database.ssl.truststore.password",
                                                            pw));
                        });
        tls.keyStore()
                .ifPresent(
                        s -> {
                            p.setProperty("database.ssl.keystore", s.path());
                            s.password()
                                    .map(Secret::reveal)
                                    .ifPresent(
                                            pw ->
                                                    p.setProperty(
                                                            "database.ssl.keystore.password", pw));
                        });
        return p;
    }

    private static String fileUrl(String path) {
        return Path.of(path).toAbsolutePath().toUri().toString();
    }
}
