package io.github.binlog2redshift.config.secret;

import java.util.Optional;

/**
 * Reads a secret string by id. The jobs use {@link SecretsManagerReader}; tests pass a map, so the
 * layouts and the merging with explicit options are tested without AWS.
 */
@FunctionalInterface
public interface SecretReader {

    /**
     * @param secretId a secret name or ARN
     * @param region the region to ask, or empty for the AWS SDK's default region chain
     * @return the secret string
     * @throws io.github.binlog2redshift.config.ConfigException naming the secret (never its value)
     *     when it cannot be read
     */
    String read(String secretId, Optional<String> region);
}
