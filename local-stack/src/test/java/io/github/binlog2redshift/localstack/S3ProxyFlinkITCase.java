package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files a Flink job writes to {@code s3://} through the plugin file system land in S3Proxy and read
 * back through the S3 API.
 */
@ExtendWith(LocalStackExtension.class)
class S3ProxyFlinkITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(FlinkTestConfig.noRestarts())
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void fileSinkOutputIsReadableThroughTheS3Api(LocalStack stack, S3Location location)
            throws Exception {
        Configuration s3Conf = FlinkS3Plugin.initialize(stack.s3());
        assertThat(s3Conf.toMap()).containsEntry("s3.path.style.access", "true");

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        env.enableCheckpointing(500);
        FileSink<String> sink =
                FileSink.forRowFormat(
                                new Path(location.uri("orders/")),
                                new SimpleStringEncoder<String>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build();
        env.fromData("row-1", "row-2", "row-3").sinkTo(sink).name("s3-sink").uid("s3-sink");
        env.execute("s3proxy-file-sink-it");

        try (S3Client s3 = client(stack.s3())) {
            List<S3Object> objects =
                    s3
                            .listObjectsV2(
                                    b -> b.bucket(location.bucket()).prefix(location.prefix()))
                            .contents()
                            .stream()
                            // S3A writes empty "directory/" marker objects (kept, see
                            // FlinkS3Plugin).
                            .filter(o -> !o.key().endsWith("/"))
                            .collect(Collectors.toList());
            // Only committed part files: in-progress files are hidden (".part-...") until a
            // checkpoint.
            assertThat(objects).isNotEmpty();
            assertThat(objects)
                    .allSatisfy(
                            o ->
                                    assertThat(o.key())
                                            .startsWith(location.prefix() + "orders/")
                                            .doesNotContain("/.part-"));
            List<String> lines =
                    objects.stream()
                            .map(
                                    o ->
                                            s3.getObjectAsBytes(
                                                            b ->
                                                                    b.bucket(location.bucket())
                                                                            .key(o.key()))
                                                    .asUtf8String())
                            .flatMap(text -> Arrays.stream(text.split("\n")))
                            .collect(Collectors.toList());
            assertThat(lines).containsExactlyInAnyOrder("row-1", "row-2", "row-3");
        }
    }

    private static S3Client client(S3ProxyServer server) {
        return S3Client.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(S3ProxyServer.REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .forcePathStyle(true)
                // Newer SDKs add CRC checksums by default, which S3-compatible servers may not
                // support.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
