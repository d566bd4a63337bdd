package io.github.binlog2redshift.localstack.redshift.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import io.github.binlog2redshift.localstack.redshift.TargetColumn;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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

/** The COPY engine against the real S3Proxy (and, once, the real PostgreSQL). */
@ExtendWith(LocalStackExtension.class)
class S3CopyLoaderITCase {

    private static final String KEYS = " ACCESS_KEY_ID 'a' SECRET_ACCESS_KEY 's' FORMAT AS CSV";

    @Test
    void loadsAManifestOfTwoGzipFilesIntoPostgres(LocalStack stack, S3Location at)
            throws Exception {
        put(stack, at, "f1.gz", gzip("\"1\",\"caf\u00e9, \"\"quoted\"\"\"\n\"2\",\\N\n"));
        put(stack, at, "f2.gz", gzip("\"3\",\"two\nlines\"\n\"4\",\"\"\n"));
        put(stack, at, "m.manifest", manifest(at, true, "f1.gz", "f2.gz"));
        List<TargetColumn> cols =
                List.of(
                        new TargetColumn("id", "integer", -1, 0, 0, false),
                        new TargetColumn("note", "varchar", 30, 0, 0, true));
        PreparedCopy p =
                prepare(
                        stack,
                        "COPY \"t_two_gzip\" (\"id\", \"note\") FROM '"
                                + at.uri("m.manifest")
                                + "'"
                                + KEYS
                                + " NULL AS '\\\\N' GZIP MANIFEST",
                        cols);
        assertThat(p.rows()).isEqualTo(4);
        assertThat(p.skipped()).isEmpty();
        PostgresDatabase db = stack.newPostgresDatabase("copy_two_gzip");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t_two_gzip (id integer not null, note varchar(30))");
            st.execute(p.backendSql());
            ResultSet rs = st.executeQuery("SELECT id, note FROM t_two_gzip ORDER BY id");
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getInt(1)).append('=').append(rs.getString(2)).append(';');
            }
            assertThat(rows.toString())
                    .isEqualTo("1=caf\u00e9, \"quoted\";2=null;3=two\nlines;4=;");
        }
    }

    @Test
    void aMissingMandatoryFileFailsTheCopy(LocalStack stack, S3Location at) throws Exception {
        put(stack, at, "present.csv", "\"1\"\n");
        put(stack, at, "m.manifest", manifest(at, true, "present.csv", "absent.csv"));
        assertThatThrownBy(
                        () ->
                                prepare(
                                        stack,
                                        "COPY t FROM '"
                                                + at.uri("m.manifest")
                                                + "'"
                                                + KEYS
                                                + " MANIFEST",
                                        List.of(intColumn("id"))))
                .isInstanceOfSatisfying(
                        RedshiftException.class,
                        e -> {
                            assertThat(e.loadError())
                                    .get()
                                    .satisfies(
                                            le -> {
                                                assertThat(le.errorCode()).isEqualTo(1212);
                                                assertThat(le.fileName())
                                                        .isEqualTo(at.uri("absent.csv"));
                                            });
                        });
        // Not mandatory: the missing file is skipped.
        put(stack, at, "m2.manifest", manifest(at, false, "present.csv", "absent.csv"));
        assertThat(
                        prepare(
                                        stack,
                                        "COPY t FROM '"
                                                + at.uri("m2.manifest")
                                                + "'"
                                                + KEYS
                                                + " MANIFEST",
                                        List.of(intColumn("id")))
                                .rows())
                .isEqualTo(1);
    }

    @Test
    void nullAsEmptyAsNullAndBlanks(LocalStack stack, S3Location at) throws Exception {
        put(stack, at, "d.csv", "\\N,\"\\N\",\"\",   \n");
        List<TargetColumn> cols = List.of(text("a"), text("b"), text("c"), text("d"));
        String sql = "COPY t FROM '" + at.uri("d.csv") + "'" + KEYS + " NULL AS '\\\\N'";
        // NULL AS matches quoted and unquoted fields alike; "" stays an empty string.
        assertThat(Files.readString(prepare(stack, sql, cols).file()))
                .isEqualTo("\\N,\\N,\"\",\"   \"\n");
        assertThat(Files.readString(prepare(stack, sql + " EMPTYASNULL BLANKSASNULL", cols).file()))
                .isEqualTo("\\N,\\N,\\N,\\N\n");
        // An empty or blank field of a non-character type is always NULL.
        put(stack, at, "n.csv", ",\"\", \n");
        assertThat(
                        Files.readString(
                                prepare(
                                                stack,
                                                "COPY t FROM '" + at.uri("n.csv") + "'" + KEYS,
                                                List.of(
                                                        intColumn("x"),
                                                        intColumn("y"),
                                                        intColumn("z")))
                                        .file()))
                .isEqualTo("\\N,\\N,\\N\n");
    }

    @Test
    void eachRuleRefusesWithLineAndColumn(LocalStack stack, S3Location at) throws Exception {
        Object[][] cases = {
            {"smallint", -1, 0, 0, "32768", 1222},
            {"integer", -1, 0, 0, "12a", 1207},
            {"bigint", -1, 0, 0, "9223372036854775808", 1222},
            {"numeric", -1, 5, 2, "1234.5", 1204},
            {"numeric", -1, 5, 2, "1.2.3", 1209},
            {"double precision", -1, 0, 0, "NaN", 1208},
            {"boolean", -1, 0, 0, "maybe", 1210},
            {"date", -1, 0, 0, "2024-02-30", 1205},
            {"timestamp", -1, 0, 0, "2024-01-31 25:00:00", 1206},
            {"timestamp", -1, 0, 0, "2024-01-31 10:00:00+02", 1206},
            {"timestamptz", -1, 0, 0, "yesterday", 1206},
            {"time", -1, 0, 0, "24:61", 1206},
            {"char", 5, 0, 0, "h\u00e9", 1220},
            {"char", 2, 0, 0, "abc", 1204},
            {"varchar", 3, 0, 0, "abcd", 1204},
            {"super", -1, 0, 0, "{\"a\":", 1224},
            {"varbyte", 2, 0, 0, "0g", 1219},
            {"varbyte", 1, 0, 0, "abcd", 1204},
        };
        for (Object[] c : cases) {
            TargetColumn col =
                    new TargetColumn("v", (String) c[0], (int) c[1], (int) c[2], (int) c[3], true);
            String good = goodValue((String) c[0]);
            String key = "rule-" + c[0].toString().replace(' ', '_') + "-" + c[5] + ".csv";
            put(
                    stack,
                    at,
                    key,
                    "\"1\",\"" + csv(good) + "\"\n\"2\",\"" + csv((String) c[4]) + "\"\n");
            assertThatThrownBy(
                            () ->
                                    prepare(
                                            stack,
                                            "COPY t FROM '"
                                                    + at.uri(key)
                                                    + "'"
                                                    + KEYS
                                                    + " TIMEFORMAT 'auto' DATEFORMAT 'auto'",
                                            List.of(intColumn("id"), col)))
                    .as("%s %s", c[0], c[4])
                    .isInstanceOfSatisfying(
                            RedshiftException.class,
                            e -> {
                                assertThat(e.getMessage())
                                        .isEqualTo(
                                                "Load into table 't' failed. Check"
                                                        + " 'stl_load_errors' system table for details.");
                                LoadError le = e.loadError().orElseThrow();
                                assertThat(le.errorCode())
                                        .as("%s %s: %s", c[0], c[4], le.reason())
                                        .isEqualTo(c[5]);
                                assertThat(le.lineNumber()).isEqualTo(2);
                                assertThat(le.columnName()).isEqualTo("v");
                                assertThat(le.rawValue()).isEqualTo(c[4]);
                                assertThat(le.fileName()).isEqualTo(at.uri(key));
                            });
        }
    }

    @Test
    void invalidUtf8AndNotNull(LocalStack stack, S3Location at) throws Exception {
        byte[] bad = "\"1\",\"a\u00ffb\"\n".getBytes(StandardCharsets.ISO_8859_1);
        putBytes(stack, at, "bad.csv", bad);
        String sql = "COPY t FROM '" + at.uri("bad.csv") + "'" + KEYS;
        List<TargetColumn> cols = List.of(intColumn("id"), text("s"));
        assertThatThrownBy(() -> prepare(stack, sql, cols))
                .isInstanceOfSatisfying(
                        RedshiftException.class,
                        e -> assertThat(e.loadError().orElseThrow().errorCode()).isEqualTo(1220));
        assertThat(Files.readString(prepare(stack, sql + " ACCEPTINVCHARS AS '^'", cols).file()))
                .isEqualTo("\"1\",\"a^b\"\n");
        put(stack, at, "nn.csv", "\\N\n");
        assertThatThrownBy(
                        () ->
                                prepare(
                                        stack,
                                        "COPY t FROM '" + at.uri("nn.csv") + "'" + KEYS,
                                        List.of(
                                                new TargetColumn(
                                                        "id", "integer", -1, 0, 0, false))))
                .isInstanceOfSatisfying(
                        RedshiftException.class,
                        e -> assertThat(e.loadError().orElseThrow().errorCode()).isEqualTo(1213));
    }

    @Test
    void aRowOverFourMegabytesIsRefused(LocalStack stack, S3Location at) throws Exception {
        String big = "x".repeat(CsvRecords.MAX_ROW_BYTES);
        put(stack, at, "big.csv", "\"1\",\"ok\"\n\"2\",\"" + big + "\"\n");
        assertThatThrownBy(
                        () ->
                                prepare(
                                        stack,
                                        "COPY t FROM '"
                                                + at.uri("big.csv")
                                                + "'"
                                                + KEYS
                                                + " TRUNCATECOLUMNS",
                                        List.of(intColumn("id"), text("s"))))
                .isInstanceOfSatisfying(
                        RedshiftException.class,
                        e -> {
                            LoadError le = e.loadError().orElseThrow();
                            assertThat(le.lineNumber()).isEqualTo(2);
                            assertThat(le.reason()).contains("Row size");
                        });
    }

    @Test
    void varcharLengthIsInBytes(LocalStack stack, S3Location at) throws Exception {
        // U+00E9 is two bytes in UTF-8: two fit VARCHAR(4), three do not.
        put(stack, at, "mb.csv", "\"\u00e9\u00e9\"\n\"\u00e9\u00e9\u00e9\"\n");
        String sql = "COPY t FROM '" + at.uri("mb.csv") + "'" + KEYS;
        List<TargetColumn> cols = List.of(new TargetColumn("s", "varchar", 4, 0, 0, true));
        assertThatThrownBy(() -> prepare(stack, sql, cols))
                .isInstanceOfSatisfying(
                        RedshiftException.class,
                        e -> {
                            LoadError le = e.loadError().orElseThrow();
                            assertThat(le.errorCode()).isEqualTo(1204);
                            assertThat(le.lineNumber()).isEqualTo(2);
                        });
        assertThat(Files.readString(prepare(stack, sql + " TRUNCATECOLUMNS", cols).file()))
                .isEqualTo("\"\u00e9\u00e9\"\n\"\u00e9\u00e9\"\n");
    }

    @Test
    void maxErrorSkipsFewerRowsThanItsValue(LocalStack stack, S3Location at) throws Exception {
        put(stack, at, "me.csv", "\"1\"\n\"x\"\n\"3\"\n\"y\"\n");
        String sql = "COPY t FROM '" + at.uri("me.csv") + "'" + KEYS;
        PreparedCopy p = prepare(stack, sql + " MAXERROR 3", List.of(intColumn("id")));
        assertThat(p.rows()).isEqualTo(2);
        assertThat(p.skipped()).extracting(LoadError::lineNumber).containsExactly(2L, 4L);
        // "If the load returns the error_count number of errors or greater, the load fails."
        assertThatThrownBy(() -> prepare(stack, sql + " MAXERROR 2", List.of(intColumn("id"))))
                .isInstanceOfSatisfying(
                        RedshiftException.class,
                        e -> assertThat(e.loadError().orElseThrow().lineNumber()).isEqualTo(4));
    }

    @Test
    void aPrefixLoadReadsEveryKeyUnderIt(LocalStack stack, S3Location at) throws Exception {
        put(stack, at, "part-1", "\"1\"\n");
        put(stack, at, "part-2", "\"2\"\n\"3\"\n");
        put(stack, at, "other", "\"x\"\n");
        assertThat(
                        prepare(
                                        stack,
                                        "COPY t FROM '" + at.uri("part-") + "'" + KEYS,
                                        List.of(intColumn("id")))
                                .rows())
                .isEqualTo(3);
        assertThatThrownBy(
                        () ->
                                prepare(
                                        stack,
                                        "COPY t FROM '" + at.uri("none-") + "'" + KEYS,
                                        List.of(intColumn("id"))))
                .isInstanceOf(RedshiftException.class)
                .hasMessageContaining("does not exist");
    }

    private static String goodValue(String type) {
        return switch (type) {
            case "boolean" -> "t";
            case "date" -> "2024-01-31";
            case "timestamp", "timestamptz" -> "2024-01-31 10:00:00";
            case "time" -> "10:00";
            case "char", "varchar" -> "a";
            case "super" -> "{\"a\":1}";
            case "varbyte" -> "00";
            default -> "1";
        };
    }

    private static String csv(String value) {
        return value.replace("\"", "\"\"");
    }

    private static TargetColumn intColumn(String name) {
        return new TargetColumn(name, "integer", -1, 0, 0, true);
    }

    private static TargetColumn text(String name) {
        return new TargetColumn(name, "varchar", 100, 0, 0, true);
    }

    private static PreparedCopy prepare(LocalStack stack, String sql, List<TargetColumn> cols)
            throws Exception {
        S3ProxyServer s3 = stack.s3();
        S3CopyLoader loader =
                new S3CopyLoader(URI.create(s3.endpoint()), s3.accessKey(), s3.secretKey());
        Path work = stack.directory().resolve("copy-work");
        return loader.prepare(CopyStatement.parse(sql).orElseThrow(), cols, work);
    }

    private static String manifest(S3Location at, boolean mandatory, String... keys) {
        StringBuilder json = new StringBuilder("{\"entries\": [");
        for (int i = 0; i < keys.length; i++) {
            json.append(i > 0 ? "," : "")
                    .append("{\"url\":\"")
                    .append(at.uri(keys[i]))
                    .append("\",\"mandatory\":")
                    .append(mandatory)
                    .append('}');
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
        putBytes(stack, at, key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(LocalStack stack, S3Location at, String key, byte[] bytes) {
        putBytes(stack, at, key, bytes);
    }

    private static void putBytes(LocalStack stack, S3Location at, String key, byte[] bytes) {
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
