package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.sink.TargetTable;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The statements docs/apply.md "Snapshot chunk ranges" shows, as written. */
class ChunkRangeStatementsTest {

    static final TargetTable T = new TargetTable("s", "t");
    static final TargetTable RANGES = new TargetTable("s", "t_b2r_ranges");
    static final String H = "000000000003:00000000000000000030:000000";

    @Test
    void aRangeDeletesOnlyOlderRowsBetweenItsBounds() {
        SnapshotChunk chunk =
                SnapshotChunk.range("id", BigInteger.valueOf(1001), BigInteger.valueOf(2001));
        assertThat(ChunkRangeStatements.deleteOlder(T, chunk, H))
                .isEqualTo(
                        "DELETE FROM \"s\".\"t\" WHERE \"_b2r_pos\" < '"
                                + H
                                + "' AND \"id\" >= 1001 AND \"id\" < 2001");
        assertThat(ChunkRangeStatements.deleteOlder(T, SnapshotChunk.wholeTable(), H))
                .isEqualTo("DELETE FROM \"s\".\"t\" WHERE \"_b2r_pos\" < '" + H + "'");
        assertThat(
                        ChunkRangeStatements.forget(
                                RANGES, SnapshotChunk.range("id", null, BigInteger.TEN), H))
                .isEqualTo(
                        "DELETE FROM \"s\".\"t_b2r_ranges\" WHERE \"_b2r_pos\" = '"
                                + H
                                + "' AND \"key_column\" = 'id' AND \"range_from\" IS NULL"
                                + " AND \"range_to\" = 10");
    }

    @Test
    void staleStagedRowsAreThoseOlderThanARangeTheyFallIn() {
        assertThat(ChunkRangeStatements.dropStaleStaged(RANGES, "id"))
                .isEqualTo(
                        "DELETE FROM \"_b2r_stage\" USING \"s\".\"t_b2r_ranges\" WHERE"
                                + " \"t_b2r_ranges\".\"key_column\" = 'id'"
                                + " AND \"t_b2r_ranges\".\"_b2r_pos\" > \"_b2r_stage\".\"_b2r_pos\""
                                + " AND (\"t_b2r_ranges\".\"range_from\" IS NULL"
                                + " OR \"_b2r_stage\".\"id\" >= \"t_b2r_ranges\".\"range_from\")"
                                + " AND (\"t_b2r_ranges\".\"range_to\" IS NULL"
                                + " OR \"_b2r_stage\".\"id\" < \"t_b2r_ranges\".\"range_to\")");
        assertThat(ChunkRangeStatements.dropStaleStaged(RANGES, ""))
                .as("a whole-table range: every older staged row")
                .isEqualTo(
                        "DELETE FROM \"_b2r_stage\" USING \"s\".\"t_b2r_ranges\" WHERE"
                                + " \"t_b2r_ranges\".\"key_column\" = ''"
                                + " AND \"t_b2r_ranges\".\"_b2r_pos\" > \"_b2r_stage\".\"_b2r_pos\"");
    }
}
