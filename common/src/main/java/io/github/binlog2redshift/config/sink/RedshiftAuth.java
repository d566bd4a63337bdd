package io.github.binlog2redshift.config.sink;

/** How the sink logs in to Redshift ({@code sink.redshift.auth}). */
public enum RedshiftAuth {
    /** A database user and password, given as options or in a Secrets Manager secret. */
    PASSWORD,
    /**
     * Temporary database credentials the Redshift driver obtains for the job's IAM identity: {@code
     * redshift:GetClusterCredentials} on a provisioned cluster, {@code
     * redshift-serverless:GetCredentials} on Serverless.
     */
    IAM
}
