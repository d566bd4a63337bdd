package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.sink.jdbc.MergeExecutor;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * Test-only failure injection for the exactly-once tests: a fault armed for a sink job id fires
 * once at its point, making the task fail exactly where a real crash could happen, and Flink's own
 * recovery takes over. Nothing is armed in production, where each check is one lookup in an empty
 * map; the registry is static, so it only reaches jobs running in the test's JVM (a MiniCluster).
 *
 * <p>Points: {@link Point#AFTER_STAGING} in the writer's {@code prepareCommit} once the interval's
 * files are complete (before any commit); {@link Point#BEFORE_STEP} before a named step of the
 * merge transaction ({@link MergeExecutor.StepHook}); {@link Point#AFTER_COMMIT} right after the
 * merge transaction committed, before the committer returns, so Flink does not learn of the commit
 * and commits the same committables again after the restart.
 */
public final class FaultPoints {

    /** The SQLSTATE of an injected merge fault: class 58, "system error". */
    static final String SYSTEM_ERROR = "58000";

    /** Where a fault can fire. */
    public enum Point {
        AFTER_STAGING,
        BEFORE_STEP,
        AFTER_COMMIT
    }

    /** The exception an armed fault throws; its message names the job and the point. */
    public static final class InjectedFault extends IOException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }

    /** An armed fault; equal by value, as {@code ARMED.remove(jobId, armed)} compares it. */
    private static final class Armed {
        private final Point point;
        @Nullable private final String step;

        Armed(Point point, @Nullable String step) {
            this.point = point;
            this.step = step;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Armed)) {
                return false;
            }
            Armed other = (Armed) o;
            return point == other.point && Objects.equals(step, other.step);
        }

        @Override
        public int hashCode() {
            return Objects.hash(point, step);
        }
    }

    private static final Map<String, Armed> ARMED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FIRED = new ConcurrentHashMap<>();

    private FaultPoints() {}

    /** Arms one fault for {@code jobId}; {@code step} names the merge step for BEFORE_STEP. */
    public static void arm(String jobId, Point point, String step) {
        if (point == Point.BEFORE_STEP && step == null) {
            throw new IllegalArgumentException("BEFORE_STEP needs a merge step name");
        }
        ARMED.put(jobId, new Armed(point, step));
    }

    /** How many faults fired for {@code jobId} so far. */
    public static int fired(String jobId) {
        AtomicInteger n = FIRED.get(jobId);
        return n == null ? 0 : n.get();
    }

    public static void disarm(String jobId) {
        ARMED.remove(jobId);
    }

    /** Throws if a fault is armed for this job at this point (and disarms it). */
    public static void check(String jobId, Point point, String step, Object what)
            throws InjectedFault {
        if (ARMED.isEmpty()) {
            return;
        }
        Armed armed = ARMED.get(jobId);
        if (armed == null
                || armed.point != point
                || (armed.step != null && !armed.step.equals(step))
                || !ARMED.remove(jobId, armed)) {
            return;
        }
        FIRED.computeIfAbsent(jobId, k -> new AtomicInteger()).incrementAndGet();
        throw new InjectedFault(
                "injected fault for sink job " + jobId + " at " + point + " " + step + ": " + what);
    }

    /**
     * The merge's step hook for {@code jobId}: BEFORE_STEP faults before the named step, and
     * AFTER_COMMIT faults at {@link MergeExecutor.StepHook#COMMITTED}. Thrown as an SQLException of
     * SQLSTATE 58000 (system error), as a crash of the warehouse side would be: not transient, so
     * the session does not retry it, and not the table's own, so the committer does not quarantine
     * the table ({@code TransientErrors.isTableLevel}): the commit fails and the job restarts.
     */
    public static MergeExecutor.StepHook stepHook(String jobId) {
        return step -> {
            Point point =
                    MergeExecutor.StepHook.COMMITTED.equals(step)
                            ? Point.AFTER_COMMIT
                            : Point.BEFORE_STEP;
            try {
                check(jobId, point, step, "merge step");
            } catch (InjectedFault e) {
                throw new SQLException(e.getMessage(), SYSTEM_ERROR, e);
            }
        };
    }
}
