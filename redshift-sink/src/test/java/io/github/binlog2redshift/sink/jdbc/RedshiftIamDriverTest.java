package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.SdkClientException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Redshift driver's IAM path runs on this module's class path: it declares the AWS SDK for Java
 * 1.x optional, so without the runtime dependencies in redshift-sink's pom a connection would end
 * in NoClassDefFoundError. Each request is sent to a closed local port (the driver's {@code
 * endpointurl}), so the test needs no AWS: it proves the driver got as far as calling Redshift.
 */
class RedshiftIamDriverTest {

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void assertCallsTheApi(ConnectionRequest request) throws Exception {
        Properties p = request.properties();
        // Static test keys keep the SDK from searching the host for credentials.
        p.setProperty("accesskeyid", "AKIAIOSFODNN7EXAMPLE");
        p.setProperty("secretaccesskey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        p.setProperty("endpointurl", "http://127.0.0.1:" + closedPort());
        assertThatThrownBy(() -> new com.amazon.redshift.Driver().connect(request.url(), p))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("IAM error retrieving temp credentials")
                .hasRootCauseInstanceOf(java.net.ConnectException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SdkClientException.class));
    }

    @Test
    void provisionedClusterIdForm() throws Exception {
        assertCallsTheApi(
                ConnectionRequest.of(
                        ConnectionSettings.redshiftIam(
                                null,
                                null,
                                5439,
                                "dev",
                                "eu-west-1",
                                true,
                                RedshiftIamAuth.provisioned("rs1", "loader", false, List.of()))));
    }

    @Test
    void serverlessWorkgroupForm() throws Exception {
        assertCallsTheApi(
                ConnectionRequest.of(
                        ConnectionSettings.redshiftIam(
                                null,
                                null,
                                5439,
                                "dev",
                                "eu-west-1",
                                true,
                                RedshiftIamAuth.serverless("wg1"))));
    }
}
