package io.github.binlog2redshift.config;

/**
 * A configuration error. Every message names the key, the expected form, the actual value (masked
 * when secret) and where the value came from, so the user can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A value that does not parse or violates a constraint.
     *
     * @param raw the offending entry
     * @param secret whether to mask the value
     * @param expected the expected form, e.g. "an integer between 1 and 65535"
     * @param reason optional detail (may be null)
     */
    public static ConfigException invalidValue(
            RawValue raw, boolean secret, String expected, String reason) {
        StringBuilder msg =
                new StringBuilder("Invalid value for '")
                        .append(raw.key())
                        .append("' (from ")
                        .append(raw.origin())
                        .append("): expected ")
                        .append(expected)
                        .append(", got ")
                        .append(raw.display(secret));
        // A parser's reason can echo the value, so it is dropped for secrets.
        if (reason != null && !reason.isBlank() && !secret) {
            String shown = reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
            msg.append(" (").append(shown).append(')');
        }
        return new ConfigException(msg.toString());
    }

    /** A required option that no source set. */
    public static ConfigException missing(ConfigOption<?> option, String why) {
        return new ConfigException(
                "Missing required option '"
                        + option.key()
                        + "' ("
                        + option.type().describe()
                        + ": "
                        + option.description()
                        + ")"
                        + (why == null ? "" : "; " + why)
                        + ". Set it in the properties file, a KDA property group or as --"
                        + option.key()
                        + "=...");
    }
}
