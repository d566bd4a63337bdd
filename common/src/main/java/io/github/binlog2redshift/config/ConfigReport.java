package io.github.binlog2redshift.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * Renders effective settings for a log line, one {@code key = value (origin)} per line, secrets
 * masked.
 */
public final class ConfigReport {

    private ConfigReport() {}

    public static String describe(OptionCatalog catalog, Settings settings) {
        Map<String, RawValue> sorted = new TreeMap<>(settings.entries());
        StringBuilder sb = new StringBuilder();
        sorted.forEach(
                (key, raw) ->
                        sb.append("  ")
                                .append(key)
                                .append(" = ")
                                .append(raw.display(catalog.isSecret(key)))
                                .append("  (")
                                .append(raw.origin())
                                .append(")\n"));
        return sb.toString();
    }
}
