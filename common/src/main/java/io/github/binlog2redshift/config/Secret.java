package io.github.binlog2redshift.config;

import java.util.Objects;

/**
 * A secret configuration value (password, secret key). {@link #toString} never shows it, so a
 * config record holding one can be logged safely; call {@link #reveal} only where the value is
 * handed to a client.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Secret)) {
            return false;
        }
        Secret other = (Secret) o;
        return value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return RawValue.MASK;
    }
}
