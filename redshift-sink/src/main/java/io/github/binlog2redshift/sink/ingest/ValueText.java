package io.github.binlog2redshift.sink.ingest;

/**
 * Checks of value text as both warehouses' loads read it, done on the characters without building
 * anything: the intersection of what PostgreSQL's input functions and Redshift's COPY accept
 * (docs/local-redshift.md lists COPY's rules), so a value that passes loads into either as it is.
 * Every method returns null when the text is good, else what is wrong with it (the end of "the
 * value ..." in a dead letter's detail). Dates and times are {@link TemporalText}'s.
 */
final class ValueText {

    /** {@link #scan}: the text holds a NUL character. */
    static final long NUL = -1;

    /** {@link #scan}: the text holds a UTF-16 surrogate that is not half of a pair. */
    static final long LONE_SURROGATE = -2;

    private ValueText() {}

    /**
     * The UTF-8 length of {@code s}, or {@link #NUL} or {@link #LONE_SURROGATE}: neither warehouse
     * stores NUL, and a lone surrogate has no UTF-8 form (Java's encoder writes {@code ?} for it,
     * so the stored value would differ from the source's).
     */
    static long scan(String s) {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    return NUL;
                }
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                bytes += 3;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < n
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                return LONE_SURROGATE;
            }
        }
        return bytes;
    }

    /** What {@link #scan} found wrong, for a dead letter; null for a length. */
    static String scanProblem(long scanned) {
        if (scanned == NUL) {
            return "contains a NUL character, which the warehouse cannot store";
        }
        if (scanned == LONE_SURROGATE) {
            return "contains a lone UTF-16 surrogate, which is not a character and has no UTF-8"
                    + " form";
        }
        return null;
    }

    /**
     * An optional sign and digits, nothing else (COPY refuses spaces, PostgreSQL's underscores and
     * {@code 0x} forms): the number of significant digits, or -1.
     */
    static int integerDigits(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (i == s.length()) {
            return -1;
        }
        int significant = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (significant > 0 || c != '0') {
                significant++;
            }
        }
        return significant;
    }

    /**
     * A decimal as both loads read it: {@code [+-]digits[.digits]} or {@code [+-].digits}, no
     * exponent, no spaces, no NaN; with at most {@code precision - scale} integer digits and no
     * non-zero digit past {@code scale} fraction digits (PostgreSQL would round it, COPY cut it).
     */
    static ValueProblem decimal(String s, int precision, int scale) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int integer = 0;
        boolean digits = false;
        for (; i < s.length() && s.charAt(i) != '.'; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return ValueProblem.invalid(quoted(s) + " is not a decimal number");
            }
            digits = true;
            if (integer > 0 || c != '0') {
                integer++;
            }
        }
        int fraction = 0;
        boolean lost = false;
        if (i < s.length()) {
            for (i++; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return ValueProblem.invalid(quoted(s) + " is not a decimal number");
                }
                digits = true;
                fraction++;
                lost |= fraction > scale && c != '0';
            }
        }
        if (!digits) {
            return ValueProblem.invalid(quoted(s) + " is not a decimal number");
        }
        if (integer > precision - scale) {
            return ValueProblem.outOfRange(
                    quoted(s)
                            + " has "
                            + integer
                            + " integer digits, more than the "
                            + (precision - scale)
                            + " DECIMAL("
                            + precision
                            + ","
                            + scale
                            + ") holds");
        }
        if (lost) {
            return ValueProblem.invalid(
                    quoted(s)
                            + " has more fraction digits than the "
                            + scale
                            + " of DECIMAL("
                            + precision
                            + ","
                            + scale
                            + "), which the warehouse would round or cut");
        }
        return null;
    }

    /**
     * {@code [+-]digits[.digits][e[+-]digits]} or {@code [+-].digits[...]}: no NaN, no Infinity.
     */
    static boolean isFloat(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        boolean digits = false;
        for (; i < s.length() && isDigit(s.charAt(i)); i++) {
            digits = true;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            for (i++; i < s.length() && isDigit(s.charAt(i)); i++) {
                digits = true;
            }
        }
        if (!digits) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                // exponent digits
            }
            if (i == start) {
                return false;
            }
        }
        return i == s.length();
    }

    /**
     * The bytes standard base64 (RFC 4648 section 4, the alphabet and padding {@code
     * java.util.Base64.getDecoder()} reads) decodes {@code s} to, or -1 when it is not that: a
     * character outside the alphabet, a misplaced or wrong {@code =}, a length that leaves one
     * character over.
     */
    static long base64Length(String s) {
        int n = s.length();
        int pad = 0;
        while (pad < 2 && n - pad > 0 && s.charAt(n - pad - 1) == '=') {
            pad++;
        }
        int data = n - pad;
        for (int i = 0; i < data; i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z')
                            || (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '+'
                            || c == '/';
            if (!ok) {
                return -1;
            }
        }
        int rest = data % 4;
        if (rest == 1 || (pad > 0 && (data + pad) % 4 != 0)) {
            return -1;
        }
        return (long) data / 4 * 3 + (rest == 0 ? 0 : rest - 1);
    }

    /** {@code s} quoted for a detail, cut to 40 characters: numbers, dates and times only. */
    static String quoted(String s) {
        return "'" + shortText(s) + "'";
    }

    private static String shortText(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
