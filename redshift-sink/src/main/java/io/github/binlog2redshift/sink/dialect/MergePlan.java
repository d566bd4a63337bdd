package io.github.binlog2redshift.sink.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.Nullable;

/**
 * The statements that apply one batch of staged changes to one table, in the order they run, in one
 * transaction (see {@code jdbc.MergeExecutor}): {@link #beforeLoad} creates the stage, the
 * dialect-specific load of the staged files follows, then {@link #afterLoad}, then {@link
 * #dropStage}.
 *
 * <p>Invariants that make a mirrored table exact whatever the order batches arrive in:
 *
 * <ul>
 *   <li>a target row is replaced only by a staged change with a greater or equal source position
 *       (equal: the same change replayed, or an input without positions where the later batch
 *       wins);
 *   <li>a delete leaves a tombstone with its position, so a replayed older insert of that key is
 *       not resurrected; a change of the key at the same or a newer position removes the tombstone.
 * </ul>
 *
 * <p>Rows applied = the update counts of the {@link Step#counted()} steps: rows inserted plus
 * tombstones written (a mirrored table), rows appended (a table without key), rows archived (a
 * table whose target is not written).
 */
public final class MergePlan {

    /** One named statement. */
    public static final class Step {

        private final String name;
        private final String sql;
        private final boolean counted;
        @Nullable private final String failure;

        public Step(String name, String sql, boolean counted) {
            this(name, sql, counted, null);
        }

        private Step(String name, String sql, boolean counted, @Nullable String failure) {
            this.name = Objects.requireNonNull(name, "name");
            this.sql = Objects.requireNonNull(sql, "sql");
            this.counted = counted;
            this.failure = failure;
        }

        /**
         * A check: {@code sql} counts rows that must not exist; when it counts any, the commit
         * fails with {@code failure} (and the count).
         */
        public static Step expectNone(String name, String sql, String failure) {
            return new Step(name, sql, false, Objects.requireNonNull(failure, "failure"));
        }

        /** For a check ({@link #expectNone}), what is wrong when it counts rows; else null. */
        @Nullable
        public String failure() {
            return failure;
        }

        public String name() {
            return name;
        }

        public String sql() {
            return sql;
        }

        /** Its update count adds to the rows applied. */
        public boolean counted() {
            return counted;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Step)) {
                return false;
            }
            Step other = (Step) o;
            return name.equals(other.name)
                    && sql.equals(other.sql)
                    && counted == other.counted
                    && Objects.equals(failure, other.failure);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, sql, counted, failure);
        }

        @Override
        public String toString() {
            return "Step[name=" + name + ", sql=" + sql + ", counted=" + counted + "]";
        }
    }

    /**
     * The step that drops from a keyless mirror's stage the binlog changes at or below its applied
     * horizon; its update count is the changes skipped as delivered before.
     */
    public static final String SKIP_APPLIED = "skip-applied";

    private final List<Step> beforeLoad;
    private final List<Step> afterLoad;
    private final String dropStage;

    public MergePlan(List<Step> beforeLoad, List<Step> afterLoad, String dropStage) {
        this.beforeLoad = List.copyOf(beforeLoad);
        this.afterLoad = List.copyOf(afterLoad);
        this.dropStage = Objects.requireNonNull(dropStage, "dropStage");
    }

    /** The steps before the load: the stage is created. */
    public List<Step> beforeLoad() {
        return beforeLoad;
    }

    /** The steps after the load, which apply the stage. */
    public List<Step> afterLoad() {
        return afterLoad;
    }

    /** The statement that drops the stage, last. */
    public String dropStage() {
        return dropStage;
    }

    /** Every statement, in run order, with the load's place marked as {@code null}. */
    public List<String> inOrder() {
        List<String> all = new ArrayList<>();
        beforeLoad.forEach(s -> all.add(s.sql()));
        all.add(null);
        afterLoad.forEach(s -> all.add(s.sql()));
        all.add(dropStage);
        return all;
    }

    /** The statement of the step named {@code name} (first match). */
    public String sql(String name) {
        return Stream.concat(beforeLoad.stream(), afterLoad.stream())
                .filter(s -> s.name().equals(name))
                .map(Step::sql)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + name));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MergePlan)) {
            return false;
        }
        MergePlan other = (MergePlan) o;
        return beforeLoad.equals(other.beforeLoad)
                && afterLoad.equals(other.afterLoad)
                && dropStage.equals(other.dropStage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(beforeLoad, afterLoad, dropStage);
    }

    @Override
    public String toString() {
        return "MergePlan[beforeLoad="
                + beforeLoad
                + ", afterLoad="
                + afterLoad
                + ", dropStage="
                + dropStage
                + "]";
    }
}
