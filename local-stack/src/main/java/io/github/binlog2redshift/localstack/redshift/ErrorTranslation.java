package io.github.binlog2redshift.localstack.redshift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL errors in Redshift's words. A serialization failure (40001) is Redshift's error 1023
 * ("Troubleshooting serializable isolation errors"); the emulator's own refusals lose the PL/pgSQL
 * context that would give away how they were raised.
 */
final class ErrorTranslation {

    /**
     * Redshift documents error 1023 by its text only. Its SQLSTATE is not documented, so the
     * stricter choice is made: XX000 (internal error), not 40001, and a client must recognise the
     * text as Redshift's own clients do.
     */
    static final String SERIALIZABLE_STATE = "XX000";

    private ErrorTranslation() {}

    static WireMessage translate(WireMessage error) {
        Map<Character, String> f = new LinkedHashMap<>(error.fields());
        if ("40001".equals(f.get('C'))) {
            String original = f.get('M');
            f.put('C', SERIALIZABLE_STATE);
            f.put('M', "1023");
            f.put(
                    'D',
                    "Serializable isolation violation on a table in Redshift (the local"
                            + " PostgreSQL said: "
                            + original
                            + ")");
            f.remove('H');
        }
        String where = f.get('W');
        if (where != null && where.contains("b2r_emulator")) {
            f.remove('W');
        }
        return WireMessage.error(f);
    }
}
