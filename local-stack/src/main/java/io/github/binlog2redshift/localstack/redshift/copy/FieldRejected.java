package io.github.binlog2redshift.localstack.redshift.copy;

/**
 * A field or line that does not load, with the Redshift load error code (Load error reference) and
 * a reason worded like {@code stl_load_errors.err_reason}. Caught per row by the loader.
 */
final class FieldRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;

    FieldRejected(int code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    String reason() {
        return getMessage();
    }
}
