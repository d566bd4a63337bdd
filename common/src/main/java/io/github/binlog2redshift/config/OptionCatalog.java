package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.internal.KeySuggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every option one job understands, plus its legacy-key table. The catalogue is the single list
 * that drives --help, unknown-key checks and docs/configuration.md.
 */
public final class OptionCatalog {

    private final String jobName;
    private final List<ConfigOption<?>> options;
    private final LegacyKeys legacyKeys;

    private OptionCatalog(String jobName, List<ConfigOption<?>> options, LegacyKeys legacyKeys) {
        this.jobName = jobName;
        this.options = List.copyOf(options);
        this.legacyKeys = legacyKeys;
        Map<String, ConfigOption<?>> seen = new LinkedHashMap<>();
        for (ConfigOption<?> o : options) {
            if (seen.put(o.key(), o) != null) {
                throw new IllegalArgumentException("duplicate option " + o.key());
            }
        }
    }

    /** The job this catalogue belongs to, e.g. {@code cdc-source}. */
    public String jobName() {
        return jobName;
    }

    /** The options, in documentation order. */
    public List<ConfigOption<?>> options() {
        return options;
    }

    /** The reference implementation's keys and their translation. */
    public LegacyKeys legacyKeys() {
        return legacyKeys;
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
        List<String> known =
                options.stream()
                        .map(ConfigOption::key)
                        .collect(Collectors.toCollection(ArrayList::new));
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptionCatalog)) {
            return false;
        }
        OptionCatalog other = (OptionCatalog) o;
        return Objects.equals(jobName, other.jobName)
                && options.equals(other.options)
                && Objects.equals(legacyKeys, other.legacyKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobName, options, legacyKeys);
    }

    @Override
    public String toString() {
        return "OptionCatalog[jobName="
                + jobName
                + ", options="
                + options
                + ", legacyKeys="
                + legacyKeys
                + "]";
    }
}
