package io.github.binlog2redshift.config;

import java.util.Objects;

/** One configuration entry as written by the user, before parsing. */
public final class RawValue {

    /** What an error message or log line shows instead of a secret value. */
    public static final String MASK = "<hidden>";

    private final String key;
    private final String value;
    private final Origin origin;

    public RawValue(String key, String value, Origin origin) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** The (new-style) key. */
    public String key() {
        return key;
    }

    /** The text as written, never null. */
    public String value() {
        return value;
    }

    /** Where it came from. */
    public Origin origin() {
        return origin;
    }

    /**
     * The value quoted for a message, or {@link #MASK} for secrets; credentials embedded in a URL
     * are masked either way (see {@link SecretText}).
     */
    public String display(boolean secret) {
        if (secret) {
            return MASK;
        }
        // A URL may embed a password although the option as a whole is not secret.
        String masked = SecretText.mask(value);
        // Long JSON values would drown the message; the origin tells where to read the rest.
        String shown = masked.length() > 200 ? masked.substring(0, 200) + "..." : masked;
        return "'" + shown + "'";
    }

    /** Never prints the value: a RawValue does not know whether it holds a secret. */
    @Override
    public String toString() {
        return key + " (from " + origin + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RawValue)) {
            return false;
        }
        RawValue other = (RawValue) o;
        return key.equals(other.key) && value.equals(other.value) && origin.equals(other.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, origin);
    }
}
