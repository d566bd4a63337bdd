package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.source.SourceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link SourceConfig} from {@code key=value} strings (and {@code -key} to drop a
 * default), as the job would load it.
 */
public final class TestConfigs {

    private TestConfigs() {}

    public static SourceConfig source(Map<String, String> values) {
        Settings s = Settings.of(values, Origin.propertiesFile("test.properties"));
        return SourceConfig.from(new ConfigLoader(SourceOptions.ALL).merge(List.of(s)));
    }

    public static SourceConfig source(String... entries) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source.hostname", "127.0.0.1");
        m.put("source.username", "cdc");
        m.put("source.password", "pw");
        m.put("source.database-list", "shop");
        m.put("kafka.bootstrap-servers", "127.0.0.1:9092");
        m.put("kafka.topic", "cdc");
        for (String e : entries) {
            if (e.startsWith("-")) {
                m.remove(e.substring(1));
                continue;
            }
            int eq = e.indexOf('=');
            m.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return source(m);
    }
}
