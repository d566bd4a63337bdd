package io.github.binlog2redshift.localstack.redshift.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY text as the sink's RedshiftDialect writes it, and what Redshift refuses. */
class CopyStatementTest {

    private static final String IAM_ROLE_COPY =
            "COPY \"_b2r_stage\" (\"_b2r_op\", \"_b2r_pos\", \"_b2r_ts\", \"id\", \"note\")"
                    + " FROM 's3://bucket/stage/job/ckp-7.manifest'"
                    + " IAM_ROLE 'arn:aws:iam::123:role/load' REGION 'eu-west-1'"
                    + " FORMAT AS CSV NULL AS '\\\\N' GZIP MANIFEST"
                    + " TIMEFORMAT 'auto' DATEFORMAT 'auto' COMPUPDATE OFF STATUPDATE OFF";

    private static final String KEYS_COPY =
            "COPY \"_b2r_stage\" (\"_b2r_op\", \"_b2r_pos\", \"_b2r_ts\", \"id\", \"note\")"
                    + " FROM 's3://b/o''brien.manifest'"
                    + " ACCESS_KEY_ID 'AKID' SECRET_ACCESS_KEY 'se''cret' SESSION_TOKEN 'tok'"
                    + " FORMAT AS CSV NULL AS '\\\\N' MANIFEST"
                    + " TIMEFORMAT 'epochmillisecs' DATEFORMAT 'YYYY-MM-DD'"
                    + " MAXERROR 5 TRUNCATECOLUMNS COMPUPDATE OFF STATUPDATE OFF";

    @Test
    void readsTheSinksCopyWithAnIamRole() throws Exception {
        CopyStatement copy = CopyStatement.parse(IAM_ROLE_COPY).orElseThrow();
        assertThat(copy.table()).isEqualTo("\"_b2r_stage\"");
        assertThat(copy.columns()).containsExactly("_b2r_op", "_b2r_pos", "_b2r_ts", "id", "note");
        assertThat(copy.from()).isEqualTo("s3://bucket/stage/job/ckp-7.manifest");
        assertThat(copy.credentials().iamRole()).isEqualTo("arn:aws:iam::123:role/load");
        assertThat(copy.region()).isEqualTo("eu-west-1");
        CopyOptions o = copy.options();
        assertThat(o.csv()).isTrue();
        assertThat(o.quote()).isEqualTo('"');
        assertThat(o.delimiter()).isEqualTo(',');
        assertThat(o.gzip()).isTrue();
        assertThat(o.manifest()).isTrue();
        // '\N' in a Redshift literal: the two characters backslash and N, the default null string.
        assertThat(o.nullAs()).isEqualTo("\\N");
        assertThat(o.timeFormat().kind()).isEqualTo(DateTimeFormat.Kind.AUTO);
        assertThat(o.dateFormat().kind()).isEqualTo(DateTimeFormat.Kind.AUTO);
        assertThat(o.maxError()).isZero();
        assertThat(o.truncateColumns()).isFalse();
    }

    @Test
    void readsTheSinksCopyWithKeysAndOptIns() throws Exception {
        CopyStatement copy = CopyStatement.parse(KEYS_COPY).orElseThrow();
        assertThat(copy.from()).isEqualTo("s3://b/o'brien.manifest");
        assertThat(copy.credentials().accessKeyId()).isEqualTo("AKID");
        assertThat(copy.credentials().secretAccessKey()).isEqualTo("se'cret");
        assertThat(copy.credentials().sessionToken()).isEqualTo("tok");
        assertThat(copy.credentials().toString()).doesNotContain("se'cret").doesNotContain("tok");
        assertThat(copy.options().gzip()).isFalse();
        assertThat(copy.options().maxError()).isEqualTo(5);
        assertThat(copy.options().truncateColumns()).isTrue();
        assertThat(copy.options().timeFormat().kind())
                .isEqualTo(DateTimeFormat.Kind.EPOCH_MILLISECONDS);
        assertThat(copy.options().dateFormat().kind()).isEqualTo(DateTimeFormat.Kind.PATTERN);
    }

    @Test
    void readsOtherDocumentedForms() throws Exception {
        CopyStatement copy =
                CopyStatement.parse(
                                "copy public.Events from 's3://b/data/part-' credentials"
                                        + " 'aws_access_key_id=A;aws_secret_access_key=S' csv quote as '%'"
                                        + " delimiter '\\t' null as '\\000' emptyasnull blanksasnull"
                                        + " ignoreheader 1 acceptinvchars as '^';")
                        .orElseThrow();
        assertThat(copy.table()).isEqualTo("public.Events");
        assertThat(copy.columns()).isEmpty();
        assertThat(copy.credentials().accessKeyId()).isEqualTo("A");
        assertThat(copy.options().quote()).isEqualTo('%');
        assertThat(copy.options().delimiter()).isEqualTo('\t');
        assertThat(copy.options().nullAs()).isEqualTo("\0");
        assertThat(copy.options().emptyAsNull()).isTrue();
        assertThat(copy.options().blanksAsNull()).isTrue();
        assertThat(copy.options().ignoreHeader()).isEqualTo(1);
        assertThat(copy.options().acceptInvChars()).isEqualTo('^');
        assertThat(copy.options().manifest()).isFalse();
    }

    @Test
    void otherStatementsAreNotCopies() throws Exception {
        assertThat(CopyStatement.parse("SELECT 1")).isEmpty();
        assertThat(CopyStatement.parse("  ")).isEmpty();
    }

    @Test
    void refusesWhatRedshiftRefuses() {
        String from = "COPY t FROM 's3://b/k' IAM_ROLE 'arn' ";
        for (String bad :
                List.of(
                        "COPY t FROM 's3://b/k' CSV", // no authorization
                        "COPY t FROM 's3://b/k' IAM_ROLE 'arn' ACCESS_KEY_ID 'a' SECRET_ACCESS_KEY 's' CSV",
                        "COPY t FROM 's3://b/k' ACCESS_KEY_ID 'a' CSV", // key without secret
                        "COPY t FROM 's3://b/k' IAM_ROLE 'arn' SESSION_TOKEN 't' CSV",
                        from + "QUOTE '%'", // QUOTE without CSV
                        from + "CSV DELIMITER ',,'",
                        from + "CSV QUOTE ','", // quote = delimiter
                        from + "CSV NULL AS '\\n'", // reserved line delimiter
                        from + "CSV GZIP GZIP",
                        from + "CSV MAXERROR 100001",
                        from + "CSV TIMEFORMAT 'AUTO'", // keywords are case-sensitive
                        from + "CSV DATEFORMAT 'epochsecs'",
                        from + "CSV NULL AS '\\q'", // undocumented escape
                        from + "CSV NULL AS '\\N'", // undocumented escape: backslash-N or N?
                        from + "CSV FROBNICATE",
                        "COPY t FROM 's3://b/' IAM_ROLE 'arn' CSV MANIFEST", // manifest needs an
                        // object
                        "COPY t FROM 's3://b/k' IAM_ROLE 'arn' CSV 'unterminated")) {
            assertThatThrownBy(() -> CopyStatement.parse(bad), bad)
                    .isInstanceOf(RedshiftException.class);
        }
    }

    @Test
    void refusesWhatTheEmulatorDoesNotImplement() {
        for (String option :
                List.of(
                        "JSON 'auto'",
                        "FIXEDWIDTH 'a:1'",
                        "ESCAPE",
                        "REMOVEQUOTES",
                        "BZIP2",
                        "ZSTD",
                        "ROUNDEC",
                        "FILLRECORD")) {
            assertThatThrownBy(
                            () ->
                                    CopyStatement.parse(
                                            "COPY t FROM 's3://b/k' IAM_ROLE 'arn' " + option))
                    .isInstanceOfSatisfying(
                            RedshiftException.class,
                            e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        }
        assertThatThrownBy(
                        () ->
                                CopyStatement.parse(
                                        "COPY t FROM 'dynamodb://Movies' IAM_ROLE 'arn' READRATIO 50"))
                .isInstanceOf(RedshiftException.class);
        // Pipe-delimited text is Redshift's default, but the emulator reads CSV only.
        assertThatThrownBy(() -> CopyStatement.parse("COPY t FROM 's3://b/k' IAM_ROLE 'arn'"))
                .isInstanceOfSatisfying(
                        RedshiftException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void backslashEscapesInLiterals() throws Exception {
        CopyStatement copy =
                CopyStatement.parse("COPY t FROM 's3://b/k' IAM_ROLE 'arn' CSV NULL AS 'a\\\\b'")
                        .orElseThrow();
        assertThat(copy.options().nullAs()).isEqualTo("a\\b");
        CopyStatement octal =
                CopyStatement.parse("COPY t FROM 's3://b/k' IAM_ROLE 'arn' CSV DELIMITER '\\174'")
                        .orElseThrow();
        assertThat(octal.options().delimiter()).isEqualTo('|');
    }
}
