package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.ColumnDef;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The documented text forms of MySQL temporal values, with exactly the column's declared number of
 * fractional-second digits (MySQL's fsp, 0..6). Debezium hands over numbers (days, micros since
 * midnight, wall-clock micros encoded as UTC epoch) or a shortened ISO string; formatting them here
 * keeps snapshot and binlog values identical and never shifts a DATETIME by a zone (REFERENCE.md
 * bug 3).
 */
final class TemporalText {

    private TemporalText() {}

    /** DATE: {@code 2024-01-31}. */
    static String date(long epochDay) {
        return java.time.LocalDate.ofEpochDay(epochDay).toString();
    }

    /**
     * TIME: {@code [-]HH:MM:SS[.f]}; MySQL TIME is a duration (-838:59:59 .. 838:59:59), so hours
     * may exceed 23 and the value may be negative.
     */
    static String time(long micros, int fsp) {
        StringBuilder out = new StringBuilder(16);
        if (micros < 0) {
            out.append('-');
            micros = -micros;
        }
        long seconds = micros / 1_000_000;
        pad(out, seconds / 3600, 2).append(':');
        pad(out, seconds / 60 % 60, 2).append(':');
        pad(out, seconds % 60, 2);
        return fraction(out, (micros % 1_000_000) * 1000, fsp).toString();
    }

    /**
     * DATETIME: {@code 2024-01-31 12:34:56[.f]}, the wall clock as stored; Debezium encodes it as
     * if it were UTC, so decoding with UTC gives it back unshifted.
     */
    static String dateTime(long epochMicros, int fsp) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        long nanos = Math.floorMod(epochMicros, 1_000_000L) * 1000;
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(26);
        appendDateAndTime(out, t, ' ');
        return fraction(out, nanos, fsp).toString();
    }

    /** TIMESTAMP: {@code 2024-01-31T12:34:56[.f]Z}, the instant in UTC. */
    static String timestamp(Instant instant, int fsp) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(28);
        appendDateAndTime(out, t, 'T');
        return fraction(out, instant.getNano(), fsp).append('Z').toString();
    }

    /**
     * MySQL's zero value of a DATE, DATETIME(n) or TIMESTAMP(n) column in this class's forms:
     * {@code 0000-00-00}, {@code 0000-00-00 00:00:00[.0…]}, {@code 0000-00-00T00:00:00[.0…]Z}. No
     * real value has this text, so it cannot collide with one (docs/event-format.md).
     */
    static String zero(ColumnDef def) {
        int fsp = def.length() == null ? 0 : def.length();
        switch (def.type()) {
            case "DATE":
                return "0000-00-00";
            case "DATETIME":
                return fraction(new StringBuilder("0000-00-00 00:00:00"), 0, fsp).toString();
            case "TIMESTAMP":
                return fraction(new StringBuilder("0000-00-00T00:00:00"), 0, fsp)
                        .append('Z')
                        .toString();
            default:
                throw new IllegalArgumentException(
                        "column " + def.name() + " of type " + def.type() + " has no zero date");
        }
    }

    private static void appendDateAndTime(StringBuilder out, LocalDateTime t, char separator) {
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append(separator);
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
    }

    private static StringBuilder fraction(StringBuilder out, long nanos, int fsp) {
        if (fsp <= 0) {
            return out;
        }
        String nine = Long.toString(1_000_000_000L + nanos).substring(1);
        return out.append('.').append(nine, 0, Math.min(fsp, 9));
    }

    private static StringBuilder pad(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
