package io.github.binlog2redshift.sink.jdbc;

import java.io.IOException;
import java.io.Serializable;
import javax.annotation.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads the string of a Secrets Manager secret. An interface so that tests can hand a secret's JSON
 * to {@link ConnectionProvider} without AWS; {@link #SECRETS_MANAGER} is the real one.
 */
@FunctionalInterface
public interface SecretReader extends Serializable {

    /** AWS Secrets Manager, with the default credentials chain. */
    SecretReader SECRETS_MANAGER = SecretReader::fromSecretsManager;

    /**
     * @param region the secret's region, or null for the SDK's default region chain
     * @throws IOException when the secret cannot be read; the message never holds its content
     */
    String read(String secretId, @Nullable String region) throws IOException;

    private static String fromSecretsManager(String secretId, @Nullable String region)
            throws IOException {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
        if (region != null) {
            builder.region(Region.of(region));
        }
        try (SecretsManagerClient client = builder.build()) {
            return client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build())
                    .secretString();
        } catch (RuntimeException e) {
            throw new IOException("could not read secret " + secretId + ": " + e.getMessage(), e);
        }
    }
}
