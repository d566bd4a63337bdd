package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every secret layout Redshift, Redshift Serverless and RDS create resolves, with explicit options
 * filling what the secret lacks, and a connection still missing host or database fails before any
 * driver is asked (Secrets Manager User Guide, "JSON structure of AWS Secrets Manager secrets").
 */
class SecretLayoutsTest {

    /** Redshift's ManageMasterPassword, Serverless's manageAdminPassword and RDS's managed one. */
    private static final String MANAGED = "{\"username\":\"admin\",\"password\":\"m-pw\"}";

    /** The console's "Credentials for Amazon Redshift" with the database left blank. */
    private static final String CONSOLE_REDSHIFT =
            "{\"username\":\"loader\",\"password\":\"c-pw\",\"engine\":\"redshift\","
                    + "\"host\":\"rs1.abc.eu-west-1.redshift.amazonaws.com\",\"port\":5439,"
                    + "\"dbClusterIdentifier\":\"rs1\"}";

    private static final String RDS_POSTGRES =
            "{\"engine\":\"postgres\",\"host\":\"pg.abc.eu-west-1.rds.amazonaws.com\","
                    + "\"port\":\"5432\",\"username\":\"app\",\"password\":\"r-pw\","
                    + "\"dbname\":\"shop\",\"dbInstanceIdentifier\":\"pg1\"}";

    private static final String AURORA_POSTGRES =
            "{\"engine\":\"aurora-postgresql\",\"host\":\"au.cluster-abc.rds.amazonaws.com\","
                    + "\"port\":5432,\"username\":\"app\",\"password\":\"a-pw\","
                    + "\"dbname\":\"shop\",\"dbClusterIdentifier\":\"au1\"}";

    private static ConnectionSettings viaSecret(
            WarehouseKind kind, String host, String database, int port) {
        return new ConnectionSettings(
                kind, null, host, port, database, null, null, "prod/db", "eu-west-1", true);
    }

    private static ConnectionSettings resolve(ConnectionSettings s, String json)
            throws IOException {
        return new ConnectionProvider(s, (id, region) -> json).resolve();
    }

    @Test
    void managedSecretsTakeHostAndDatabaseFromTheOptions() throws IOException {
        ConnectionSettings r =
                resolve(
                        viaSecret(
                                WarehouseKind.REDSHIFT,
                                "wg.1.eu-west-1.redshift-serverless.amazonaws.com",
                                "dev",
                                5439),
                        MANAGED);
        assertThat(r.user()).isEqualTo("admin");
        assertThat(r.password()).isEqualTo("m-pw");
        assertThat(r.host()).isEqualTo("wg.1.eu-west-1.redshift-serverless.amazonaws.com");
        assertThat(r.database()).isEqualTo("dev");
        assertThat(r.port()).isEqualTo(5439);
        assertThat(r.secretId()).isNull();
    }

    @Test
    void managedSecretWithoutHostOrDatabaseNamesWhatIsMissing() {
        ConnectionSettings s = viaSecret(WarehouseKind.REDSHIFT, null, null, 5439);
        assertThatThrownBy(() -> resolve(s, MANAGED))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "The REDSHIFT connection is incomplete: secret 'prod/db'"
                                + " (sink.redshift.secret-id) has no host and no dbname, and"
                                + " neither is set; set sink.redshift.host (the cluster or"
                                + " workgroup endpoint) and sink.redshift.database, or"
                                + " sink.jdbc.url.")
                .hasMessageNotContaining("m-pw");
        assertThatThrownBy(
                        () -> resolve(viaSecret(WarehouseKind.REDSHIFT, "h", null, 5439), MANAGED))
                .hasMessageContaining(
                        "has no dbname, and it is not set; set sink.redshift.database,");
    }

    @Test
    void consoleRedshiftSecretWithoutDatabase() throws IOException {
        ConnectionSettings r =
                resolve(
                        viaSecret(WarehouseKind.REDSHIFT, null, "analytics", 5439),
                        CONSOLE_REDSHIFT);
        assertThat(r.host()).isEqualTo("rs1.abc.eu-west-1.redshift.amazonaws.com");
        assertThat(r.database()).isEqualTo("analytics");
        assertThat(r.user()).isEqualTo("loader");
        assertThatThrownBy(
                        () ->
                                resolve(
                                        viaSecret(WarehouseKind.REDSHIFT, null, null, 5439),
                                        CONSOLE_REDSHIFT))
                .hasMessageContaining("has no dbname")
                .hasMessageContaining("The secret belongs to cluster 'rs1'");
    }

    @Test
    void rdsSecretsCarryEverything() throws IOException {
        ConnectionSettings pg =
                resolve(viaSecret(WarehouseKind.POSTGRES, null, null, 5439), RDS_POSTGRES);
        assertThat(pg.host()).isEqualTo("pg.abc.eu-west-1.rds.amazonaws.com");
        assertThat(pg.port()).isEqualTo(5432);
        assertThat(pg.database()).isEqualTo("shop");
        ConnectionSettings aurora =
                resolve(viaSecret(WarehouseKind.POSTGRES, null, null, 5439), AURORA_POSTGRES);
        assertThat(aurora.host()).isEqualTo("au.cluster-abc.rds.amazonaws.com");
        assertThat(aurora.port()).isEqualTo(5432);
        assertThat(SecretValues.parse("s", AURORA_POSTGRES).clusterId()).isEqualTo("au1");
    }

    @Test
    void theSecretWinsOverExplicitValues() throws IOException {
        ConnectionSettings r =
                resolve(viaSecret(WarehouseKind.POSTGRES, "other", "otherdb", 6000), RDS_POSTGRES);
        assertThat(r.host()).isEqualTo("pg.abc.eu-west-1.rds.amazonaws.com");
        assertThat(r.database()).isEqualTo("shop");
        assertThat(r.port()).isEqualTo(5432);
    }

    @Test
    void aJdbcUrlNeedsNoHostOrDatabase() throws IOException {
        ConnectionSettings s =
                new ConnectionSettings(
                        WarehouseKind.REDSHIFT,
                        "jdbc:redshift://h:5439/dev",
                        null,
                        5439,
                        null,
                        null,
                        null,
                        "prod/db",
                        null,
                        true);
        assertThat(resolve(s, MANAGED).user()).isEqualTo("admin");
    }

    @Test
    void secretsWithoutCredentialsOrForAnotherEngineAreRejected() {
        ConnectionSettings s = viaSecret(WarehouseKind.REDSHIFT, "h", "d", 5439);
        assertThatThrownBy(() -> resolve(s, "{\"username\":\"u\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Secret 'prod/db' (sink.redshift.secret-id) has no password;");
        assertThatThrownBy(() -> resolve(s, "{\"engine\":\"mysql\",\"password\":\"x-pw\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("secret prod/db is for engine 'mysql';")
                .hasMessageNotContaining("x-pw");
        assertThatThrownBy(() -> resolve(s, "{\"port\":\"fifty\",\"password\":\"x-pw\"}"))
                .hasMessage("secret prod/db: port must be a number in 1..65535, got 'fifty'");
    }

    @Test
    void openFailsOnAnIncompleteSecretBeforeAnyDriverIsAsked() {
        ConnectionProvider p =
                new ConnectionProvider(
                        viaSecret(WarehouseKind.REDSHIFT, null, null, 5439), (id, r) -> MANAGED);
        assertThatThrownBy(p::open)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no host and no dbname");
        assertThatThrownBy(p::resolveEarly).isInstanceOf(ConfigException.class);
    }

    @Test
    void anUnreadableSecretIsLeftToTheFirstOpen() {
        ConnectionProvider p =
                new ConnectionProvider(
                        viaSecret(WarehouseKind.REDSHIFT, null, null, 5439),
                        (id, r) -> {
                            throw new IOException("could not read secret " + id + ": denied");
                        });
        assertThat(p.resolveEarly()).isFalse();
        assertThat(
                        new ConnectionProvider(
                                        ConnectionSettings.of(
                                                WarehouseKind.POSTGRES,
                                                "h",
                                                5432,
                                                "d",
                                                "u",
                                                "p",
                                                false))
                                .resolveEarly())
                .isTrue();
    }
}
