package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import org.junit.jupiter.api.Test;

class WarehouseSinkBuilderTest {

    private static final ConnectionSettings REDSHIFT =
            ConnectionSettings.of(WarehouseKind.REDSHIFT, "h", 5439, "dev", "u", "secret-pw", true);

    @Test
    void redshiftNeedsCopyOptionsAndAnS3Path() {
        assertThatThrownBy(
                        () ->
                                WarehouseSink.builder()
                                        .connection(REDSHIFT)
                                        .jobId("j")
                                        .stagingPath("s3://b/p")
                                        .build())
                .hasMessage("a Redshift target needs COPY options");
        assertThatThrownBy(
                        () ->
                                WarehouseSink.builder()
                                        .connection(REDSHIFT)
                                        .copyOptions(CopyOptions.iamRole("arn", "us-east-1"))
                                        .jobId("j")
                                        .stagingPath("file:///tmp/x")
                                        .build())
                .hasMessage(
                        "a Redshift target needs an s3:// staging path (COPY reads only S3), got"
                                + " file:///tmp/x");
        WarehouseSink sink =
                WarehouseSink.builder()
                        .connection(REDSHIFT)
                        .copyOptions(CopyOptions.iamRole("arn", "us-east-1"))
                        .jobId("j")
                        .stagingPath("s3://b/p")
                        .build();
        assertThat(sink.settings().stagingPath()).isEqualTo("s3://b/p/");
    }

    @Test
    void needsAJobIdAndNeverPrintsThePassword() {
        assertThatThrownBy(
                        () ->
                                WarehouseSink.builder()
                                        .connection(REDSHIFT)
                                        .stagingPath("s3://b/p")
                                        .build())
                .hasMessageContaining("needs a job id (sink.job-id)");
        assertThat(REDSHIFT.toString()).doesNotContain("secret-pw").contains("password=****");
    }

    @Test
    void pathSafeNames() {
        assertThat(StagingWriter.pathSafe("we\"ird/sch ema.t%b")).isEqualTo("we_ird_sch_ema.t_b");
    }
}
