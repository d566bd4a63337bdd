package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.ABSENT;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.OP;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.POSITION;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.keyMatch;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.literal;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps that complete staged rows of partial row images (binlog_row_image MINIMAL or NOBLOB,
 * not completed by the dedupe) before a mirrored table's merge: each column set a row lacks is
 * filled from the target's row of the same key, when that row is not newer, so the merge that then
 * replaces the row writes back the values it did not receive instead of NULL. A row left without
 * them (the target has no row for its key and no newer tombstone: an INSERT whose omitted columns
 * took their DEFAULT, or the first change of a row the target never had) cannot be applied without
 * inventing values: the check step fails the commit, which quarantines the table (docs/apply.md).
 * Deletes need only their key and are not checked.
 */
final class PartialRowFill {

    private PartialRowFill() {}

    /** The fill steps then the check; none when no staged row lacks columns. */
    static List<Step> steps(MergeInput in) {
        List<Step> steps = new ArrayList<>();
        List<List<String>> sets = in.partialColumns();
        if (sets.isEmpty() || in.shape().key().isEmpty()) {
            return steps;
        }
        Set<String> written = new HashSet<>();
        in.shape().columns().forEach(c -> written.add(c.name()));
        String stage = ident(STAGE_TABLE);
        String target = in.shape().table().name();
        String absent = stage + "." + ident(ABSENT);
        for (int i = 0; i < sets.size(); i++) {
            StringBuilder set = new StringBuilder();
            for (String c : sets.get(i)) {
                if (written.contains(c)) {
                    set.append(ident(c)).append(" = ").append(ident(target)).append('.');
                    set.append(ident(c)).append(", ");
                }
            }
            set.append(ident(ABSENT)).append(" = NULL");
            steps.add(
                    new Step(
                            "fill-partial-rows",
                            "UPDATE "
                                    + stage
                                    + " SET "
                                    + set
                                    + " FROM "
                                    + table(in.shape().table())
                                    + " WHERE "
                                    + absent
                                    + " = "
                                    + literal(Integer.toString(i))
                                    + " AND "
                                    + keyMatch(target, STAGE_TABLE, in.shape().key())
                                    + (in.guarded() ? notNewer(target) : ""),
                            false));
        }
        steps.add(check(in, absent));
        return steps;
    }

    private static String notNewer(String target) {
        return " AND COALESCE("
                + ident(target)
                + "."
                + ident(POSITION)
                + ", '') <= "
                + ident(STAGE_TABLE)
                + "."
                + ident(POSITION);
    }

    private static Step check(MergeInput in, String absent) {
        TableShape shape = in.shape();
        String tomb = shape.tombstoneTable().name();
        String sql =
                "SELECT COUNT(*) FROM "
                        + ident(STAGE_TABLE)
                        + " WHERE "
                        + absent
                        + " IS NOT NULL AND "
                        + ident(OP)
                        + " <> 'd' AND NOT EXISTS (SELECT 1 FROM "
                        + table(shape.table())
                        + " WHERE "
                        + keyMatch(shape.table().name(), STAGE_TABLE, shape.key())
                        + ")"
                        + (in.guarded()
                                ? " AND NOT EXISTS (SELECT 1 FROM "
                                        + table(shape.tombstoneTable())
                                        + " WHERE "
                                        + keyMatch(tomb, STAGE_TABLE, shape.key())
                                        + " AND "
                                        + ident(tomb)
                                        + "."
                                        + ident(POSITION)
                                        + " > "
                                        + ident(STAGE_TABLE)
                                        + "."
                                        + ident(POSITION)
                                        + ")"
                                : "");
        return Step.expectNone(
                "check-partial-rows",
                sql,
                "staged rows of partial row images (binlog_row_image MINIMAL or NOBLOB) lack"
                        + " columns and "
                        + shape.table()
                        + " has no row of their key to take them from (an INSERT whose omitted"
                        + " columns took their DEFAULT?); re-sync the table or capture full row"
                        + " images (docs/apply.md#partial-row-images)");
    }
}
