package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.Map;

/**
 * A change whose values cannot be written as staged text. The ingest's checks ({@code
 * ingest.ValueGuard}) let no such change through; this marks the residue the writer refuses to fail
 * the job over. The message names table, key and position, never the values.
 */
public final class UnstageableChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnstageableChangeException(TargetTable table, ChangeEvent e, RuntimeException cause) {
        super(
                "table "
                        + table
                        + ", key ["
                        + keyText(e)
                        + "] at "
                        + e.source().sortKey()
                        + ": cannot be staged ("
                        + cause.getClass().getSimpleName()
                        + ")",
                cause);
    }

    private static String keyText(ChangeEvent e) {
        Map<String, Object> image = e.keyImage();
        StringBuilder key = new StringBuilder();
        for (String k : e.primaryKey()) {
            key.append(key.length() == 0 ? "" : ", ")
                    .append(k)
                    .append('=')
                    .append(image == null ? null : image.get(k));
        }
        return key.toString();
    }
}
