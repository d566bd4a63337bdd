package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.internal.DurationText;
import io.github.binlog2redshift.config.internal.EnumText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * How the text of one option becomes a typed value. {@link #parse} throws {@link
 * IllegalArgumentException} with a short reason; {@link Settings} turns that into a {@link
 * ConfigException} naming key, origin, expected form ({@link #describe}) and actual value.
 *
 * @param <T> the parsed type
 */
public interface ValueType<T> {

    /** The expected form, used in errors and in docs/configuration.md, e.g. "integer". */
    String describe();

    T parse(String text);

    /** Renders a value (typically a default) the way a user would write it. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** This type with an additional constraint, described by {@code expectation}. */
    default ValueType<T> checked(Predicate<T> check, String expectation) {
        ValueType<T> base = this;
        return of(
                base.describe() + " " + expectation,
                text -> {
                    T value = base.parse(text);
                    if (!check.test(value)) {
                        throw new IllegalArgumentException("must be " + expectation);
                    }
                    return value;
                },
                base::format);
    }

    static <T> ValueType<T> of(String describe, Function<String, T> parser) {
        return of(describe, parser, String::valueOf);
    }

    static <T> ValueType<T> of(
            String describe, Function<String, T> parser, Function<T, String> formatter) {
        return new ValueType<>() {
            @Override
            public String describe() {
                return describe;
            }

            @Override
            public T parse(String text) {
                return parser.apply(text.trim());
            }

            @Override
            public String format(T value) {
                return formatter.apply(value);
            }
        };
    }

    static ValueType<String> string() {
        return of("string", s -> s);
    }

    static ValueType<Integer> integer() {
        return of("integer", Integer::parseInt);
    }

    static ValueType<Long> longInteger() {
        return of("long integer", Long::parseLong);
    }

    static ValueType<Integer> intAtLeast(int min) {
        return integer().checked(v -> v >= min, ">= " + min);
    }

    static ValueType<Long> longAtLeast(long min) {
        return longInteger().checked(v -> v >= min, ">= " + min);
    }

    /** Strict: only {@code true} or {@code false} (any case). "ture" is an error, not false. */
    static ValueType<Boolean> bool() {
        return of(
                "boolean (true|false)",
                s -> {
                    switch (s.toLowerCase(Locale.ROOT)) {
                        case "true":
                            return true;
                        case "false":
                            return false;
                        default:
                            throw new IllegalArgumentException("not true or false");
                    }
                });
    }

    /** Flink's duration syntax: {@code 10s}, {@code 500ms}, {@code 1 min}; a bare number is ms. */
    static ValueType<Duration> duration() {
        return of(
                "duration (e.g. 10s, 500ms, 1 min; a bare number is milliseconds)",
                DurationText::parse,
                DurationText::format);
    }

    /** Case-insensitive enum names; {@code -}, {@code _} and spaces are interchangeable. */
    static <E extends Enum<E>> ValueType<E> enumOf(Class<E> type) {
        String names =
                Arrays.stream(type.getEnumConstants())
                        .map(Enum::name)
                        .collect(Collectors.joining("|"));
        return of("one of " + names, s -> EnumText.parse(type, s), Enum::name);
    }

    static ValueType<ZoneId> zoneId() {
        return of(
                "time-zone id (e.g. UTC, Asia/Shanghai, +08:00)",
                s -> {
                    try {
                        return ZoneId.of(s);
                    } catch (DateTimeException e) {
                        throw new IllegalArgumentException(e.getMessage());
                    }
                },
                ZoneId::getId);
    }

    /** Comma-separated list; blanks around items and empty items are dropped. */
    static <T> ValueType<List<T>> listOf(ValueType<T> element) {
        return of(
                "comma-separated list of " + element.describe(),
                s ->
                        Arrays.stream(s.split(","))
                                .map(String::trim)
                                .filter(item -> !item.isEmpty())
                                .map(element::parse)
                                .collect(Collectors.toUnmodifiableList()),
                list -> list.stream().map(element::format).collect(Collectors.joining(",")));
    }

    /** A Java regular expression, compiled at load time so a typo fails before the job runs. */
    static ValueType<Pattern> regex() {
        return of(
                "regular expression",
                s -> {
                    try {
                        return Pattern.compile(s);
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException(e.getDescription());
                    }
                },
                Pattern::pattern);
    }

    /**
     * Entries {@code k=v} separated by {@code separator}; the first {@code =} splits, so values may
     * contain {@code =}.
     */
    static ValueType<Map<String, String>> keyValues(char separator) {
        String sep = String.valueOf(separator);
        return of(
                "'" + sep + "'-separated key=value pairs",
                s -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    for (String entry : s.split(Pattern.quote(sep))) {
                        if (entry.isBlank()) {
                            continue;
                        }
                        int eq = entry.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException(
                                    "entry '" + entry.trim() + "' is not key=value");
                        }
                        map.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
                    }
                    return Map.copyOf(map);
                },
                map ->
                        map.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(sep)));
    }
}
