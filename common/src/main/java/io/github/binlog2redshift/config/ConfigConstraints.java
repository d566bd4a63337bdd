package io.github.binlog2redshift.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cross-key checks used by the config records' {@code from(Settings)} factories. Messages list
 * which of the keys are set and where, e.g. "'a' (from command line) and 'b' (from properties file
 * 'x') are mutually exclusive".
 */
public final class ConfigConstraints {

    private ConfigConstraints() {}

    /** Either every option is set or none is (flink-connector-jdbc's {@code checkAllOrNone}). */
    public static void allOrNone(Settings settings, ConfigOption<?>... options) {
        List<ConfigOption<?>> set = setOf(settings, options);
        if (!set.isEmpty() && set.size() != options.length) {
            throw new ConfigException(
                    "Options "
                            + keys(options)
                            + " must be set together or not at all, but only "
                            + describe(settings, set)
                            + " set");
        }
    }

    /** At most one of the options may be set. */
    public static void atMostOne(Settings settings, ConfigOption<?>... options) {
        List<ConfigOption<?>> set = setOf(settings, options);
        if (set.size() > 1) {
            throw new ConfigException(
                    "Options " + describe(settings, set) + " are mutually exclusive; set only one");
        }
    }

    /** Exactly one of the options must be set. */
    public static void exactlyOne(Settings settings, ConfigOption<?>... options) {
        atMostOne(settings, options);
        if (setOf(settings, options).isEmpty()) {
            throw new ConfigException("Set exactly one of " + keys(options) + "; none is set");
        }
    }

    /**
     * {@code option} must not be set, because of {@code why} (e.g. "kafka.topic-routing is
     * SINGLE").
     */
    public static void forbid(Settings settings, ConfigOption<?> option, String why) {
        settings.raw(option.key())
                .ifPresent(
                        raw -> {
                            throw new ConfigException(
                                    "Option '"
                                            + option.key()
                                            + "' (from "
                                            + raw.origin()
                                            + ") must not be set when "
                                            + why);
                        });
    }

    /** A value-level rule failed: names the key, origin, expectation and (masked) value. */
    public static ConfigException invalid(
            Settings settings, ConfigOption<?> option, String expected) {
        RawValue raw =
                settings.raw(option.key())
                        .orElse(
                                new RawValue(
                                        option.key(),
                                        option.defaultText(),
                                        new Origin(Origin.Kind.DEFAULT, "", null)));
        return ConfigException.invalidValue(raw, option.isSecret(), expected, null);
    }

    private static List<ConfigOption<?>> setOf(Settings settings, ConfigOption<?>... options) {
        return Arrays.stream(options)
                .filter(settings::isSet)
                .collect(Collectors.toUnmodifiableList());
    }

    private static String keys(ConfigOption<?>... options) {
        return Arrays.stream(options)
                .map(o -> "'" + o.key() + "'")
                .collect(Collectors.joining(", "));
    }

    private static String describe(Settings settings, List<ConfigOption<?>> set) {
        return set.stream()
                .map(
                        o ->
                                "'"
                                        + o.key()
                                        + "' (from "
                                        + settings.raw(o.key())
                                                .map(r -> r.origin().toString())
                                                .orElse("?")
                                        + ")")
                .collect(Collectors.joining(" and "));
    }
}
