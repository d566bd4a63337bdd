package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 12, faults 1 and 7: Redshift folds names to lower case and holds at most 127 bytes. */
class RedshiftNamesTest {

    private final SqlDialect rs = new RedshiftDialect();
    private final SqlDialect pg = new PostgresDialect();

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void asciiLettersFoldOtherCharactersStay() {
        assertThat(rs.storedName("userId", NameKind.COLUMN)).isEqualTo("userid");
        assertThat(rs.storedName("Shop Orders", NameKind.TABLE)).isEqualTo("shop orders");
        assertThat(rs.storedName("ÄrgerÜber_X$1", NameKind.COLUMN)).isEqualTo("ÄrgerÜber_x$1");
        assertThat(rs.storedName("already_lower", NameKind.SCHEMA)).isEqualTo("already_lower");
        assertThat(pg.storedName("userId", NameKind.COLUMN)).isEqualTo("userId");
    }

    @Test
    void longNamesAreCutDeterministicallyLeavingRoomForTheSinksSuffixes() {
        String col = "c".repeat(120) + "X";
        String stored = rs.storedName(col, NameKind.COLUMN);
        assertThat(bytes(stored)).isEqualTo(127 - ReservedNames.RETYPE_SUFFIX.length());
        assertThat(stored).startsWith("c".repeat(109) + "_").matches(".*_[0-9a-f]{8}");
        assertThat(rs.storedName(col, NameKind.COLUMN)).isEqualTo(stored);
        // Same prefix, different ends: different names.
        assertThat(rs.storedName("c".repeat(120) + "Y", NameKind.COLUMN)).isNotEqualTo(stored);
        // The fold happens first: names equal but for case stay equal.
        assertThat(rs.storedName("c".repeat(120) + "x", NameKind.COLUMN)).isEqualTo(stored);

        String table = "db_with_a_long_name".repeat(4) + "__" + "t".repeat(60);
        String t = rs.storedName(table, NameKind.TABLE);
        assertThat(bytes(t + ReservedNames.TOMBSTONE_SUFFIX)).isEqualTo(127);
        assertThat(rs.storedName("s".repeat(127), NameKind.SCHEMA)).isEqualTo("s".repeat(127));
        assertThat(bytes(rs.storedName("s".repeat(128), NameKind.SCHEMA))).isEqualTo(127);
        assertThat(rs.storedName("c".repeat(118), NameKind.COLUMN)).isEqualTo("c".repeat(118));
    }

    @Test
    void cutsNeverSplitACharacter() {
        String name = "é".repeat(64); // 128 bytes: MySQL allows 64 characters
        String stored = rs.storedName(name, NameKind.COLUMN);
        assertThat(bytes(stored)).isLessThanOrEqualTo(118);
        assertThat(stored).startsWith("é".repeat(54) + "_").hasSize(54 + 9);
        String emoji = "😀".repeat(40); // surrogate pairs, 4 bytes each
        assertThat(rs.storedName(emoji, NameKind.COLUMN)).startsWith("😀".repeat(27) + "_");
    }
}
