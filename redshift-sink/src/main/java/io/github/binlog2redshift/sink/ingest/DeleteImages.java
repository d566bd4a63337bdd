package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.route.TableModes;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Which deletes the merge applies by key alone, so that the rest of their before image may be
 * staged as NULL: a delete of a table with key columns whose mode deletes the row ({@link
 * DeleteHandling#APPLY}) and writes no side table. The merge of such a delete reads its key only
 * ({@code MergeStatements}); a soft or skipped delete rewrites the row from its before image, and
 * the delete archive and the history append it, so those need the whole image. A delete must not be
 * lost for a before image that cannot be staged, when the image is not needed.
 */
final class DeleteImages implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every table in the default mode (deletes applied, no side tables). */
    static final DeleteImages DEFAULTS = new DeleteImages(null);

    @Nullable private final TableModes modes;

    /**
     * @param modes each source table's mode; null: every table in the default mode
     */
    DeleteImages(@Nullable TableModes modes) {
        this.modes = modes;
    }

    /** Whether {@code e} is a delete that the merge applies by its key columns alone. */
    boolean byKey(ChangeEvent e) {
        if (e.op() != Op.DELETE || e.primaryKey().isEmpty()) {
            return false;
        }
        TableMode mode = modes == null ? TableMode.defaults() : modes.modeFor(e.table());
        return mode.deletes() == DeleteHandling.APPLY
                && mode.archive() == DeleteArchive.NONE
                && !mode.history();
    }

    /** The delete with its before image's non-key values NULL (the columns stay). */
    static ChangeEvent keyAlone(ChangeEvent e) {
        Map<String, Object> image = new LinkedHashMap<>(e.before());
        image.replaceAll((column, v) -> e.primaryKey().contains(column) ? v : null);
        return withImage(e, image);
    }

    /** The delete with {@code before} as its before image. */
    static ChangeEvent withImage(ChangeEvent e, Map<String, Object> before) {
        return ChangeEvent.delete(
                e.table(), before, e.source(), e.tsMs(), e.primaryKey(), e.columns());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeleteImages && Objects.equals(modes, ((DeleteImages) o).modes);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(modes);
    }
}
