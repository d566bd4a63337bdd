package io.github.binlog2redshift.config;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Pass-through client properties (e.g. Kafka {@code security.protocol}, {@code sasl.jaas.config}).
 * Values may carry credentials, so {@link #toString} lists keys only.
 */
public final class ClientProperties {

    private final Map<String, String> values;

    public ClientProperties(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Property name -> value. */
    public Map<String, String> values() {
        return values;
    }

    /** A fresh {@link Properties} for a client builder. */
    public Properties toProperties() {
        Properties props = new Properties();
        props.putAll(values);
        return props;
    }

    @Override
    public String toString() {
        return "ClientProperties" + new TreeMap<>(values).keySet();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClientProperties)) {
            return false;
        }
        ClientProperties other = (ClientProperties) o;
        return values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }
}
