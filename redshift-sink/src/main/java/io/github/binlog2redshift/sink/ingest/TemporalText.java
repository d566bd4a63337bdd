package io.github.binlog2redshift.sink.ingest;

/**
 * Checks of date and time text as both warehouses' loads read it (see {@link ValueText}): MySQL's
 * DATE, DATETIME, TIMESTAMP and TIME values in the forms they travel in, checked on the characters
 * for a real calendar date, a time of day within range, and a UTC offset.
 */
final class TemporalText {

    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private TemporalText() {}

    /**
     * {@code YYYY-MM-DD} at the start of {@code s}: a real calendar date of years 1 to 9999 (both
     * warehouses' ranges hold them); null when good.
     */
    static String date(String s) {
        if (s.length() < 10
                || !digits(s, 0, 4)
                || s.charAt(4) != '-'
                || !digits(s, 5, 2)
                || s.charAt(7) != '-'
                || !digits(s, 8, 2)) {
            return "is not a date (YYYY-MM-DD)";
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        if (year == 0 || month == 0 || day == 0) {
            return "is "
                    + ValueText.quoted(s)
                    + ", a date with a zero year, month or day, which the warehouse cannot"
                    + " represent";
        }
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        if (month > 12 || day > DAYS[month - 1] || (month == 2 && day == 29 && !leap)) {
            return "is " + ValueText.quoted(s) + ", which is not a date in the calendar";
        }
        return null;
    }

    /**
     * {@code HH:MM:SS[.f]} at {@code at}: hours 0-23, minutes and seconds 0-59 (PostgreSQL would
     * roll 24:00:00 and second 60 over to the next minute or day, COPY refuses them), at most six
     * fraction digits (COPY's limit) of which those past {@code fractionDigits} are zeros
     * (PostgreSQL's TIMESTAMP(p) would round them). Returns the index after the time, or -1.
     */
    static int timeOfDay(String s, int at, int fractionDigits) {
        if (s.length() < at + 8
                || !digits(s, at, 2)
                || s.charAt(at + 2) != ':'
                || !digits(s, at + 3, 2)
                || s.charAt(at + 5) != ':'
                || !digits(s, at + 6, 2)) {
            return -1;
        }
        if (number(s, at, 2) > 23 || number(s, at + 3, 2) > 59 || number(s, at + 6, 2) > 59) {
            return -1;
        }
        int i = at + 8;
        if (i < s.length() && s.charAt(i) == '.') {
            int start = ++i;
            for (; i < s.length() && ValueText.isDigit(s.charAt(i)); i++) {
                if (i - start >= 6 || (i - start >= fractionDigits && s.charAt(i) != '0')) {
                    return -1;
                }
            }
            if (i == start) {
                return -1;
            }
        }
        return i;
    }

    /**
     * A UTC offset at {@code at} to the end: {@code Z}, {@code ±HH}, {@code ±HH:MM}, {@code ±HHMM}.
     */
    static boolean offset(String s, int at) {
        int n = s.length() - at;
        if (n == 1) {
            return s.charAt(at) == 'Z';
        }
        if (n < 3 || (s.charAt(at) != '+' && s.charAt(at) != '-') || !digits(s, at + 1, 2)) {
            return false;
        }
        if (number(s, at + 1, 2) > 14) {
            return false;
        }
        if (n == 3) {
            return true;
        }
        int minutes = s.charAt(at + 3) == ':' ? at + 4 : at + 3;
        return s.length() - minutes == 2 && digits(s, minutes, 2) && number(s, minutes, 2) < 60;
    }

    /**
     * MySQL's TIME, which both targets keep as text: {@code [-]H[HH]:MM:SS[.ffffff]} with at most
     * 838 hours.
     */
    static boolean time(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int start = i;
        for (; i < s.length() && ValueText.isDigit(s.charAt(i)); i++) {
            // hours
        }
        int hours = i - start;
        if (hours == 0 || hours > 3 || number(s, start, hours) > 838) {
            return false;
        }
        if (s.length() < i + 6
                || s.charAt(i) != ':'
                || !digits(s, i + 1, 2)
                || s.charAt(i + 3) != ':'
                || !digits(s, i + 4, 2)
                || number(s, i + 1, 2) > 59
                || number(s, i + 4, 2) > 59) {
            return false;
        }
        i += 6;
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.' || s.length() - i - 1 < 1 || s.length() - i - 1 > 6) {
            return false;
        }
        return digits(s, i + 1, s.length() - i - 1);
    }

    private static boolean digits(String s, int at, int count) {
        if (s.length() < at + count) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (!ValueText.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
