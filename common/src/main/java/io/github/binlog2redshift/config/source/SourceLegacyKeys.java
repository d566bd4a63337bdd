package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.LegacyKeyMapping.rename;
import static io.github.binlog2redshift.config.LegacyKeyMapping.translate;

import io.github.binlog2redshift.config.KafkaOptions;
import io.github.binlog2redshift.config.KafkaProducerOptions;
import io.github.binlog2redshift.config.LegacyKeys;
import io.github.binlog2redshift.config.PipelineOptions;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.internal.LegacyValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference implementation's source-job keys and how they become cdc-source keys. */
public final class SourceLegacyKeys {

    private SourceLegacyKeys() {}

    /** A method, not a constant: the table refers to {@link SourceOptions}, which refers to it. */
    public static LegacyKeys table() {
        return new LegacyKeys(
                List.of(
                        translate(
                                "host",
                                "host[:port] split into host name and port",
                                SourceLegacyKeys::host,
                                SourceOptions.HOSTNAME,
                                SourceOptions.PORT),
                        rename("username", SourceOptions.USERNAME),
                        rename("password", SourceOptions.PASSWORD),
                        rename(
                                "db_list",
                                SourceOptions.DATABASE_LIST,
                                "renamed; comma-separated regexes"),
                        rename(
                                "tb_list",
                                SourceOptions.TABLE_LIST,
                                "renamed; comma-separated regexes of db.table"),
                        rename(
                                "server_id",
                                SourceOptions.SERVER_ID,
                                "renamed; a-b range or single id"),
                        rename("server_time_zone", SourceOptions.SERVER_TIME_ZONE),
                        translate(
                                "position",
                                "initial | latest | earliest | <file>[:<pos>] | gtid:<set> | timestamp:<epoch ms>",
                                StartupPosition::translate,
                                SourceOptions.STARTUP_MODE,
                                SourceOptions.STARTUP_BINLOG_FILE,
                                SourceOptions.STARTUP_BINLOG_POSITION,
                                SourceOptions.STARTUP_GTID_SET,
                                SourceOptions.STARTUP_TIMESTAMP_MS),
                        rename("kafka_broker", KafkaOptions.BOOTSTRAP_SERVERS),
                        translate(
                                "topic",
                                "one topic for all events: kafka.topic-routing=SINGLE",
                                v ->
                                        routing(
                                                KafkaProducerOptions.TOPIC.key(),
                                                v,
                                                TopicRouting.SINGLE),
                                KafkaProducerOptions.TOPIC,
                                KafkaProducerOptions.TOPIC_ROUTING),
                        translate(
                                "topic_prefix",
                                "prefix + lower-case database: kafka.topic-routing=PER_DATABASE",
                                v ->
                                        routing(
                                                KafkaProducerOptions.TOPIC_PREFIX.key(),
                                                v,
                                                TopicRouting.PER_DATABASE),
                                KafkaProducerOptions.TOPIC_PREFIX,
                                KafkaProducerOptions.TOPIC_ROUTING),
                        rename(
                                "table_pk",
                                SourceOptions.TABLE_PK_OVERRIDES,
                                "renamed; db and table now match whole names (product no longer matches product_01)"),
                        rename(
                                "delivery_guarantee",
                                KafkaProducerOptions.DELIVERY_GUARANTEE,
                                "renamed; exactly_once now requires kafka.transactional-id-prefix"),
                        new io.github.binlog2redshift.config.LegacyKeyMapping(
                                "kafka_properties",
                                List.of("kafka.properties.*"),
                                "JSON object or k=v,k2=v2; each entry becomes kafka.properties.<k>",
                                true,
                                v ->
                                        LegacyValues.clientProperties(
                                                KafkaOptions.PROPERTIES.key(), v)),
                        rename("chunk_size", SourceOptions.SNAPSHOT_CHUNK_SIZE),
                        rename("disable_chaining", PipelineOptions.DISABLE_CHAINING),
                        translate(
                                "checkpoint_interval",
                                "needs a unit (30 s, 1 min); a bare number is refused",
                                v ->
                                        Map.of(
                                                PipelineOptions.CHECKPOINT_INTERVAL.key(),
                                                LegacyValues.durationWithUnit(v)),
                                PipelineOptions.CHECKPOINT_INTERVAL),
                        rename("checkpoint_dir", PipelineOptions.CHECKPOINT_DIR),
                        rename("parallelism", PipelineOptions.PARALLELISM)));
    }

    /** {@code db.example.com:3306}, {@code db.example.com}, {@code [::1]:3306}. */
    static Map<String, String> host(String value) {
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in IPv6 address");
            }
            host = value.substring(1, close);
            if (value.length() > close + 1) {
                if (value.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("expected ':' after ']'");
                }
                port = value.substring(close + 2);
            }
        } else if (value.indexOf(':') != value.lastIndexOf(':')) {
            throw new IllegalArgumentException("write IPv6 addresses as [addr]:port");
        } else if (value.contains(":")) {
            host = value.substring(0, value.indexOf(':'));
            port = value.substring(value.indexOf(':') + 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host name");
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SourceOptions.HOSTNAME.key(), host);
        if (port != null) {
            out.put(SourceOptions.PORT.key(), port);
        }
        return out;
    }

    private static Map<String, String> routing(String key, String value, TopicRouting routing) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(key, value);
        out.put(KafkaProducerOptions.TOPIC_ROUTING.key(), routing.name());
        return out;
    }
}
