package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.sink.TargetTable;
import java.sql.SQLException;

/**
 * A source schema change the target cannot follow under the configured policy. Not transient: the
 * job stops with table, column, old and new type named, and restarting does not help until the
 * table is changed by hand or the policy is changed.
 */
public final class IncompatibleSchemaChangeException extends SQLException {

    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaChangeException(String message) {
        super(message, "B2R01");
    }

    static IncompatibleSchemaChangeException typeChange(
            TargetTable table, String column, String from, String to, String what) {
        return new IncompatibleSchemaChangeException(
                "table "
                        + table
                        + ", column '"
                        + column
                        + "': the source changed its type so that the target's "
                        + from
                        + " must become "
                        + to
                        + ", "
                        + what);
    }
}
