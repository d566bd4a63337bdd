package io.github.binlog2redshift.config;

import java.util.Objects;

/**
 * One configuration entry as written by the user, before parsing.
 *
 * @param key the (new-style) key
 * @param value the text as written, never null
 * @param origin where it came from
 */
public record RawValue(String key, String value, Origin origin) {

    /** What an error message or log line shows instead of a secret value. */
    public static final String MASK = "<hidden>";

    public RawValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /** The value quoted for a message, or {@link #MASK} for secrets. */
    public String display(boolean secret) {
        if (secret) {
            return MASK;
        }
        // Long JSON values would drown the message; the origin tells where to read the rest.
        String shown = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return "'" + shown + "'";
    }

    /** Never prints the value: a RawValue does not know whether it holds a secret. */
    @Override
    public String toString() {
        return key + " (from " + origin + ")";
    }
}
