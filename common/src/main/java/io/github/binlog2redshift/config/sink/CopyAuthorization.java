package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.RedshiftOptions.ACCESS_KEY_ID;
import static io.github.binlog2redshift.config.RedshiftOptions.IAM_ROLE;
import static io.github.binlog2redshift.config.RedshiftOptions.REGION;
import static io.github.binlog2redshift.config.RedshiftOptions.SECRET_ACCESS_KEY;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.Settings;
import java.util.Objects;
import java.util.Optional;

/** How Redshift's COPY reads the staged files: an IAM role, or an access-key pair. */
public final class CopyAuthorization {

    private final Optional<String> iamRole;
    private final Optional<String> accessKeyId;
    private final Optional<Secret> secretAccessKey;
    private final Optional<String> region;

    private CopyAuthorization(
            Optional<String> iamRole,
            Optional<String> accessKeyId,
            Optional<Secret> secretAccessKey,
            Optional<String> region) {
        this.iamRole = iamRole;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
    }

    /** Role ARN. */
    public Optional<String> iamRole() {
        return iamRole;
    }

    /** Access key id. */
    public Optional<String> accessKeyId() {
        return accessKeyId;
    }

    /** Secret access key (masked in toString). */
    public Optional<Secret> secretAccessKey() {
        return secretAccessKey;
    }

    /** Staging bucket region, when it differs from the cluster's. */
    public Optional<String> region() {
        return region;
    }

    static CopyAuthorization from(Settings s, TargetKind kind) {
        ConfigConstraints.allOrNone(s, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        if (kind == TargetKind.REDSHIFT) {
            ConfigConstraints.exactlyOne(s, IAM_ROLE, ACCESS_KEY_ID);
        } else {
            ConfigConstraints.atMostOne(s, IAM_ROLE, ACCESS_KEY_ID);
        }
        return new CopyAuthorization(
                s.getOptional(IAM_ROLE),
                s.getOptional(ACCESS_KEY_ID),
                s.getOptional(SECRET_ACCESS_KEY).map(Secret::new),
                s.getOptional(REGION));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CopyAuthorization)) {
            return false;
        }
        CopyAuthorization other = (CopyAuthorization) o;
        return Objects.equals(iamRole, other.iamRole)
                && Objects.equals(accessKeyId, other.accessKeyId)
                && Objects.equals(secretAccessKey, other.secretAccessKey)
                && Objects.equals(region, other.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(iamRole, accessKeyId, secretAccessKey, region);
    }

    @Override
    public String toString() {
        return "CopyAuthorization[iamRole="
                + iamRole
                + ", accessKeyId="
                + accessKeyId
                + ", secretAccessKey="
                + secretAccessKey
                + ", region="
                + region
                + "]";
    }
}
