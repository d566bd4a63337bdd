package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The column sets that staged rows of partial row images (binlog_row_image MINIMAL or NOBLOB, not
 * completed by the dedupe) lack, numbered in the order first seen: a row stages its set's number in
 * the hidden column {@code _b2r_absent}, and the merge fills each set's columns from the target row
 * (docs/apply.md, "Partial row images"). Rows of full images stage NULL there.
 */
final class PartialRowSets {

    private final List<List<String>> sets = new ArrayList<>();
    private final Map<List<String>, Integer> ids = new HashMap<>();

    /** The staged number of the columns {@code e}'s staged image lacks; null when it lacks none. */
    @Nullable
    String idOf(ChangeEvent e) {
        if (!e.partialImage()) {
            return null;
        }
        List<String> missing = e.missingFrom(e.op() == Op.DELETE ? e.before() : e.after());
        if (missing.isEmpty()) {
            return null;
        }
        Integer id = ids.get(missing);
        if (id == null) {
            id = sets.size();
            ids.put(missing, id);
            sets.add(List.copyOf(missing));
        }
        return Integer.toString(id);
    }

    boolean any() {
        return !sets.isEmpty();
    }

    /** Set {@code i} is the columns rows staging {@code i} lack. */
    List<List<String>> sets() {
        return List.copyOf(sets);
    }
}
