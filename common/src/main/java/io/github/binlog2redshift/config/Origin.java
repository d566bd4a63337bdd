package io.github.binlog2redshift.config;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Where a configuration value came from, so that an error can point the user at the file, the KDA
 * property group or the command-line argument to fix.
 */
public final class Origin {

    /** The kinds of configuration source, lowest precedence first. */
    public enum Kind {
        DEFAULT,
        PROPERTIES_FILE,
        KDA_PROPERTY_GROUP,
        COMMAND_LINE
    }

    private final Kind kind;
    private final String detail;
    @Nullable private final String legacyKey;

    public Origin(Kind kind, @Nullable String detail, @Nullable String legacyKey) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = detail == null ? "" : detail;
        this.legacyKey = legacyKey;
    }

    /** The kind of source. */
    public Kind kind() {
        return kind;
    }

    /** A file path or property-group name, empty when the kind says it all. */
    public String detail() {
        return detail;
    }

    /**
     * The reference-implementation key the value was translated from, or {@code null} when it was
     * written under its own key.
     */
    @Nullable
    public String legacyKey() {
        return legacyKey;
    }

    public static Origin commandLine() {
        return new Origin(Kind.COMMAND_LINE, "", null);
    }

    public static Origin propertiesFile(String path) {
        return new Origin(Kind.PROPERTIES_FILE, path, null);
    }

    public static Origin kdaGroup(String group, String file) {
        return new Origin(Kind.KDA_PROPERTY_GROUP, group + "' in '" + file, null);
    }

    /** The same origin, marked as translated from {@code oldKey}. */
    public Origin viaLegacyKey(String oldKey) {
        return new Origin(kind, detail, oldKey);
    }

    @Override
    public String toString() {
        String where = where();
        return legacyKey == null ? where : where + ", legacy key '" + legacyKey + "'";
    }

    private String where() {
        switch (kind) {
            case DEFAULT:
                return "default";
            case PROPERTIES_FILE:
                return "properties file '" + detail + "'";
            case KDA_PROPERTY_GROUP:
                return "KDA property group '" + detail + "'";
            case COMMAND_LINE:
                return "command line";
            default:
                throw new IllegalStateException("unknown origin kind " + kind);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Origin)) {
            return false;
        }
        Origin other = (Origin) o;
        return kind == other.kind
                && detail.equals(other.detail)
                && Objects.equals(legacyKey, other.legacyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, detail, legacyKey);
    }
}
