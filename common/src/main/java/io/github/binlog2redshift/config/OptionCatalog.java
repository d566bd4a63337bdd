package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.internal.KeySuggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every option one job understands, plus its legacy-key table. The catalogue is the single list
 * that drives --help, unknown-key checks and docs/configuration.md.
 *
 * @param jobName the job this catalogue belongs to, e.g. {@code cdc-source}
 * @param options the options, in documentation order
 * @param legacyKeys the reference implementation's keys and their translation
 */
public record OptionCatalog(String jobName, List<ConfigOption<?>> options, LegacyKeys legacyKeys) {

    public OptionCatalog {
        options = List.copyOf(options);
        Map<String, ConfigOption<?>> seen = new LinkedHashMap<>();
        for (ConfigOption<?> o : options) {
            if (seen.put(o.key(), o) != null) {
                throw new IllegalArgumentException("duplicate option " + o.key());
            }
        }
    }

    /** Concatenates option groups, e.g. source options + Kafka options + pipeline options. */
    @SafeVarargs
    public static OptionCatalog of(
            String jobName, LegacyKeys legacyKeys, List<? extends ConfigOption<?>>... groups) {
        List<ConfigOption<?>> all = new ArrayList<>();
        Stream.of(groups).forEach(all::addAll);
        return new OptionCatalog(jobName, all, legacyKeys);
    }

    public Optional<ConfigOption<?>> find(String key) {
        return options.stream().filter(o -> o.matches(key)).findFirst();
    }

    public boolean isSecret(String key) {
        return find(key).map(ConfigOption::isSecret).orElse(false);
    }

    /**
     * Rejects keys no option claims, all at once, each with a "did you mean" when one is close.
     * Unknown keys are rejected rather than ignored because a misspelt key silently falls back to
     * its default.
     */
    public void rejectUnknownKeys(Settings settings) {
        List<String> known = new ArrayList<>(options.stream().map(ConfigOption::key).toList());
        legacyKeys.mappings().forEach(m -> known.add(m.oldKey()));
        List<String> problems = new ArrayList<>();
        for (RawValue raw : settings.entries().values()) {
            if (find(raw.key()).isPresent()) {
                continue;
            }
            String hint =
                    KeySuggestions.closest(raw.key(), known)
                            .map(s -> "; did you mean '" + s + "'?")
                            .orElse("");
            problems.add("'" + raw.key() + "' (from " + raw.origin() + ")" + hint);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(
                    "Unknown option"
                            + (problems.size() > 1 ? "s " : " ")
                            + String.join(", ", problems)
                            + ". Run with --help or see docs/configuration.md for the "
                            + jobName
                            + " options.");
        }
    }
}
