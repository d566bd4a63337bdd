package io.github.binlog2redshift.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads a property group the way the job does at start on Managed Flink: unknown keys rejected,
 * then the typed configuration with every cross-key rule. The source's secret is answered locally
 * (RDS layout), so nothing calls AWS.
 */
final class JobConfigs {

    static final String SOURCE_SECRET =
            "{\"engine\":\"mysql\",\"host\":\"mysql.internal\",\"port\":3306,"
                    + "\"username\":\"binlog2redshift\",\"password\":\"pw\"}";

    private JobConfigs() {}

    /**
     * @param job cdc-source or redshift-sink
     * @param propertyMap a PropertyMap of a property group
     * @param render each value as the job would read it (intrinsics filled in)
     * @throws io.github.binlog2redshift.config.ConfigException as the job would fail at start
     */
    static Object load(String job, JsonNode propertyMap, Function<JsonNode, String> render) {
        Map<String, String> values = new LinkedHashMap<>();
        propertyMap
                .fields()
                .forEachRemaining(e -> values.put(e.getKey(), render.apply(e.getValue())));
        Settings s = Settings.of(values, Origin.kdaGroup("FlinkApplicationProperties", "test"));
        switch (job) {
            case "cdc-source" -> {
                SourceOptions.ALL.rejectUnknownKeys(s);
                return SourceConfig.from(s, (id, region) -> SOURCE_SECRET);
            }
            case "redshift-sink" -> {
                SinkOptions.ALL.rejectUnknownKeys(s);
                return SinkConfig.from(s);
            }
            default -> throw new IllegalArgumentException("No job " + job);
        }
    }
}
