package io.github.binlog2redshift.sink.dialect;

/**
 * The names the sink gives Redshift, as Redshift stores them, so that what the sink looks for in
 * the catalog is what it created.
 *
 * <ul>
 *   <li><b>Folded:</b> "ASCII letters in standard and delimited identifiers are case-insensitive
 *       and are folded to lowercase" (https://docs.aws.amazon.com/redshift/latest/dg/r_names.html)
 *       unless a session sets {@code enable_case_sensitive_identifier}. A column {@code userId}
 *       would be created as {@code userid}, then looked for as {@code userId} and added again
 *       ("already exists", forever). The sink folds every name itself, whatever the cluster's
 *       setting: a lower-case name means the same table with the setting on or off, and users query
 *       it without quotes. Other characters are kept (Redshift folds only ASCII letters).
 *   <li><b>At most 127 bytes</b> ("between 1 and 127 bytes in length", same page), less the bytes
 *       the sink appends to derive other names ({@link NameKind#reservedBytes}): a longer name is
 *       cut on a UTF-8 character boundary and ended with {@code _} and the first 8 hex digits of
 *       the SHA-256 of the whole folded name, so two long names that share a prefix stay apart and
 *       the same source name always gets the same warehouse name ({@link NameLimit}, which
 *       PostgreSQL's names go through too).
 * </ul>
 */
public final class RedshiftNames {

    /** Redshift's identifier limit, in bytes of UTF-8. */
    public static final int MAX_IDENTIFIER_BYTES = 127;

    private RedshiftNames() {}

    /** {@code name} as Redshift stores it, for a name of this kind (see the class comment). */
    public static String stored(String name, NameKind kind) {
        return NameLimit.fit(foldAscii(name), MAX_IDENTIFIER_BYTES - kind.reservedBytes());
    }

    /** ASCII A-Z to a-z; every other character as it is. */
    static String foldAscii(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(name);
                }
                out.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return out == null ? name : out.toString();
    }
}
