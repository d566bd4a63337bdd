package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceStartExceptionTest {

    @Test
    void bindFailuresOfEachServiceAreRecognisedForARetry() {
        // The lines each server logs when its port was taken between picking and binding it.
        assertThat(
                        failure(
                                        "[ERROR] Can't start server: Bind on TCP/IP port. Got error: 98: Address already in use")
                                .isBindConflict())
                .isTrue();
        assertThat(
                        failure(
                                        "LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use")
                                .isBindConflict())
                .isTrue();
        assertThat(
                        failure(
                                        "ERROR Socket server failed to bind to 127.0.0.1:9092: Address already in use.")
                                .isBindConflict())
                .isTrue();
        assertThat(
                        failure("java.io.IOException: Failed to bind to /127.0.0.1:8080")
                                .isBindConflict())
                .isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        ServiceStartException e =
                failure("[ERROR] InnoDB: Cannot allocate memory for the buffer pool");
        assertThat(e.isBindConflict()).isFalse();
        assertThat(e.getMessage()).startsWith("mariadbd: exited with code 1");
    }

    private static ServiceStartException failure(String logLine) {
        return new ServiceStartException(
                "mariadbd", "exited with code 1; last lines:\n" + logLine, null);
    }
}
