package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.TestSettings.validSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.TestSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    private static SinkConfig config(Map<String, String> values) {
        return SinkConfig.from(TestSettings.load(SinkOptions.ALL, values));
    }

    private static Map<String, String> without(Map<String, String> m, String... keys) {
        for (String k : keys) {
            m.remove(k);
        }
        return m;
    }

    @Test
    void defaults() {
        SinkConfig cfg = config(validSink());
        assertThat(cfg.kafka().startingOffsets()).isEqualTo(StartingOffsets.COMMITTED);
        assertThat(cfg.kafka().groupId()).isEqualTo("redshift-sink");
        assertThat(cfg.jobId()).isEqualTo("redshift-sink");
        assertThat(cfg.inputFormat()).isEqualTo(InputFormat.AUTO);
        assertThat(cfg.connection().kind()).isEqualTo(TargetKind.REDSHIFT);
        assertThat(cfg.connection().port()).isEqualTo(5439);
        assertThat(cfg.connection().schema()).isEqualTo("public");
        assertThat(cfg.connection().ssl()).isTrue();
        assertThat(cfg.staging().path()).isEqualTo(URI.create("s3://bucket/stage/"));
        assertThat(cfg.staging().format()).isEqualTo(StagingFormat.CSV);
        assertThat(cfg.staging().gzip()).isTrue();
        assertThat(cfg.copy()).isEqualTo(new CopyOptions("auto", "auto", 0, false));
        assertThat(cfg.commit()).isEqualTo(new CommitConfig(4, 5, Duration.ofSeconds(1)));
        assertThat(cfg.tables().naming()).isEqualTo(TargetNaming.DB_TABLE);
        // Never a crash loop: bad records go to a default topic named after the job.
        assertThat(cfg.deadLetter().topic()).contains("redshift-sink.dlq");
        assertThat(cfg.deadLetter().path()).isEmpty();
        assertThat(cfg.toString()).doesNotContain("rs-secret-pw");
        assertThat(cfg.schema()).isEqualTo(SchemaPolicy.defaults());
        assertThat(cfg.schema().renameTable()).isEqualTo(SchemaPolicy.RenameTable.FOLLOW);
    }

    @Test
    void renameTablePolicyIsAnEnumNamedInItsError() {
        assertThat(config(validSink("sink.schema.rename-table=IGNORE")).schema().renameTable())
                .isEqualTo(SchemaPolicy.RenameTable.IGNORE);
        assertThatThrownBy(() -> config(validSink("sink.schema.rename-table=RENAME")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sink.schema.rename-table")
                .hasMessageContaining("RENAME");
    }

    @Test
    void jobIdAndGroupIdFollowTheJobName() {
        SinkConfig cfg = config(validSink("pipeline.job-name=shop-loader"));
        assertThat(cfg.jobId()).isEqualTo("shop-loader");
        assertThat(cfg.kafka().groupId()).isEqualTo("shop-loader");
        assertThat(config(validSink("sink.job-id=ledger-1")).kafka().groupId())
                .isEqualTo("ledger-1");
    }

    @Test
    void topicsXorPattern() {
        assertThatThrownBy(() -> config(validSink("kafka.topic-pattern=cdc_.*")))
                .hasMessageContaining(
                        "'kafka.topics' (from properties file 'test.properties') and 'kafka.topic-pattern'")
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> config(without(validSink(), "kafka.topics")))
                .hasMessage(
                        "Set exactly one of 'kafka.topics', 'kafka.topic-pattern'; none is set");
        assertThat(
                        config(without(validSink("kafka.topic-pattern=cdc_.*"), "kafka.topics"))
                                .kafka()
                                .topicPattern())
                .hasValueSatisfying(p -> assertThat(p.matcher("cdc_shop").matches()).isTrue());
    }

    @Test
    void timestampStartRequiresTheTimestamp() {
        assertThatThrownBy(() -> config(validSink("kafka.starting-offsets=timestamp")))
                .hasMessageContaining("Missing required option 'kafka.starting-timestamp-ms'");
        assertThatThrownBy(() -> config(validSink("kafka.starting-timestamp-ms=1")))
                .hasMessageContaining("must not be set when kafka.starting-offsets is COMMITTED");
    }

    @Test
    void secretIdExcludesUsernameAndPassword() {
        assertThatThrownBy(() -> config(validSink("sink.redshift.secret-id=prod/rs")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sink.redshift.secret-id'")
                .hasMessageContaining("'sink.redshift.username'")
                .hasMessageContaining("mutually exclusive");
        SinkConfig viaSecret =
                config(
                        without(
                                validSink("sink.redshift.secret-id=prod/rs"),
                                "sink.redshift.username",
                                "sink.redshift.password",
                                "sink.redshift.host",
                                "sink.redshift.database"));
        assertThat(viaSecret.connection().secretId()).contains("prod/rs");
    }

    @Test
    void usernameNeedsPassword() {
        assertThatThrownBy(() -> config(without(validSink(), "sink.redshift.password")))
                .hasMessageContaining("must be set together or not at all");
        assertThatThrownBy(
                        () ->
                                config(
                                        without(
                                                validSink(),
                                                "sink.redshift.password",
                                                "sink.redshift.username")))
                .hasMessageContaining("Missing required option 'sink.redshift.username'")
                .hasMessageContaining("or set sink.redshift.secret-id");
    }

    @Test
    void jdbcUrlReplacesHostAndDatabase() {
        assertThatThrownBy(() -> config(validSink("sink.jdbc.url=jdbc:redshift://x:5439/dev")))
                .hasMessageContaining("mutually exclusive");
        SinkConfig cfg =
                config(
                        without(
                                validSink("sink.jdbc.url=jdbc:redshift://x:5439/dev"),
                                "sink.redshift.host",
                                "sink.redshift.database"));
        assertThat(cfg.connection().jdbcUrl()).contains("jdbc:redshift://x:5439/dev");
        assertThatThrownBy(
                        () ->
                                config(
                                        without(
                                                validSink("sink.jdbc.url=jdbc:mysql://x/dev"),
                                                "sink.redshift.host",
                                                "sink.redshift.database")))
                .hasMessageContaining(
                        "expected a jdbc:redshift: or jdbc:postgresql: URL, got 'jdbc:mysql://x/dev'");
        assertThatThrownBy(
                        () ->
                                config(
                                        without(
                                                validSink(
                                                        "sink.jdbc.url=jdbc:postgresql://x/dev",
                                                        "sink.redshift.port=5440"),
                                                "sink.redshift.host",
                                                "sink.redshift.database")))
                .hasMessageContaining(
                        "'sink.jdbc.url' (from properties file 'test.properties') and 'sink.redshift.port'");
        assertThatThrownBy(() -> config(without(validSink(), "sink.redshift.host")))
                .hasMessageContaining("Missing required option 'sink.redshift.host'");
    }

    @Test
    void copyNeedsIamRoleXorAccessKeys() {
        assertThatThrownBy(
                        () ->
                                config(
                                        validSink(
                                                "sink.redshift.access-key-id=AKIA",
                                                "sink.redshift.secret-access-key=sk")))
                .hasMessageContaining("'sink.redshift.iam-role'")
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> config(without(validSink(), "sink.redshift.iam-role")))
                .hasMessage(
                        "Set exactly one of 'sink.redshift.iam-role', 'sink.redshift.access-key-id'; none is set");
        assertThatThrownBy(
                        () ->
                                config(
                                        without(
                                                validSink("sink.redshift.access-key-id=AKIA"),
                                                "sink.redshift.iam-role")))
                .hasMessageContaining("must be set together");
        SinkConfig keys =
                config(
                        without(
                                validSink(
                                        "sink.redshift.access-key-id=AKIA",
                                        "sink.redshift.secret-access-key=topsecret"),
                                "sink.redshift.iam-role"));
        assertThat(keys.copyAuthorization().secretAccessKey().orElseThrow().reveal())
                .isEqualTo("topsecret");
        assertThat(keys.toString()).doesNotContain("topsecret");
    }

    @Test
    void postgresTargetNeedsNoCopyCredentialsNorS3() {
        SinkConfig cfg =
                config(
                        without(
                                validSink(
                                        "sink.target=postgres",
                                        "sink.staging.path=file:///tmp/stage"),
                                "sink.redshift.iam-role"));
        assertThat(cfg.connection().kind()).isEqualTo(TargetKind.POSTGRES);
        assertThat(cfg.staging().path()).isEqualTo(URI.create("file:///tmp/stage/"));
    }

    @Test
    void redshiftStagingMustBeS3() {
        assertThatThrownBy(() -> config(validSink("sink.staging.path=s3a://bucket/x")))
                .hasMessageContaining(
                        "expected an s3://bucket/prefix/ URI (sink.target is REDSHIFT), got 's3a://bucket/x'");
        assertThatThrownBy(() -> config(validSink("sink.staging.path=bucket/x")))
                .hasMessageContaining("'sink.staging.path'")
                .hasMessageContaining("(no scheme)");
    }

    @Test
    void dataLosingCopyOptionsAreExplicit() {
        SinkConfig cfg =
                config(validSink("sink.copy.max-error=10", "sink.copy.truncate-columns=true"));
        assertThat(cfg.copy().maxError()).isEqualTo(10);
        assertThat(cfg.copy().truncateColumns()).isTrue();
        assertThatThrownBy(() -> config(validSink("sink.copy.max-error=-1")))
                .hasMessageContaining("expected integer >= 0, got '-1'");
    }

    @Test
    void tableSelectionAndTargets() {
        SinkConfig cfg =
                config(
                        validSink(
                                "sink.redshift.schema=ods",
                                "sink.table-include=shop\\..*",
                                "sink.table-exclude=shop\\.tmp_.*",
                                "sink.tables=[{\"db\":\"shop\",\"table\":\"orders_\\\\d+\",\"target_table\":\"orders\"},"
                                        + "{\"db\":\"shop\",\"table\":\"audit\",\"exclude\":true}]",
                                "sink.dead-letter.topic=dlq"));
        TableSelection t = cfg.tables();
        assertThat(t.loads("shop", "customers")).isTrue();
        assertThat(t.loads("shop", "tmp_x")).isFalse();
        assertThat(t.loads("shop", "audit")).isFalse();
        assertThat(t.loads("crm", "customers")).isFalse();
        assertThat(t.targetFor("shop", "orders_07")).isEqualTo(new TargetTable("ods", "orders"));
        assertThat(t.targetFor("Shop", "Customers"))
                .isEqualTo(new TargetTable("ods", "shop__customers"));
        assertThat(cfg.deadLetter().enabled()).isTrue();
    }

    @Test
    void keylessTablesAreMirroredUnlessTheInputIsDmsOrTheirRuleSays() {
        assertThat(config(validSink()).tables().keylessTables()).isEqualTo(KeylessMode.MIRROR);
        assertThat(config(validSink("sink.input-format=DMS")).tables().keylessTables())
                .as("DMS UPDATEs carry a before image only with DMS's before-image settings")
                .isEqualTo(KeylessMode.APPEND);
        TableSelection t =
                config(
                                validSink(
                                        "sink.input-format=DMS",
                                        "sink.keyless-tables=mirror",
                                        "sink.tables=[{\"db\":\"shop\",\"table\":\"log\",\"keyless\":\"append\"},"
                                                + "{\"db\":\"shop\",\"table\":\"flags\",\"soft_delete\":true},"
                                                + "{\"db\":\"shop\",\"table\":\"other\"}]"))
                        .tables();
        assertThat(t.keylessTables()).isEqualTo(KeylessMode.MIRROR);
        assertThat(t.keylessModeFor("shop", "log")).isEqualTo(KeylessMode.APPEND);
        assertThat(t.keylessModeFor("shop", "flags")).isEqualTo(KeylessMode.APPEND);
        assertThat(t.keylessModeFor("shop", "other")).isEqualTo(KeylessMode.MIRROR);
        assertThat(t.keylessModeFor("crm", "any")).isEqualTo(KeylessMode.MIRROR);
        assertThatThrownBy(() -> config(validSink("sink.keyless-tables=copy")))
                .hasMessageContaining("sink.keyless-tables");
    }
}
