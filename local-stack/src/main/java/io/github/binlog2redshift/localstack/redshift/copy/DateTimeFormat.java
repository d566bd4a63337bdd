package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import java.util.regex.Pattern;

/**
 * A DATEFORMAT or TIMEFORMAT argument: {@code 'auto'}, {@code 'epochsecs'}/{@code 'epochmillisecs'}
 * (TIMEFORMAT only) or a format string. The keywords are case-sensitive, as the COPY reference
 * says, so {@code 'AUTO'} is read as a format string (and refused, being none). Format strings are
 * limited to the elements YYYY, MM, DD, HH24, HH, MI and SS (SS takes up to six fractional digits)
 * with literal separators; other elements are refused as not implemented.
 *
 * @param kind what the argument is
 * @param pattern for {@link Kind#PATTERN}, the regular expression with groups y, mo, d, h, mi, s, f
 * @param text the argument as written, or the default format
 */
public record DateTimeFormat(Kind kind, Pattern pattern, String text) {

    /** The kinds of argument. */
    public enum Kind {
        AUTO,
        EPOCH_SECONDS,
        EPOCH_MILLISECONDS,
        PATTERN
    }

    static DateTimeFormat parse(String option, String value, boolean time)
            throws RedshiftException {
        if (value == null) {
            // The defaults of the COPY reference: YYYY-MM-DD and YYYY-MM-DD HH:MI:SS.
            return parse(option, time ? "YYYY-MM-DD HH:MI:SS" : "YYYY-MM-DD", time);
        }
        switch (value) {
            case "auto":
                return new DateTimeFormat(Kind.AUTO, null, value);
            case "epochsecs":
            case "epochmillisecs":
                if (!time) {
                    throw new RedshiftException(
                            "22023", "DATEFORMAT does not accept '" + value + "'", null);
                }
                return new DateTimeFormat(
                        value.equals("epochsecs") ? Kind.EPOCH_SECONDS : Kind.EPOCH_MILLISECONDS,
                        null,
                        value);
            default:
                return new DateTimeFormat(Kind.PATTERN, compile(option, value), value);
        }
    }

    private static Pattern compile(String option, String format) throws RedshiftException {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            String rest = format.substring(i);
            if (rest.startsWith("YYYY")) {
                regex.append("(?<y>\\d{4})");
                i += 4;
            } else if (rest.startsWith("MM")) {
                regex.append("(?<mo>\\d{1,2})");
                i += 2;
            } else if (rest.startsWith("DD")) {
                regex.append("(?<d>\\d{1,2})");
                i += 2;
            } else if (rest.startsWith("HH24")) {
                regex.append("(?<h>\\d{1,2})");
                i += 4;
            } else if (rest.startsWith("HH")) {
                regex.append("(?<h>\\d{1,2})");
                i += 2;
            } else if (rest.startsWith("MI")) {
                regex.append("(?<mi>\\d{1,2})");
                i += 2;
            } else if (rest.startsWith("SS")) {
                regex.append("(?<s>\\d{1,2})(?:\\.(?<f>\\d{1,6}))?");
                i += 2;
            } else if (Character.isLetterOrDigit(format.charAt(i))) {
                throw new RedshiftException(
                        "0A000",
                        option
                                + " '"
                                + format
                                + "': only the elements YYYY, MM, DD, HH24, HH, MI"
                                + " and SS are implemented by the local Redshift",
                        null);
            } else {
                regex.append(Pattern.quote(String.valueOf(format.charAt(i))));
                i++;
            }
        }
        try {
            return Pattern.compile(regex.toString());
        } catch (IllegalArgumentException e) {
            throw new RedshiftException(
                    "22023", option + " '" + format + "' repeats an element", null);
        }
    }
}
