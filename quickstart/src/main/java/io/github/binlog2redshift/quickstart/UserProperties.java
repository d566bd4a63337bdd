package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.ConfigOption;
import io.github.binlog2redshift.config.OptionCatalog;
import io.github.binlog2redshift.config.PropertiesFileSource;
import io.github.binlog2redshift.config.RawValue;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.internal.KeySuggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code --config} file split between the two jobs and the local Flink cluster. One file
 * configures the whole pipeline, so a key goes to every job whose catalogue knows it ({@code
 * kafka.bootstrap-servers} to both, {@code source.*} to cdc-source); {@code cdc-source.<key>} and
 * {@code redshift-sink.<key>} address one job only (e.g. {@code pipeline.job-name}), and {@code
 * flink.<key>} goes to the Flink configuration (e.g. {@code flink.s3.access-key} for a real S3).
 *
 * @param source keys for cdc-source
 * @param sink keys for redshift-sink
 * @param flink Flink configuration keys, without the {@code flink.} prefix
 */
record UserProperties(
        Map<String, RawValue> source, Map<String, RawValue> sink, Map<String, String> flink) {

    static final String SOURCE_PREFIX = "cdc-source.";
    static final String SINK_PREFIX = "redshift-sink.";
    static final String FLINK_PREFIX = "flink.";

    static UserProperties none() {
        return new UserProperties(Map.of(), Map.of(), Map.of());
    }

    static UserProperties read(Path file) {
        Map<String, RawValue> source = new LinkedHashMap<>();
        Map<String, RawValue> sink = new LinkedHashMap<>();
        Map<String, String> flink = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (RawValue raw : PropertiesFileSource.read(file).entries().values()) {
            String key = raw.key();
            if (key.startsWith(FLINK_PREFIX)) {
                flink.put(key.substring(FLINK_PREFIX.length()), raw.value());
            } else if (key.startsWith(SOURCE_PREFIX)) {
                source.put(unprefixed(raw, SOURCE_PREFIX).key(), unprefixed(raw, SOURCE_PREFIX));
            } else if (key.startsWith(SINK_PREFIX)) {
                sink.put(unprefixed(raw, SINK_PREFIX).key(), unprefixed(raw, SINK_PREFIX));
            } else {
                boolean forSource = knows(SourceOptions.ALL, key);
                boolean forSink = knows(SinkOptions.ALL, key);
                if (forSource) source.put(key, raw);
                if (forSink) sink.put(key, raw);
                if (!forSource && !forSink) unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(
                    "Unknown key"
                            + (unknown.size() > 1 ? "s " : " ")
                            + unknown.stream()
                                    .map(k -> "'" + k + "'" + suggestion(k))
                                    .collect(Collectors.joining(", "))
                            + " in "
                            + file
                            + ": expected options of cdc-source or redshift-sink"
                            + " (docs/configuration.md), or keys prefixed with "
                            + SOURCE_PREFIX
                            + ", "
                            + SINK_PREFIX
                            + " or "
                            + FLINK_PREFIX);
        }
        return new UserProperties(source, sink, flink);
    }

    /** The cdc-source entries, legacy keys translated. */
    Settings sourceSettings() {
        return SourceOptions.ALL.legacyKeys().apply(Settings.ofValues(source.values()));
    }

    /** The redshift-sink entries, legacy keys translated. */
    Settings sinkSettings() {
        return SinkOptions.ALL.legacyKeys().apply(Settings.ofValues(sink.values()));
    }

    /** Whether the user set {@code option} for cdc-source (under its own or a legacy key). */
    boolean setsSource(ConfigOption<?> option) {
        return sourceSettings().isSet(option);
    }

    /** Whether the user set {@code option} for redshift-sink. */
    boolean setsSink(ConfigOption<?> option) {
        return sinkSettings().isSet(option);
    }

    /** " (did you mean 'x'?)" for the closest key of either job, or nothing. */
    private static String suggestion(String key) {
        List<String> known = new ArrayList<>();
        for (OptionCatalog catalog : List.of(SourceOptions.ALL, SinkOptions.ALL)) {
            catalog.options().forEach(o -> known.add(o.key()));
            catalog.legacyKeys().mappings().forEach(m -> known.add(m.oldKey()));
        }
        return KeySuggestions.closest(key, known)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
    }

    private static boolean knows(OptionCatalog catalog, String key) {
        return catalog.find(key).isPresent() || catalog.legacyKeys().isLegacyKey(key);
    }

    private static RawValue unprefixed(RawValue raw, String prefix) {
        return new RawValue(raw.key().substring(prefix.length()), raw.value(), raw.origin());
    }
}
