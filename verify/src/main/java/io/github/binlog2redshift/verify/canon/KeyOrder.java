package io.github.binlog2redshift.verify.canon;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Orders canonical primary keys the way both databases were told to sort them: numbers by value,
 * text by Unicode code point (MySQL {@code utf8mb4_bin}, PostgreSQL {@code COLLATE "C"}, Redshift's
 * byte order), everything else by its fixed-width canonical text (dates, times, hex). The merge of
 * the two sorted streams is only correct if this order and the databases' order agree.
 */
public final class KeyOrder implements Comparator<List<String>> {

    private final List<ValueKind> kinds;

    public KeyOrder(List<ValueKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    @Override
    public int compare(List<String> a, List<String> b) {
        for (int i = 0; i < kinds.size(); i++) {
            int c = compareValue(kinds.get(i), a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compareValue(ValueKind kind, String a, String b) {
        // primary keys are never NULL; guard anyway so a broken key cannot throw mid-scan
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (kind.numeric()) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        }
        return compareCodePoints(a, b);
    }

    /** String.compareTo compares UTF-16 units, which misorders characters above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
