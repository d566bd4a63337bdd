package io.github.binlog2redshift.localstack.redshift;

import static io.github.binlog2redshift.localstack.redshift.LocalRedshiftITCase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** COPY from the local S3 through the Redshift driver, as the sink runs it, and what follows it. */
@ExtendWith(LocalStackExtension.class)
class LocalRedshiftCopyITCase {

    private static String copy(S3Location at, String role) {
        return copy(at, role, "'\\\\N'");
    }

    private static String copy(S3Location at, String role, String nullAs) {
        return "COPY \"_b2r_stage\" (\"id\", \"note\") FROM '"
                + at.uri("m.manifest")
                + "'"
                + " IAM_ROLE '"
                + role
                + "' REGION 'us-east-1'"
                + " FORMAT AS CSV NULL AS "
                + nullAs
                + " GZIP MANIFEST"
                + " TIMEFORMAT 'auto' DATEFORMAT 'auto' COMPUPDATE OFF STATUPDATE OFF";
    }

    @Test
    void sinkCopyIntoATempStageThenLastCopyCount(
            RedshiftDatabase db, LocalStack stack, S3Location at) throws Exception {
        put(stack, at, "f1.gz", gzip("\"1\",\"one\"\n\"2\",\\N\n"));
        put(stack, at, "m.manifest", manifest(at, "f1.gz"));
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE orders (id BIGINT NOT NULL, note VARCHAR(40), PRIMARY KEY (id)) DISTKEY (id) SORTKEY (id)");
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE \"_b2r_stage\" (LIKE \"orders\")");
            s.execute(copy(at, RedshiftServer.IAM_ROLE));
            assertThat(rows(s, "SELECT pg_last_copy_count()")).containsExactly("2");
            assertThat(rows(s, "SELECT id, note FROM \"_b2r_stage\" ORDER BY id"))
                    .containsExactly("1|one", "2|null");
            c.commit();
            // The sink's text, NULL AS '\N', is not a documented escape in a Redshift literal.
            assertThatThrownBy(() -> s.execute(copy(at, RedshiftServer.IAM_ROLE, "'\\N'")))
                    .hasMessageContaining("\\N");
        }
    }

    @Test
    void failedCopyIsInStlLoadErrorsAndCountsZero(
            RedshiftDatabase db, LocalStack stack, S3Location at) throws Exception {
        put(stack, at, "f1.gz", gzip("\"x\",\"one\"\n"));
        put(stack, at, "m.manifest", manifest(at, "f1.gz"));
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"_b2r_stage\" (id BIGINT, note VARCHAR(40))");
            assertThatThrownBy(() -> s.execute(copy(at, RedshiftServer.IAM_ROLE)))
                    .isInstanceOf(java.sql.SQLException.class);
            assertThat(rows(s, "SELECT pg_last_copy_count()")).containsExactly("0");
            assertThat(rows(s, "SELECT trim(colname), line_number FROM stl_load_errors"))
                    .containsExactly("id|1");
        }
    }

    @Test
    void copyWithAnotherRoleIsDenied(RedshiftDatabase db, LocalStack stack, S3Location at)
            throws Exception {
        put(stack, at, "m.manifest", manifest(at));
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"_b2r_stage\" (id BIGINT, note VARCHAR(40))");
            assertThatThrownBy(() -> s.execute(copy(at, "arn:aws:iam::123:role/other")))
                    .hasMessageContaining("Access Denied");
        }
    }

    private static String manifest(S3Location at, String... keys) {
        StringBuilder json = new StringBuilder("{\"entries\": [");
        for (int i = 0; i < keys.length; i++) {
            json.append(i > 0 ? "," : "")
                    .append("{\"url\":\"")
                    .append(at.uri(keys[i]))
                    .append("\",\"mandatory\":true}");
        }
        return json.append("]}").toString();
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void put(LocalStack stack, S3Location at, String key, String text) {
        put(stack, at, key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(LocalStack stack, S3Location at, String key, byte[] bytes) {
        S3ProxyServer s3 = stack.s3();
        try (S3Client client =
                S3Client.builder()
                        .endpointOverride(URI.create(s3.endpoint()))
                        .region(Region.of(S3ProxyServer.REGION))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            String objectKey = at.uri(key).substring(("s3://" + at.bucket() + "/").length());
            client.putObject(
                    b -> b.bucket(at.bucket()).key(objectKey), RequestBody.fromBytes(bytes));
        }
    }
}
