package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Columns for a change whose input format carried no column types (DMS without table metadata): the
 * row image's names, in its order, as LONGTEXT, which holds any value's text form losslessly.
 * Guessing types from JSON values is what broke the reference sink (its bug 8); text never breaks,
 * and a table rule can give real types later.
 */
final class ImageColumns {

    private ImageColumns() {}

    static List<ColumnDef> of(ChangeEvent e) {
        return e.keyImage().keySet().stream()
                .map(name -> ColumnDef.of(name, "LONGTEXT", null, null, true))
                .collect(Collectors.toUnmodifiableList());
    }
}
