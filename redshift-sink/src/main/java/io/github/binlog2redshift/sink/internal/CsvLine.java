package io.github.binlog2redshift.sink.internal;

import java.util.List;

/**
 * One line of staged CSV, in the dialect both warehouses read: fields separated by commas, every
 * non-NULL field quoted with embedded quotes doubled (so commas, newlines and backslashes need no
 * escaping, and an empty string is {@code ""}), NULL as an unquoted {@code \N}, lines ended by
 * {@code \n}.
 */
public final class CsvLine {

    public static final String NULL = "\\N";

    private CsvLine() {}

    public static void append(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i);
            if (f == null) {
                out.append(NULL);
            } else {
                out.append('"');
                for (int j = 0; j < f.length(); j++) {
                    char c = f.charAt(j);
                    if (c == '"') {
                        out.append('"');
                    }
                    out.append(c);
                }
                out.append('"');
            }
        }
        out.append('\n');
    }
}
