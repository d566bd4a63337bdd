package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.RedshiftOptions.ACCESS_KEY_ID;
import static io.github.binlog2redshift.config.RedshiftOptions.IAM_ROLE;
import static io.github.binlog2redshift.config.RedshiftOptions.REGION;
import static io.github.binlog2redshift.config.RedshiftOptions.SECRET_ACCESS_KEY;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.Settings;
import java.util.Optional;

/**
 * How Redshift's COPY reads the staged files: an IAM role, or an access-key pair.
 *
 * @param iamRole role ARN
 * @param accessKeyId access key id
 * @param secretAccessKey secret access key (masked in toString)
 * @param region staging bucket region, when it differs from the cluster's
 */
public record CopyAuthorization(
        Optional<String> iamRole,
        Optional<String> accessKeyId,
        Optional<Secret> secretAccessKey,
        Optional<String> region) {

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
}
