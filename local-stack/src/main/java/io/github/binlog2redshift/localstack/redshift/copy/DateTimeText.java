package io.github.binlog2redshift.localstack.redshift.copy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DATE, TIMESTAMP, TIMESTAMPTZ and TIME fields read as COPY reads them, written back in the form
 * PostgreSQL reads unambiguously. {@code 'auto'} recognizes ISO dates ({@code YYYY-MM-DD}, also
 * with {@code T} and {@code Z} as in ISO 8601), {@code YYYYMMDD}, {@code MM/DD/YYYY}, with an
 * optional time of up to six fractional digits and, for TIMESTAMPTZ, an offset ({@code Z}, {@code
 * +HH}, {@code +HH:MI}, {@code +HHMI}). That is a subset of what Redshift's automatic recognition
 * accepts: a value outside it is refused, never guessed.
 */
final class DateTimeText {

    private static final String DATE =
            "(?:(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})|(?<y2>\\d{4})(?<mo2>\\d{2})(?<d2>\\d{2})"
                    + "|(?<mo3>\\d{1,2})/(?<d3>\\d{1,2})/(?<y3>\\d{4}))";
    private static final String TIME =
            "(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:\\.(?<f>\\d{1,6}))?)?";
    private static final String ZONE = "(?<z>Z|[+-]\\d{2}(?::?\\d{2})?)";
    private static final Pattern AUTO_DATE =
            Pattern.compile(DATE + "(?:[ T]" + TIME + ZONE + "?)?");
    private static final Pattern AUTO_TIMESTAMP =
            Pattern.compile(DATE + "(?:[ T]" + TIME + ")?" + ZONE + "?");
    private static final Pattern AUTO_TIME = Pattern.compile(TIME + ZONE + "?");
    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private DateTimeText() {}

    static String date(String text, DateTimeFormat format) throws FieldRejected {
        Matcher m =
                match(
                        format.kind() == DateTimeFormat.Kind.AUTO ? AUTO_DATE : format.pattern(),
                        text,
                        format,
                        1205,
                        "Date");
        try {
            return localDate(m).toString();
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid(1205, "Date", text, format);
        }
    }

    /** A TIMESTAMP ({@code zoned} false) or TIMESTAMPTZ value; TIMESTAMPTZ comes out in UTC. */
    static String timestamp(String text, DateTimeFormat format, boolean zoned)
            throws FieldRejected {
        switch (format.kind()) {
            case EPOCH_SECONDS, EPOCH_MILLISECONDS -> {
                if (!text.matches("-?\\d{1,18}")) {
                    throw invalid(1206, "Timestamp", text, format);
                }
                long v = Long.parseLong(text);
                Instant instant =
                        format.kind() == DateTimeFormat.Kind.EPOCH_SECONDS
                                ? Instant.ofEpochSecond(v)
                                : Instant.ofEpochMilli(v);
                return utc(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), zoned);
            }
            default -> {
                Matcher m =
                        match(
                                format.kind() == DateTimeFormat.Kind.AUTO
                                        ? AUTO_TIMESTAMP
                                        : format.pattern(),
                                text,
                                format,
                                1206,
                                "Timestamp");
                String zone = group(m, "z");
                if (zone != null && !zoned) {
                    // The documentation says nothing of an offset read into a TIMESTAMP column:
                    // refused rather than silently dropped or applied.
                    throw new FieldRejected(
                            1206,
                            "Invalid timestamp format: a time zone offset"
                                    + " is not accepted for TIMESTAMP, value '"
                                    + text
                                    + "'");
                }
                try {
                    LocalDateTime local = LocalDateTime.of(localDate(m), localTime(m));
                    if (zone != null) {
                        local =
                                local.atOffset(offset(zone))
                                        .withOffsetSameInstant(ZoneOffset.UTC)
                                        .toLocalDateTime();
                    }
                    return utc(local, zoned);
                } catch (DateTimeException | NumberFormatException e) {
                    throw invalid(1206, "Timestamp", text, format);
                }
            }
        }
    }

    static String time(String text, boolean zoned) throws FieldRejected {
        Matcher m = AUTO_TIME.matcher(text);
        if (!m.matches() || (!zoned && group(m, "z") != null)) {
            throw new FieldRejected(1206, "Invalid time format, value '" + text + "'");
        }
        try {
            String t = localTime(m).toString();
            String z = group(m, "z");
            return z == null ? t : t + (z.equals("Z") ? "+00" : z);
        } catch (DateTimeException | NumberFormatException e) {
            throw new FieldRejected(1206, "Invalid time format, value '" + text + "'");
        }
    }

    private static Matcher match(
            Pattern p, String text, DateTimeFormat format, int code, String type)
            throws FieldRejected {
        Matcher m = p.matcher(text);
        if (!m.matches()) {
            throw invalid(code, type, text, format);
        }
        return m;
    }

    private static LocalDate localDate(Matcher m) {
        String y = first(m, "y", "y2", "y3");
        String mo = first(m, "mo", "mo2", "mo3");
        String d = first(m, "d", "d2", "d3");
        return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
    }

    private static LocalTime localTime(Matcher m) {
        String h = group(m, "h");
        if (h == null) {
            // A TIMESTAMP without a time gets 00:00:00 (Automatic recognition page).
            return LocalTime.MIDNIGHT;
        }
        String s = group(m, "s");
        String f = group(m, "f");
        int nanos = f == null ? 0 : Integer.parseInt((f + "000000000").substring(0, 9));
        return LocalTime.of(
                Integer.parseInt(h),
                Integer.parseInt(group(m, "mi")),
                s == null ? 0 : Integer.parseInt(s),
                nanos);
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static String utc(LocalDateTime t, boolean zoned) {
        return OUT.format(t) + (zoned ? "+00" : "");
    }

    private static String first(Matcher m, String... names) {
        for (String n : names) {
            String v = group(m, n);
            if (v != null) {
                return v;
            }
        }
        throw new NumberFormatException("no date in the match");
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException absent) {
            return null;
        }
    }

    private static FieldRejected invalid(int code, String type, String text, DateTimeFormat f) {
        return new FieldRejected(
                code,
                "Invalid "
                        + type.toLowerCase()
                        + " format - value '"
                        + text
                        + "' does not match "
                        + f.text());
    }
}
