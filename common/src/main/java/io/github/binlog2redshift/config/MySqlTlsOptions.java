package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.source.KeyStoreType;
import io.github.binlog2redshift.config.source.MySqlSslMode;
import java.util.List;

/**
 * TLS options of the cdc-source job's MySQL connections ({@code source.ssl.*}). They reach every
 * connection the job opens: the binlog client, Flink CDC's JDBC connections, and the preflight's;
 * the typed view is {@link io.github.binlog2redshift.config.source.MySqlTls}.
 */
public final class MySqlTlsOptions {

    private MySqlTlsOptions() {}

    public static final ConfigOption<MySqlSslMode> MODE =
            ConfigOption.key("source.ssl.mode", ValueType.enumOf(MySqlSslMode.class))
                    .defaultValue(MySqlSslMode.PREFERRED)
                    .description(
                            "DISABLED, PREFERRED (TLS when the server offers it, certificate not"
                                    + " checked), REQUIRED (TLS or fail, certificate not checked),"
                                    + " VERIFY_CA (also check the certificate against"
                                    + " source.ssl.trust-store, else the JVM's CAs), VERIFY_IDENTITY"
                                    + " (also check the host name). For RDS/Aurora use VERIFY_CA or"
                                    + " VERIFY_IDENTITY with a trust store holding the RDS CA bundle.")
                    .build();

    public static final ConfigOption<String> TRUST_STORE =
            ConfigOption.key("source.ssl.trust-store", ValueType.string())
                    .defaultText("(none: the JVM's CAs)")
                    .description(
                            "Path of a trust store file holding the CA certificate(s) of the"
                                    + " server; it must exist at this path on the client, the"
                                    + " JobManager and every TaskManager.")
                    .build();

    public static final ConfigOption<String> TRUST_STORE_PASSWORD =
            ConfigOption.key("source.ssl.trust-store-password", ValueType.string())
                    .secret()
                    .description("Password of source.ssl.trust-store.")
                    .build();

    public static final ConfigOption<KeyStoreType> TRUST_STORE_TYPE =
            ConfigOption.key("source.ssl.trust-store-type", ValueType.enumOf(KeyStoreType.class))
                    .defaultValue(KeyStoreType.PKCS12)
                    .description("PKCS12 or JKS.")
                    .build();

    public static final ConfigOption<String> KEY_STORE =
            ConfigOption.key("source.ssl.key-store", ValueType.string())
                    .description(
                            "Path of a key store with a client certificate and key, for a user"
                                    + " created with REQUIRE X509; same placement as the trust"
                                    + " store.")
                    .build();

    public static final ConfigOption<String> KEY_STORE_PASSWORD =
            ConfigOption.key("source.ssl.key-store-password", ValueType.string())
                    .secret()
                    .description("Password of source.ssl.key-store (and of its key).")
                    .build();

    public static final ConfigOption<KeyStoreType> KEY_STORE_TYPE =
            ConfigOption.key("source.ssl.key-store-type", ValueType.enumOf(KeyStoreType.class))
                    .defaultValue(KeyStoreType.PKCS12)
                    .description("PKCS12 or JKS.")
                    .build();

    public static final List<ConfigOption<?>> ALL =
            List.of(
                    MODE,
                    TRUST_STORE,
                    TRUST_STORE_PASSWORD,
                    TRUST_STORE_TYPE,
                    KEY_STORE,
                    KEY_STORE_PASSWORD,
                    KEY_STORE_TYPE);
}
