package io.github.binlog2redshift.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.redshift.RedshiftServer;
import io.github.binlog2redshift.localstack.redshift.copy.CopyStatement;
import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedshiftCopyReferenceTest {

    private static final String MANIFEST = "s3://b2r-local/copyref/measured/copy.manifest";

    @Test
    void loadsWithTheOptionsOfTheSinksCopy() {
        String sink =
                new RedshiftDialect()
                        .copy(
                                List.of("id", "k", "c", "pad", "v"),
                                MANIFEST,
                                CopyOptions.iamRole(RedshiftServer.IAM_ROLE, S3ProxyServer.REGION));
        String ours = RedshiftCopyReference.copySql(MANIFEST);
        assertThat(ours.substring(ours.indexOf(" FROM ")))
                .isEqualTo(sink.substring(sink.indexOf(" FROM ")));
    }

    @Test
    void theEmulatorReadsItAsAGzipCsvManifestWithTheRole() throws Exception {
        CopyStatement copy =
                CopyStatement.parse(RedshiftCopyReference.copySql(MANIFEST)).orElseThrow();
        assertThat(copy.table()).isEqualTo("copy_reference");
        assertThat(copy.columns()).containsExactly("id", "k", "c", "pad", "v");
        assertThat(copy.from()).isEqualTo(MANIFEST);
        assertThat(copy.credentials().iamRole()).isEqualTo(RedshiftServer.IAM_ROLE);
        assertThat(copy.options().csv()).isTrue();
        assertThat(copy.options().gzip()).isTrue();
        assertThat(copy.options().manifest()).isTrue();
        assertThat(copy.options().nullAs()).isEqualTo("\\N");
    }
}
