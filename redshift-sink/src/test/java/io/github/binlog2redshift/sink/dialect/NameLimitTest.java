package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: PostgreSQL's names are cut like Redshift's ({@link NameLimit}), at its own limit of 63
 * bytes, instead of being truncated by the server, which merged names sharing 63 bytes.
 */
class NameLimitTest {

    private final SqlDialect pg = new PostgresDialect();
    private final SqlDialect rs = new RedshiftDialect();

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void postgresKeepsCaseAndNamesWithinItsLimit() {
        assertThat(pg.storedName("userId", NameKind.COLUMN)).isEqualTo("userId");
        // 63 less the sink's suffixes: tables 51 (_b2r_deleted), columns 54 (__b2r_new).
        assertThat(pg.storedName("T".repeat(51), NameKind.TABLE)).isEqualTo("T".repeat(51));
        assertThat(pg.storedName("c".repeat(54), NameKind.COLUMN)).isEqualTo("c".repeat(54));
        assertThat(pg.storedName("s".repeat(63), NameKind.SCHEMA)).isEqualTo("s".repeat(63));
    }

    @Test
    void postgresCutsLongerNamesWithAHashOfTheWholeName() {
        String db = "inventory_management_system";
        String table = db + "__" + "warehouse_stock_movements";
        String stored = pg.storedName(table, NameKind.TABLE);
        assertThat(bytes(stored)).isEqualTo(51);
        assertThat(bytes(stored + ReservedNames.TOMBSTONE_SUFFIX)).isEqualTo(63);
        assertThat(stored).startsWith(table.substring(0, 42) + "_").matches(".*_[0-9a-f]{8}");
        assertThat(pg.storedName(table, NameKind.TABLE)).isEqualTo(stored);
        // Two names PostgreSQL would have truncated to the same 63 bytes stay apart.
        String a = "x".repeat(63) + "_a";
        String b = "x".repeat(63) + "_b";
        assertThat(pg.storedName(a, NameKind.SCHEMA))
                .isNotEqualTo(pg.storedName(b, NameKind.SCHEMA));
        assertThat(bytes(pg.storedName(a, NameKind.SCHEMA))).isEqualTo(63);
        // Case is not folded: names equal but for case stay different.
        assertThat(pg.storedName("C".repeat(60), NameKind.COLUMN))
                .isNotEqualTo(pg.storedName("c".repeat(60), NameKind.COLUMN));
        String multibyte = "é".repeat(40); // 80 bytes
        assertThat(pg.storedName(multibyte, NameKind.COLUMN)).startsWith("é".repeat(22) + "_");
    }

    @Test
    void bothWarehousesCutTheSameWayAtTheirOwnLimits() {
        String name = "m".repeat(200);
        assertThat(bytes(rs.storedName(name, NameKind.SCHEMA))).isEqualTo(127);
        assertThat(bytes(pg.storedName(name, NameKind.SCHEMA))).isEqualTo(63);
        assertThat(rs.storedName(name, NameKind.SCHEMA))
                .endsWith(pg.storedName(name, NameKind.SCHEMA).substring(54));
        assertThat(NameLimit.fit("short", 10)).isEqualTo("short");
    }
}
