package io.github.binlog2redshift.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Kafka options both jobs share: where the brokers are and pass-through client properties. */
public final class KafkaOptions {

    private KafkaOptions() {}

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOption.key("kafka.bootstrap-servers", ValueType.string())
                    .required()
                    .description("Kafka bootstrap servers, host:port[,host:port...].")
                    .build();

    public static final ConfigOption<Map<String, String>> PROPERTIES =
            ConfigOption.prefixMap(
                    "kafka.properties",
                    "Pass-through Kafka client property, e.g. kafka.properties.security.protocol=SASL_SSL"
                            + " (MSK IAM: also sasl.mechanism=AWS_MSK_IAM, sasl.jaas.config,"
                            + " sasl.client.callback.handler.class).",
                    true);

    /**
     * Client properties that have a dedicated option; setting them through {@code
     * kafka.properties.*} would silently fight that option.
     */
    static final Map<String, String> RESERVED =
            Map.of(
                    "bootstrap.servers", "kafka.bootstrap-servers",
                    "transactional.id", "kafka.transactional-id-prefix",
                    "group.id", "kafka.group-id");

    public static final List<ConfigOption<?>> SHARED = List.of(BOOTSTRAP_SERVERS, PROPERTIES);

    /** The pass-through properties, rejecting the ones that have their own option. */
    public static ClientProperties clientProperties(Settings settings) {
        Map<String, String> props = settings.getMap(PROPERTIES);
        for (String name : Set.copyOf(props.keySet())) {
            String instead = RESERVED.get(name);
            if (instead != null) {
                throw new ConfigException(
                        "Option 'kafka.properties."
                                + name
                                + "' (from "
                                + settings.raw("kafka.properties." + name).orElseThrow().origin()
                                + ") is not allowed: set '"
                                + instead
                                + "' instead");
            }
        }
        return new ClientProperties(props);
    }
}
