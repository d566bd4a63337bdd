package io.github.binlog2redshift.config;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Pass-through client properties (e.g. Kafka {@code security.protocol}, {@code sasl.jaas.config}).
 * Values may carry credentials, so {@link #toString} lists keys only.
 *
 * @param values property name -> value
 */
public record ClientProperties(Map<String, String> values) {

    public ClientProperties {
        values = Map.copyOf(values);
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
}
