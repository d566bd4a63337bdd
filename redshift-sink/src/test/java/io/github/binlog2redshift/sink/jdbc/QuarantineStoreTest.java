package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TableCommittableSerializer;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.QuarantineStatements;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept committable's text form: without file copies, in parts, read back whole. */
class QuarantineStoreTest {

    @Test
    void aKeptCommittableLeavesItsFileCopiesOutAndComesBackInParts() throws Exception {
        List<ColumnDef> cols = new ArrayList<>();
        for (int i = 0; i < 2000; i++) { // wide enough for several parts
            cols.add(ColumnDef.of("column_number_" + i, "VARCHAR", 20, null, true));
        }
        TableCommittable b =
                new TableCommittable(
                        new TargetTable("Shop", "Orders"),
                        7,
                        "s1-abc",
                        1,
                        List.of(
                                new StagedFile(
                                        "s3://b/f.csv.gz", List.of("id"), 3, new byte[] {1})),
                        "pos",
                        5,
                        cols,
                        List.of("column_number_0"),
                        List.of(),
                        TableMode.defaults());
        String text = QuarantineStore.encode(b);
        List<String> parts = QuarantineStore.parts(text);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allMatch(p -> p.length() <= QuarantineStatements.PART_CHARS);
        TableCommittable back =
                new TableCommittableSerializer()
                        .deserialize(
                                TableCommittableSerializer.VERSION,
                                Base64.getDecoder().decode(String.join("", parts)));
        assertThat(back.files())
                .containsExactly(new StagedFile("s3://b/f.csv.gz", List.of("id"), 3, null));
        assertThat(back.columns()).isEqualTo(cols);
        assertThat(back.checkpointId()).isEqualTo(7);
        assertThat(back.subtask()).isEqualTo(1);
        assertThat(new QuarantineStore(new RedshiftDialect(), "public", "j").name(b.table()))
                .isEqualTo("shop.orders");
    }

    @Test
    void onlyTheTablesOwnFailuresQuarantineIt() {
        assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("refused", "B2R01")))
                .isTrue();
        assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("load", "XX000")))
                .isTrue();
        assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("count mismatch")))
                .isTrue();
        assertThat(TransientErrors.isTableLevel(new IllegalStateException("plan"))).isTrue();
        assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("gone", "08006")))
                .isFalse();
        assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("login", "28P01")))
                .isFalse();
        assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("disk", "53100")))
                .isFalse();
        assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("conflict", "40001")))
                .isFalse();
        assertThat(TransientErrors.isTableLevel(new java.io.IOException("s3"))).isFalse();
    }

    /**
     * Two subtasks creating the same ledger at once: the loser's CREATE TABLE IF NOT EXISTS fails
     * on the catalog's unique index, is treated as done, and leaves its transaction aborted.
     */
    @Test
    void aTransactionAbortedByAHandledErrorIsRetriedNotQuarantined() {
        var aborted =
                new java.sql.SQLException(
                        "ERROR: current transaction is aborted, commands ignored until end of"
                                + " transaction block",
                        "25P02");
        assertThat(TransientErrors.isTransient(aborted)).isTrue();
        assertThat(TransientErrors.isTableLevel(aborted)).isFalse();
    }

    /** What the Redshift driver throws when the committer's thread is interrupted by a failover. */
    @Test
    void aStatementInterruptedByCancellationIsNotTheTablesFailure() {
        var interrupted =
                new java.sql.SQLException(
                        "Interrupted exception retrieving query results.",
                        "XX000",
                        new InterruptedException());
        assertThat(TransientErrors.isTableLevel(interrupted)).isFalse();
        assertThat(
                        TransientErrors.isTableLevel(
                                new IllegalStateException(
                                        "apply", new java.io.InterruptedIOException())))
                .isFalse();
        Thread.currentThread().interrupt();
        try {
            assertThat(TransientErrors.isTableLevel(new java.sql.SQLException("load", "XX000")))
                    .isFalse();
        } finally {
            Thread.interrupted();
        }
    }
}
