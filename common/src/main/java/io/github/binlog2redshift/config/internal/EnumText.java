package io.github.binlog2redshift.config.internal;

import java.util.Locale;

/** Lenient enum-name matching: case, {@code -}, {@code _} and spaces do not matter. */
public final class EnumText {

    private EnumText() {}

    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String wanted = normalize(text);
        for (E constant : type.getEnumConstants()) {
            if (normalize(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        // The expected form already lists the names; no reason needed.
        throw new IllegalArgumentException("");
    }

    private static String normalize(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
