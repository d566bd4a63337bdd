package io.github.binlog2redshift.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds settings for tests from "key=value" strings. */
public final class TestSettings {

    public static final Origin FILE = Origin.propertiesFile("test.properties");

    private TestSettings() {}

    public static Map<String, String> map(String... entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            map.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return map;
    }

    public static Settings file(String... entries) {
        return Settings.of(map(entries), FILE);
    }

    /** Merged through the catalogue's loader: legacy keys translated, unknown keys rejected. */
    public static Settings load(OptionCatalog catalog, Map<String, String> values) {
        return new ConfigLoader(catalog).merge(List.of(Settings.of(values, FILE)));
    }

    /** A minimal valid cdc-source configuration, plus/overridden by {@code extra}. */
    public static Map<String, String> validSource(String... extra) {
        Map<String, String> m =
                map(
                        "source.hostname=db1",
                        "source.username=cdc",
                        "source.password=s3cret-pw",
                        "source.database-list=shop",
                        "kafka.bootstrap-servers=localhost:9092",
                        "kafka.topic=cdc");
        m.putAll(map(extra));
        return m;
    }

    /** A minimal valid redshift-sink configuration, plus/overridden by {@code extra}. */
    public static Map<String, String> validSink(String... extra) {
        Map<String, String> m =
                map(
                        "kafka.bootstrap-servers=localhost:9092",
                        "kafka.topics=cdc",
                        "sink.redshift.host=rs.example.com",
                        "sink.redshift.database=dev",
                        "sink.redshift.username=loader",
                        "sink.redshift.password=rs-secret-pw",
                        "sink.redshift.iam-role=arn:aws:iam::1:role/copy",
                        "sink.staging.path=s3://bucket/stage");
        m.putAll(map(extra));
        return m;
    }
}
