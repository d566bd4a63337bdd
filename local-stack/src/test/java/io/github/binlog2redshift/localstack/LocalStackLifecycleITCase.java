package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Closing a stack leaves nothing behind: no service process (nor a descendant of one) and no
 * directory. Uses a stack of its own, not the shared one, so that it can close it.
 */
class LocalStackLifecycleITCase {

    @Test
    void closeStopsEveryProcessAndDeletesTheDirectory() throws Exception {
        LocalStack stack = LocalStack.create();
        Path directory = stack.directory();
        List<Long> pids;
        try {
            try (Connection c = stack.newMySqlDatabase("lifecycle").connect()) {
                assertThat(c.isValid(2)).isTrue();
            }
            try (Connection c = stack.newPostgresDatabase("lifecycle").connect()) {
                assertThat(c.isValid(2)).isTrue();
            }
            stack.newTopic("lifecycle", 1);
            stack.s3();
            pids = stack.processTrees();
            // mariadbd, kafka, s3proxy, postgres and at least one PostgreSQL backend process
            assertThat(pids).hasSizeGreaterThanOrEqualTo(5);
            assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).isPresent());
        } finally {
            stack.close();
        }

        assertThat(pids)
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(Files.exists(directory)).isFalse();
        assertThat(ProcessHandle.current().descendants())
                .noneMatch(
                        p ->
                                commandLine(p)
                                        .map(line -> line.contains(directory.toString()))
                                        .orElse(false));
    }

    @Test
    void closeIsIdempotentAndAClosedStackRefusesToStartServices() {
        LocalStack stack = LocalStack.create();
        stack.close();
        stack.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(stack::postgres)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static Optional<String> commandLine(ProcessHandle process) {
        return process.info().commandLine();
    }
}
