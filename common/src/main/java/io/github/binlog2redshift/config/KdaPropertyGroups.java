package io.github.binlog2redshift.config;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the runtime properties of a Managed Service for Apache Flink (KDA) application.
 *
 * <p>The service writes them to {@value #DEFAULT_FILE} as {@code [{"PropertyGroupId": ...,
 * "PropertyMap": {...}}]}; parsing is left to the service's own library ({@link
 * KinesisAnalyticsRuntime}), which also accepts any other path in that format (for tests and local
 * runs). Two groups are read:
 *
 * <ul>
 *   <li>{@value #GROUP}: our dotted keys (legacy keys are accepted too);
 *   <li>{@value #LEGACY_GROUP}: the reference implementation's group, usually holding its old keys;
 *       lower precedence than {@value #GROUP}.
 * </ul>
 *
 * Other groups are logged and ignored: the service and other tools may own them.
 */
public final class KdaPropertyGroups {

    public static final String DEFAULT_FILE = "/etc/flink/application_properties.json";
    public static final String GROUP = "FlinkApplicationProperties";
    public static final String LEGACY_GROUP = "FlinkAppProperties";

    private static final Logger LOG = LoggerFactory.getLogger(KdaPropertyGroups.class);

    private KdaPropertyGroups() {}

    /** The groups as the running service provides them (the library's default location). */
    public static List<Settings> readRuntime() {
        try {
            return toSources(KinesisAnalyticsRuntime.getApplicationProperties(), DEFAULT_FILE);
        } catch (IOException e) {
            throw new ConfigException(
                    "Cannot read KDA application properties from " + DEFAULT_FILE + ": " + e, e);
        }
    }

    /** The groups from a file in the service's JSON format. */
    public static List<Settings> read(Path file) {
        // The library returns no groups at all for a missing file; a named file must exist.
        if (!Files.isReadable(file)) {
            throw new ConfigException(
                    "KDA application properties file '" + file + "' is not readable");
        }
        try {
            return toSources(
                    KinesisAnalyticsRuntime.getApplicationProperties(file.toString()),
                    file.toString());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(
                    "Cannot read KDA application properties from '"
                            + file
                            + "' (expected [{\"PropertyGroupId\": ..., \"PropertyMap\": {...}}]): "
                            + e,
                    e);
        }
    }

    /** Our two groups as sources, lowest precedence first. */
    static List<Settings> toSources(Map<String, Properties> groups, String file) {
        for (String group : groups.keySet()) {
            if (!GROUP.equals(group) && !LEGACY_GROUP.equals(group)) {
                LOG.info("Ignoring KDA property group '{}' in {}", group, file);
            }
        }
        List<Settings> sources = new ArrayList<>();
        for (String group : List.of(LEGACY_GROUP, GROUP)) {
            Properties props = groups.get(group);
            if (props != null) {
                Map<String, String> map = new HashMap<>();
                props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
                sources.add(Settings.of(map, Origin.kdaGroup(group, file)));
            }
        }
        return sources;
    }
}
