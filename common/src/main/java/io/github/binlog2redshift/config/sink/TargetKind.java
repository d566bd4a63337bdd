package io.github.binlog2redshift.config.sink;

/** The database the sink writes to ({@code sink.target}). */
public enum TargetKind {
    REDSHIFT,
    /** PostgreSQL, for local runs and tests; loads without S3 COPY credentials. */
    POSTGRES
}
