package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.StagingFormat;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small policies of the jdbc package: what is retried, how long to wait, manifests, secrets.
 */
class JdbcPiecesTest {

    @Test
    void transientErrors() {
        assertThat(TransientErrors.isTransient(new SQLException("conflict", "40001"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("terminated", "57P01"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLTransientConnectionException("x"))).isTrue();
        assertThat(
                        TransientErrors.isTransient(
                                new SQLException(
                                        "ERROR: 1023 DETAIL: Serializable isolation violation on"
                                                + " table - 1234",
                                        "XX000")))
                .isTrue();
        assertThat(
                        TransientErrors.isTransient(
                                new MergeStepException(
                                        "s.t",
                                        3,
                                        "insert-newer",
                                        null,
                                        new SQLException("c", "40001"))))
                .isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("bad value", "22P02"))).isFalse();
        assertThat(TransientErrors.isTransient(new SQLException("value 1023 too long", "22001")))
                .isFalse();
    }

    /** Conflicts are retried without limit (issue 12, fault 4): they are told apart here. */
    @Test
    void serializationConflictsAreToldApartFromOtherTransientErrors() {
        assertThat(TransientErrors.isConflict(new SQLException("conflict", "40001"))).isTrue();
        assertThat(TransientErrors.isConflict(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(
                        TransientErrors.isConflict(
                                new MergeStepException(
                                        "s.t",
                                        3,
                                        "lock",
                                        null,
                                        new SQLException(
                                                "ERROR: 1023 DETAIL: Serializable isolation"
                                                        + " violation on a table in Redshift",
                                                "XX000"))))
                .isTrue();
        assertThat(TransientErrors.isConflict(new SQLException("I/O error", "08006"))).isFalse();
        assertThat(TransientErrors.isConflict(new SQLException("bad value", "22P02"))).isFalse();
    }

    @Test
    void retryBackoffDoublesUpToItsMaximum() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(List.of(p.delayBefore(1), p.delayBefore(2), p.delayBefore(3), p.delayBefore(9)))
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(350),
                        Duration.ofMillis(350));
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
                .hasMessage("max retries must be >= 0, got -1");
    }

    @Test
    void manifestListsExactlyTheFilesAsS3Urls() throws IOException {
        assertThat(
                        RedshiftManifest.json(
                                List.of(
                                        new StagedFile("s3://b/p/a.csv.gz", List.of("id"), 1),
                                        new StagedFile("s3a://b/p/b.csv.gz", List.of("id"), 2))))
                .isEqualTo(
                        "{\"entries\":[{\"url\":\"s3://b/p/a.csv.gz\",\"mandatory\":true},"
                                + "{\"url\":\"s3://b/p/b.csv.gz\",\"mandatory\":true}]}");
    }

    @Test
    void secretsInTheAwsLayout() throws IOException {
        SecretValues v =
                SecretValues.parse(
                        "prod/rs",
                        "{\"host\":\"rs\",\"port\":5439,\"username\":\"u\",\"password\":\"pw\","
                                + "\"dbname\":\"dev\",\"engine\":\"redshift\"}");
        assertThat(v).isEqualTo(new SecretValues("rs", 5439, "dev", "u", "pw", "redshift", null));
        assertThat(v.toString()).doesNotContain("pw,").contains("password=****");
        assertThat(SecretValues.parse("s", "{\"database\":\"d\",\"port\":\"5440\"}"))
                .isEqualTo(new SecretValues(null, 5440, "d", null, null));
        assertThatThrownBy(() -> SecretValues.parse("prod/rs", "not json pw"))
                .hasMessage("secret prod/rs is not a JSON object");
        ConnectionSettings fromSecret =
                new ConnectionSettings(
                                WarehouseKind.REDSHIFT,
                                null,
                                null,
                                5439,
                                null,
                                null,
                                null,
                                "prod/rs",
                                "eu-west-1",
                                true)
                        .resolvedWith(v);
        assertThat(fromSecret.host()).isEqualTo("rs");
        assertThat(fromSecret.database()).isEqualTo("dev");
        assertThat(fromSecret.toString()).doesNotContain("pw");
    }

    @Test
    void aPositionlessTableLevelDdlIsLoggedUnderItsCommittable() {
        SchemaChange truncate =
                new SchemaChange(
                        "TRUNCATE TABLE t",
                        "000000000000:00000000000000000000:000000",
                        null,
                        List.of(),
                        List.of());
        SchemaChange positioned =
                new SchemaChange(
                        "TRUNCATE TABLE t",
                        "000000000003:00000000000000000120:000000",
                        null,
                        List.of(),
                        List.of());
        var b = committable("s1-a", 7);
        String key = TableLevelDdl.identity(b, 0, truncate);
        assertThat(key).hasSize(40).startsWith("#").matches("#[0-9a-f]{39}");
        assertThat(TableLevelDdl.identity(committable("s1-a", 7), 0, truncate))
                .as("the same for every apply of the committable")
                .isEqualTo(key);
        assertThat(TableLevelDdl.identity(b, 1, truncate)).isNotEqualTo(key);
        assertThat(TableLevelDdl.identity(committable("s1-b", 7), 0, truncate)).isNotEqualTo(key);
        assertThat(TableLevelDdl.identity(b, 0, positioned)).isEqualTo(positioned.position());
        assertThat(TableLevelDdl.isPosition(key)).isFalse();
        assertThat(TableLevelDdl.isPosition(positioned.position())).isTrue();
        assertThat(TableLevelDdl.isPosition("E00100000001:00000000000000000004:000000")).isTrue();
    }

    private static TableCommittable committable(String stagingId, long checkpoint) {
        return new TableCommittable(
                new TargetTable("s", "t"),
                checkpoint,
                stagingId,
                0,
                List.of(),
                null,
                0,
                List.of(),
                List.of(),
                List.of(),
                TableMode.defaults(),
                StagingFormat.current());
    }
}
