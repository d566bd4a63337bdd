package io.github.binlog2redshift.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials inside values that are not secret as a whole: the password parameters of a JDBC
 * URL ({@code ?password=...}, {@code &trustCertificateKeyStorePassword=...}, Redshift's {@code
 * ;Password=...} and {@code SecretAccessKey=...}) and the {@code user:password@} part of a URL.
 * Applied to every non-secret value a report or an error shows, so a URL-valued option cannot leak
 * the password it embeds.
 */
public final class SecretText {

    /**
     * A query or property parameter whose name ends in password/pwd/secret/token, any case, or the
     * Redshift driver's SecretAccessKey (its IAM URLs may carry one, as AWS's own examples do).
     */
    private static final Pattern PARAMETER =
            Pattern.compile(
                    "(?i)([?&;][a-z0-9_.-]*(?:password|pwd|secret|token|secretaccesskey)=)[^&;#]*");

    /** {@code scheme://user:password@host}: the password part. */
    private static final Pattern USER_INFO = Pattern.compile("(://[^/:@?#\\s]*:)[^/@?#\\s]+@");

    private SecretText() {}

    /** The text with every embedded credential replaced by {@link RawValue#MASK}. */
    public static String mask(String text) {
        String masked =
                PARAMETER.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(RawValue.MASK));
        return USER_INFO
                .matcher(masked)
                .replaceAll("$1" + Matcher.quoteReplacement(RawValue.MASK) + "@");
    }
}
