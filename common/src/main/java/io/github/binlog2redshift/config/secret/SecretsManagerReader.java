package io.github.binlog2redshift.config.secret;

import io.github.binlog2redshift.config.ConfigException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads secrets from AWS Secrets Manager with the default credential chain (on Managed Flink, the
 * application's service role; elsewhere environment, profile or instance role). A client is built
 * per read: a job reads its secrets once at start, so there is nothing to reuse.
 *
 * <p>redshift-sink's {@code sink.jdbc.ConnectionProvider} still has its own copy of this call; it
 * should move here once the sink's credential options settle.
 */
public final class SecretsManagerReader implements SecretReader {

    @Override
    public String read(String secretId, Optional<String> region) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
        Optional<String> effectiveRegion = region.or(() -> regionOfArn(secretId));
        effectiveRegion.ifPresent(r -> builder.region(Region.of(r)));
        try (SecretsManagerClient client = builder.build()) {
            String value =
                    client.getSecretValue(
                                    GetSecretValueRequest.builder().secretId(secretId).build())
                            .secretString();
            if (value == null) {
                throw new ConfigException(
                        "Secret '"
                                + secretId
                                + "' has no string value (a binary secret); store the JSON"
                                + " as the secret string");
            }
            return value;
        } catch (SdkException e) {
            // SDK messages name the request and the error code, not the secret's value.
            throw new ConfigException(
                    "Could not read secret '"
                            + secretId
                            + "' from AWS Secrets Manager in region "
                            + effectiveRegion.orElse("(SDK default)")
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The region of a secret ARN ({@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}),
     * so an ARN works without a separate region option.
     */
    static Optional<String> regionOfArn(String secretId) {
        String[] parts = secretId.split(":", 6);
        if (parts.length == 6
                && parts[0].equals("arn")
                && parts[2].equals("secretsmanager")
                && !parts[3].isEmpty()) {
            return Optional.of(parts[3]);
        }
        return Optional.empty();
    }
}
