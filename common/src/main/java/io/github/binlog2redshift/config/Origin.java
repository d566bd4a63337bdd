package io.github.binlog2redshift.config;

import java.util.Objects;

/**
 * Where a configuration value came from, so that an error can point the user at the file, the KDA
 * property group or the command-line argument to fix.
 *
 * @param kind the kind of source
 * @param detail a file path or property-group name, empty when the kind says it all
 * @param legacyKey the reference-implementation key the value was translated from, or {@code null}
 *     when it was written under its own key
 */
public record Origin(Kind kind, String detail, String legacyKey) {

    /** The kinds of configuration source, lowest precedence first. */
    public enum Kind {
        DEFAULT,
        PROPERTIES_FILE,
        KDA_PROPERTY_GROUP,
        COMMAND_LINE
    }

    public Origin {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
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
        String where =
                switch (kind) {
                    case DEFAULT -> "default";
                    case PROPERTIES_FILE -> "properties file '" + detail + "'";
                    case KDA_PROPERTY_GROUP -> "KDA property group '" + detail + "'";
                    case COMMAND_LINE -> "command line";
                };
        return legacyKey == null ? where : where + ", legacy key '" + legacyKey + "'";
    }
}
