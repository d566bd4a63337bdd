package io.github.binlog2redshift.sink.dialect;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * How Redshift's COPY reaches and reads the staged files. Exactly one of {@code iamRole} and {@code
 * accessKeyId}/{@code secretAccessKey} is set. {@code maxError} (null: not set) and {@code
 * truncateColumns} are opt-in only: by default a row that does not load fails the commit instead of
 * being skipped or cut silently (the reference sink's bug 9).
 *
 * <p>{@link #toString()} never shows the secret key.
 */
public final class CopyOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Nullable private final String iamRole;
    @Nullable private final String accessKeyId;
    @Nullable private final String secretAccessKey;
    @Nullable private final String sessionToken;
    @Nullable private final String region;
    private final boolean gzip;
    private final String timeFormat;
    private final String dateFormat;
    @Nullable private final Integer maxError;
    private final boolean truncateColumns;

    /** {@code timeFormat} and {@code dateFormat} default to {@code 'auto'} when null. */
    public CopyOptions(
            @Nullable String iamRole,
            @Nullable String accessKeyId,
            @Nullable String secretAccessKey,
            @Nullable String sessionToken,
            @Nullable String region,
            boolean gzip,
            @Nullable String timeFormat,
            @Nullable String dateFormat,
            @Nullable Integer maxError,
            boolean truncateColumns) {
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
        this.iamRole = iamRole;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
        this.region = region;
        this.gzip = gzip;
        this.timeFormat = timeFormat == null ? "auto" : timeFormat;
        this.dateFormat = dateFormat == null ? "auto" : dateFormat;
        this.maxError = maxError;
        this.truncateColumns = truncateColumns;
    }

    /** COPY with an IAM role, gzip, {@code 'auto'} time and date formats, nothing skipped. */
    public static CopyOptions iamRole(String role, @Nullable String region) {
        return new CopyOptions(role, null, null, null, region, true, null, null, null, false);
    }

    @Nullable
    public String iamRole() {
        return iamRole;
    }

    @Nullable
    public String accessKeyId() {
        return accessKeyId;
    }

    @Nullable
    public String secretAccessKey() {
        return secretAccessKey;
    }

    @Nullable
    public String sessionToken() {
        return sessionToken;
    }

    @Nullable
    public String region() {
        return region;
    }

    public boolean gzip() {
        return gzip;
    }

    public String timeFormat() {
        return timeFormat;
    }

    public String dateFormat() {
        return dateFormat;
    }

    @Nullable
    public Integer maxError() {
        return maxError;
    }

    public boolean truncateColumns() {
        return truncateColumns;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CopyOptions)) {
            return false;
        }
        CopyOptions other = (CopyOptions) o;
        return Objects.equals(iamRole, other.iamRole)
                && Objects.equals(accessKeyId, other.accessKeyId)
                && Objects.equals(secretAccessKey, other.secretAccessKey)
                && Objects.equals(sessionToken, other.sessionToken)
                && Objects.equals(region, other.region)
                && gzip == other.gzip
                && timeFormat.equals(other.timeFormat)
                && dateFormat.equals(other.dateFormat)
                && Objects.equals(maxError, other.maxError)
                && truncateColumns == other.truncateColumns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                iamRole,
                accessKeyId,
                secretAccessKey,
                sessionToken,
                region,
                gzip,
                timeFormat,
                dateFormat,
                maxError,
                truncateColumns);
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
