package io.github.binlog2redshift.sink.format;

import io.github.binlog2redshift.serde.ChangeEventParseException;
import io.github.binlog2redshift.sink.deadletter.RejectReason;

/** A record that is not a usable change event, with the reason class for the dead letter. */
public final class RejectedRecordException extends ChangeEventParseException {

    private final RejectReason reason;

    public RejectedRecordException(RejectReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public RejectedRecordException(RejectReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
