package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.util.Objects;

/** A value's problem: its reject reason and the end of "the value ..." in the detail. */
final class ValueProblem {

    private final RejectReason reason;
    private final String what;

    private ValueProblem(RejectReason reason, String what) {
        this.reason = reason;
        this.what = Objects.requireNonNull(what, "what");
    }

    static ValueProblem invalid(String what) {
        return new ValueProblem(RejectReason.INVALID_VALUE, what);
    }

    static ValueProblem outOfRange(String what) {
        return new ValueProblem(RejectReason.OUT_OF_RANGE, what);
    }

    RejectReason reason() {
        return reason;
    }

    String what() {
        return what;
    }

    @Override
    public String toString() {
        return "ValueProblem[reason=" + reason + ", what=" + what + "]";
    }
}
