package io.github.binlog2redshift.config.sink;

/** Whether deleted rows are also kept in {@code <target table>_delete}. */
public enum DeleteArchive {
    NONE,
    /** {@code save_delete}: the target is maintained and deleted rows are also saved. */
    ALSO_SAVE,
    /** {@code only_save_delete}: only deleted rows are written, to the {@code _delete} table. */
    ONLY_SAVE
}
