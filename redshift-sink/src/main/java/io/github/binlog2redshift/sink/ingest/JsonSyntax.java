package io.github.binlog2redshift.sink.ingest;

/**
 * Whether a JSON column's text loads into the warehouse's JSON type: strict JSON (RFC 8259, as
 * PostgreSQL's {@code jsonb} and Redshift's SUPER read it) that both can store. Read in one pass
 * over the characters, building nothing; nesting is tracked in a bit stack.
 *
 * <p>Beyond the grammar: {@code \u0000} is refused ({@code jsonb}: "unsupported Unicode escape
 * sequence, \u0000 cannot be converted to text"), so are escaped or raw surrogates that are not a
 * pair; nesting deeper than {@link #MAX_DEPTH} ("The maximum nesting depth for arrays and
 * structures of the SUPER data type is 1,000", Redshift SUPER limitations; MySQL stops at 100) and
 * exponents beyond {@link #MAX_EXPONENT} ({@code jsonb} numbers are NUMERIC: "value overflows
 * numeric format" from about 1e131072 and 1e-16384) are out of range.
 */
final class JsonSyntax {

    static final int MAX_DEPTH = 1000;
    static final int MAX_EXPONENT = 16_000;

    private final String s;
    private int at;
    private ValueProblem problem;

    private JsonSyntax(String s) {
        this.s = s;
    }

    /** Null when {@code text} is JSON both warehouses store, else what is wrong with it. */
    static ValueProblem check(String text) {
        JsonSyntax p = new JsonSyntax(text);
        if (!p.document()) {
            return p.problem == null
                    ? ValueProblem.invalid("is not valid JSON (at offset " + p.at + ")")
                    : p.problem;
        }
        return null;
    }

    private boolean document() {
        long[] stack = new long[(MAX_DEPTH + 63) / 64];
        int depth = 0;
        space();
        while (true) {
            // A value is expected here.
            if (at >= s.length()) {
                return false;
            }
            char c = s.charAt(at);
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    problem =
                            ValueProblem.outOfRange(
                                    "is JSON nested deeper than "
                                            + MAX_DEPTH
                                            + " levels, which Redshift's SUPER does not hold");
                    return false;
                }
                boolean object = c == '{';
                if (object) {
                    stack[depth >> 6] |= 1L << (depth & 63);
                } else {
                    stack[depth >> 6] &= ~(1L << (depth & 63));
                }
                depth++;
                at++;
                space();
                if (at < s.length() && s.charAt(at) == (object ? '}' : ']')) {
                    at++;
                    depth--;
                } else {
                    if (object && !member()) {
                        return false;
                    }
                    continue;
                }
            } else if (!scalar(c)) {
                return false;
            }
            // After a value: close containers or go on to the next element.
            while (true) {
                space();
                if (depth == 0) {
                    return at == s.length();
                }
                if (at >= s.length()) {
                    return false;
                }
                boolean object = (stack[(depth - 1) >> 6] & (1L << ((depth - 1) & 63))) != 0;
                char next = s.charAt(at);
                if (next == ',') {
                    at++;
                    space();
                    if (object && !member()) {
                        return false;
                    }
                    break;
                }
                if (next != (object ? '}' : ']')) {
                    return false;
                }
                at++;
                depth--;
            }
        }
    }

    /** A member name and its colon; the value follows. */
    private boolean member() {
        if (at >= s.length() || s.charAt(at) != '"' || !string()) {
            return false;
        }
        space();
        if (at >= s.length() || s.charAt(at) != ':') {
            return false;
        }
        at++;
        space();
        return true;
    }

    private boolean scalar(char c) {
        switch (c) {
            case '"':
                return string();
            case 't':
                return word("true");
            case 'f':
                return word("false");
            case 'n':
                return word("null");
            default:
                return number();
        }
    }

    private boolean string() {
        at++;
        while (at < s.length()) {
            char c = s.charAt(at++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false; // control characters must be escaped (NUL among them)
            }
            if (c == '\\') {
                if (!escape()) {
                    return false;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (at >= s.length() || !Character.isLowSurrogate(s.charAt(at))) {
                    return lone();
                }
                at++;
            } else if (Character.isLowSurrogate(c)) {
                return lone();
            }
        }
        return false;
    }

    private boolean escape() {
        if (at >= s.length()) {
            return false;
        }
        char e = s.charAt(at++);
        switch (e) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return true;
            case 'u':
                int u = hex4();
                if (u < 0) {
                    return false;
                }
                if (u == 0) {
                    problem =
                            ValueProblem.invalid(
                                    "is JSON with \\u0000, which PostgreSQL's jsonb (and so the"
                                            + " local Redshift's SUPER) cannot store");
                    return false;
                }
                if (Character.isHighSurrogate((char) u)) {
                    if (at + 1 < s.length() && s.charAt(at) == '\\' && s.charAt(at + 1) == 'u') {
                        at += 2;
                        int low = hex4();
                        if (low >= 0 && Character.isLowSurrogate((char) low)) {
                            return true;
                        }
                    }
                    return lone();
                }
                return !Character.isLowSurrogate((char) u) || lone();
            default:
                return false;
        }
    }

    private boolean lone() {
        problem =
                ValueProblem.invalid(
                        "is JSON with a lone UTF-16 surrogate, which is not a character");
        return false;
    }

    private int hex4() {
        if (at + 4 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(at + i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        at += 4;
        return v;
    }

    private boolean number() {
        if (at < s.length() && s.charAt(at) == '-') {
            at++;
        }
        if (at >= s.length()) {
            return false;
        }
        if (s.charAt(at) == '0') {
            at++;
        } else if (!digits()) {
            return false;
        }
        if (at < s.length() && s.charAt(at) == '.') {
            at++;
            if (!digits()) {
                return false;
            }
        }
        if (at < s.length() && (s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
            at++;
            if (at < s.length() && (s.charAt(at) == '+' || s.charAt(at) == '-')) {
                at++;
            }
            int start = at;
            if (!digits()) {
                return false;
            }
            int exponent = 0;
            for (int i = start; i < at && exponent <= MAX_EXPONENT; i++) {
                exponent = exponent * 10 + (s.charAt(i) - '0');
            }
            if (exponent > MAX_EXPONENT) {
                problem =
                        ValueProblem.outOfRange(
                                "is JSON with a number whose exponent passes "
                                        + MAX_EXPONENT
                                        + ", beyond PostgreSQL's NUMERIC");
                return false;
            }
        }
        return true;
    }

    private boolean digits() {
        int start = at;
        while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private boolean word(String w) {
        if (!s.startsWith(w, at)) {
            return false;
        }
        at += w.length();
        return true;
    }

    private void space() {
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }
}
