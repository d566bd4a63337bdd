package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.MySqlTlsOptions.KEY_STORE;
import static io.github.binlog2redshift.config.MySqlTlsOptions.KEY_STORE_PASSWORD;
import static io.github.binlog2redshift.config.MySqlTlsOptions.KEY_STORE_TYPE;
import static io.github.binlog2redshift.config.MySqlTlsOptions.MODE;
import static io.github.binlog2redshift.config.MySqlTlsOptions.TRUST_STORE;
import static io.github.binlog2redshift.config.MySqlTlsOptions.TRUST_STORE_PASSWORD;
import static io.github.binlog2redshift.config.MySqlTlsOptions.TRUST_STORE_TYPE;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.Settings;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings of the MySQL connections ({@code source.ssl.*}). cdc-source turns them into
 * Connector/J and Debezium properties, so that the binlog client and every JDBC connection agree.
 */
public final class MySqlTls {

    private final MySqlSslMode mode;
    private final Optional<Store> trustStore;
    private final Optional<Store> keyStore;

    public MySqlTls(MySqlSslMode mode, Optional<Store> trustStore, Optional<Store> keyStore) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
    }

    /**
     * The settings of {@code source.ssl.*}; a store with DISABLED, or a password or type without
     * its store, is an error.
     */
    public static MySqlTls from(Settings s) {
        MySqlSslMode mode = s.get(MODE);
        if (!mode.encrypts()) {
            ConfigConstraints.forbid(s, TRUST_STORE, "source.ssl.mode is " + mode);
            ConfigConstraints.forbid(s, KEY_STORE, "source.ssl.mode is " + mode);
        }
        if (!s.isSet(TRUST_STORE)) {
            ConfigConstraints.forbid(s, TRUST_STORE_PASSWORD, "source.ssl.trust-store is not set");
            ConfigConstraints.forbid(s, TRUST_STORE_TYPE, "source.ssl.trust-store is not set");
        }
        if (!s.isSet(KEY_STORE)) {
            ConfigConstraints.forbid(s, KEY_STORE_PASSWORD, "source.ssl.key-store is not set");
            ConfigConstraints.forbid(s, KEY_STORE_TYPE, "source.ssl.key-store is not set");
        }
        return new MySqlTls(
                mode,
                s.getOptional(TRUST_STORE)
                        .map(
                                path ->
                                        new Store(
                                                path,
                                                s.getOptional(TRUST_STORE_PASSWORD)
                                                        .map(Secret::new),
                                                s.get(TRUST_STORE_TYPE))),
                s.getOptional(KEY_STORE)
                        .map(
                                path ->
                                        new Store(
                                                path,
                                                s.getOptional(KEY_STORE_PASSWORD).map(Secret::new),
                                                s.get(KEY_STORE_TYPE))));
    }

    /** No TLS, for tests and local services. */
    public static MySqlTls disabled() {
        return new MySqlTls(MySqlSslMode.DISABLED, Optional.empty(), Optional.empty());
    }

    /** The mode. */
    public MySqlSslMode mode() {
        return mode;
    }

    /** CA certificates to check the server against; empty = the JVM's. */
    public Optional<Store> trustStore() {
        return trustStore;
    }

    /** The client certificate and key; empty = none. */
    public Optional<Store> keyStore() {
        return keyStore;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MySqlTls)) {
            return false;
        }
        MySqlTls other = (MySqlTls) o;
        return mode == other.mode
                && trustStore.equals(other.trustStore)
                && keyStore.equals(other.keyStore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, trustStore, keyStore);
    }

    @Override
    public String toString() {
        return "MySqlTls[mode="
                + mode
                + ", trustStore="
                + trustStore
                + ", keyStore="
                + keyStore
                + "]";
    }

    /** A key or trust store file: path, optional password (masked in toString), type. */
    public static final class Store {
        private final String path;
        private final Optional<Secret> password;
        private final KeyStoreType type;

        public Store(String path, Optional<Secret> password, KeyStoreType type) {
            this.path = Objects.requireNonNull(path, "path");
            this.password = Objects.requireNonNull(password, "password");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The file's path on every machine of the job. */
        public String path() {
            return path;
        }

        /** Its password. */
        public Optional<Secret> password() {
            return password;
        }

        /** Its format. */
        public KeyStoreType type() {
            return type;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Store)) {
                return false;
            }
            Store other = (Store) o;
            return path.equals(other.path) && password.equals(other.password) && type == other.type;
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, password, type);
        }

        @Override
        public String toString() {
            return "Store[path=" + path + ", password=" + password + ", type=" + type + "]";
        }
    }
}
