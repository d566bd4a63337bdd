package io.github.binlog2redshift.sink.dialect;

/**
 * How Redshift's COPY reaches and reads the staged files. Exactly one of {@code iamRole} and {@code
 * accessKeyId}/{@code secretAccessKey} is set. {@code maxError} (null: not set) and {@code
 * truncateColumns} are opt-in only: by default a row that does not load fails the commit instead of
 * being skipped or cut silently (the reference sink's bug 9).
 *
 * <p>{@link #toString()} never shows the secret key.
 */
public record CopyOptions(
        String iamRole,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        String region,
        boolean gzip,
        String timeFormat,
        String dateFormat,
        Integer maxError,
        boolean truncateColumns)
        implements java.io.Serializable {

    public CopyOptions {
        if (maxError != null && maxError < 0) {
            throw new IllegalArgumentException("COPY MAXERROR must be >= 0, got " + maxError);
        }
        boolean role = iamRole != null && !iamRole.isBlank();
        boolean keys = accessKeyId != null && secretAccessKey != null;
        if (role == keys) {
            throw new IllegalArgumentException(
                    "Redshift COPY needs exactly one of an IAM role or an access key pair, got "
                            + (role ? "both" : "neither"));
        }
        timeFormat = timeFormat == null ? "auto" : timeFormat;
        dateFormat = dateFormat == null ? "auto" : dateFormat;
    }

    /** COPY with an IAM role, gzip, {@code 'auto'} time and date formats, nothing skipped. */
    public static CopyOptions iamRole(String role, String region) {
        return new CopyOptions(role, null, null, null, region, true, null, null, null, false);
    }

    @Override
    public String toString() {
        return "CopyOptions[iamRole="
                + iamRole
                + ", accessKeyId="
                + accessKeyId
                + ", secretAccessKey="
                + (secretAccessKey == null ? "null" : "****")
                + ", region="
                + region
                + ", gzip="
                + gzip
                + ", maxError="
                + maxError
                + ", truncateColumns="
                + truncateColumns
                + "]";
    }
}
