package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.internal.Executables;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutablesTest {

    @Test
    void aMissingBinaryNamesTheDebianPackageToInstall() {
        assertThatThrownBy(
                        () ->
                                Executables.find(
                                        "b2r-no-such-server",
                                        "mariadb-server",
                                        List.of(Path.of("/nonexistent"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("b2r-no-such-server not found")
                .hasMessageContaining("apt-get install -y mariadb-server");
    }

    @Test
    void binariesOnThePathAreFound() {
        assertThat(Executables.find("sh", "dash", List.of())).isExecutable();
    }
}
