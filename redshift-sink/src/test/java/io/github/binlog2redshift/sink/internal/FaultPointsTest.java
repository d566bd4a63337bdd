package io.github.binlog2redshift.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.sink.internal.FaultPoints.Point;
import io.github.binlog2redshift.sink.jdbc.MergeExecutor;
import io.github.binlog2redshift.sink.jdbc.TransientErrors;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FaultPointsTest {

    @Test
    void nothingArmedDoesNothing() {
        assertThatCode(() -> FaultPoints.check("unarmed", Point.AFTER_STAGING, null, "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> FaultPoints.stepHook("unarmed").before("insert-newer"))
                .doesNotThrowAnyException();
    }

    @Test
    void firesOnceOnlyForItsJobAndPoint() throws Exception {
        FaultPoints.arm("job-a", Point.AFTER_STAGING, null);
        FaultPoints.check("job-b", Point.AFTER_STAGING, null, "other job");
        FaultPoints.check("job-a", Point.AFTER_COMMIT, null, "other point");
        assertThatThrownBy(() -> FaultPoints.check("job-a", Point.AFTER_STAGING, null, "files"))
                .isInstanceOf(FaultPoints.InjectedFault.class)
                .hasMessageContaining("sink job job-a at AFTER_STAGING");
        FaultPoints.check("job-a", Point.AFTER_STAGING, null, "fired already");
        assertThat(FaultPoints.fired("job-a")).isEqualTo(1);
    }

    @Test
    void stepHookFailsTheNamedStepOrAfterCommitWithANonTransientError() throws Exception {
        MergeExecutor.StepHook hook = FaultPoints.stepHook("job-c");
        FaultPoints.arm("job-c", Point.BEFORE_STEP, "insert-newer");
        hook.before("delete-older");
        assertThatThrownBy(() -> hook.before("insert-newer"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(TransientErrors.isTransient(e)).isFalse())
                // A crash, not the table's fault: the job restarts, the table is not quarantined.
                .satisfies(e -> assertThat(TransientErrors.isTableLevel(e)).isFalse());

        FaultPoints.arm("job-c", Point.AFTER_COMMIT, null);
        hook.before("commit");
        assertThatThrownBy(() -> hook.before(MergeExecutor.StepHook.COMMITTED))
                .hasMessageContaining("AFTER_COMMIT");
        assertThat(FaultPoints.fired("job-c")).isEqualTo(2);
    }
}
