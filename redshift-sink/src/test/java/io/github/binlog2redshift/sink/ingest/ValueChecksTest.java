package io.github.binlog2redshift.sink.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.SchemaPolicy.Oversize;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.StagedValueText;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14: each value is checked against its column's target type as the warehouse's load reads
 * it, on both warehouses; a value that passes is staged without error ({@link StagedValueText}).
 */
class ValueChecksTest {

    static final TargetTable T = new TargetTable("shop", "t");
    static final SourcePosition POS =
            SourcePosition.binlog(1, "mysql-bin.000002", 7, 0, null, false, 1L);
    static final ColumnDef ID = ColumnDef.of("id", "INT", null, null, false);

    static final ValueGuard PG = new ValueGuard(new PostgresDialect(), Oversize.DEAD_LETTER);
    static final ValueGuard RS = new ValueGuard(new RedshiftDialect(), Oversize.DEAD_LETTER);

    static ChangeEvent event(ColumnDef col, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 5);
        m.put(col.name(), value);
        return ChangeEvent.insert(
                TableId.of("shop", "t"), m, POS, 0, List.of("id"), List.of(ID, col));
    }

    static ColumnDef v(String type, Integer length, Integer scale) {
        return ColumnDef.of("v", type, length, scale, true);
    }

    static Arguments ok(String type, Integer length, Integer scale, Object value) {
        return Arguments.of(type, length, scale, value, null);
    }

    static Arguments bad(
            String type, Integer length, Integer scale, Object value, RejectReason reason) {
        return Arguments.of(type, length, scale, value, reason);
    }

    static Stream<Arguments> bothWarehouses() {
        RejectReason invalid = RejectReason.INVALID_VALUE;
        RejectReason range = RejectReason.OUT_OF_RANGE;
        return Stream.of(
                ok("INT", null, null, 2147483647L),
                ok("INT", null, null, "-2147483648"),
                ok("INT", null, null, "+007"),
                ok("INT", null, null, true),
                bad("INT", null, null, 2147483648L, range),
                bad("INT", null, null, "99999999999", range),
                bad("INT", null, null, "abc", invalid),
                bad("INT", null, null, "", invalid),
                bad("INT", null, null, "1_000", invalid),
                bad("INT", null, null, "0x1F", invalid),
                bad("INT", null, null, new BigDecimal("5.0"), invalid),
                ok("TINYINT", null, null, 32767L),
                bad("TINYINT", null, null, 32768L, range),
                ok("INT UNSIGNED", null, null, 4294967295L),
                ok("BIGINT", null, null, "9223372036854775807"),
                bad("BIGINT", null, null, "9223372036854775808", range),
                bad("BIGINT", null, null, new BigInteger("9223372036854775808"), range),
                ok("BIGINT UNSIGNED", null, null, new BigInteger("18446744073709551615")),
                ok("BIGINT UNSIGNED", null, null, "99999999999999999999"),
                bad("BIGINT UNSIGNED", null, null, "100000000000000000000", range),
                ok("DECIMAL", 10, 2, "12345678.90"),
                ok("DECIMAL", 10, 2, "-.5"),
                ok("DECIMAL", 10, 2, "12.3400"),
                ok("DECIMAL", 10, 2, new BigDecimal("1.5E+3")),
                ok("DECIMAL", 10, 2, 12345678L),
                bad("DECIMAL", 10, 2, 123456789L, range),
                bad("DECIMAL", 10, 2, "123456789.1", range),
                bad("DECIMAL", 10, 2, "1.234", invalid),
                bad("DECIMAL", 10, 2, "1e3", invalid),
                bad("DECIMAL", 10, 2, "NaN", invalid),
                bad("DECIMAL", 10, 2, ".", invalid),
                ok("DECIMAL", 65, 30, "1" + "0".repeat(34) + ".5"),
                ok("FLOAT", null, null, new BigDecimal("3.4E38")),
                ok("FLOAT", null, null, "1e-40"),
                bad("FLOAT", null, null, new BigDecimal("1E39"), range),
                bad("FLOAT", null, null, "1e-50", range),
                ok("DOUBLE", null, null, "1e-50"),
                bad("DOUBLE", null, null, "1e309", range),
                bad("DOUBLE", null, null, "Infinity", invalid),
                bad("DOUBLE", null, null, Double.NaN, invalid),
                ok("BIT", 1, null, "1"),
                ok("BIT", 1, null, 0L),
                ok("BIT", 1, null, "FALSE"),
                bad("BIT", 1, null, "yes", invalid),
                bad("BIT", 1, null, 2L, invalid),
                ok("DATE", null, null, "2024-02-29"),
                ok("DATE", null, null, "0000-00-00"),
                bad("DATE", null, null, "2023-02-29", invalid),
                bad("DATE", null, null, "2024-13-45", invalid),
                bad("DATE", null, null, "2024-04-31", invalid),
                bad("DATE", null, null, "2024-1-5", invalid),
                bad("DATE", null, null, "2024-01-31 00:00:00", invalid),
                bad("DATE", null, null, 19753L, invalid),
                ok("DATETIME", null, null, "2024-01-31 23:59:59"),
                ok("DATETIME", null, null, "2024-01-31T23:59:59"),
                ok("DATETIME", 3, null, "2024-01-31 23:59:59.120000"),
                ok("DATETIME", 6, null, "2024-01-31 23:59:59.123456"),
                bad("DATETIME", 3, null, "2024-01-31 23:59:59.1234", invalid),
                bad("DATETIME", 6, null, "2024-01-31 23:59:59.1234560", invalid),
                bad("DATETIME", null, null, "2024-01-31 24:00:00", invalid),
                bad("DATETIME", null, null, "2024-01-31 23:59:60", invalid),
                bad("DATETIME", null, null, "2024-01-31 23:59:59Z", invalid),
                bad("DATETIME", null, null, "2024-01-31", invalid),
                ok("TIMESTAMP", 3, null, "2024-01-31T12:34:56.123Z"),
                ok("TIMESTAMP", null, null, "2024-01-31 12:34:56"),
                ok("TIMESTAMP", null, null, "2024-01-31 12:34:56+05:30"),
                ok("TIMESTAMP", null, null, "2024-01-31 12:34:56-0800"),
                bad("TIMESTAMP", null, null, "2024-01-31T12:34:56+25:00", invalid),
                bad("TIMESTAMP", null, null, "2024-01-31T12:34:56 UTC", invalid),
                ok("TIME", null, null, "-838:59:59.000000"),
                ok("TIME", null, null, "00:00:00"),
                bad("TIME", null, null, "839:00:00", invalid),
                bad("TIME", null, null, "12:60:00", invalid),
                bad("TIME", null, null, "12:00", invalid),
                ok("JSON", null, null, "{\"a\": [1, -2.5e3, \"x\\u00e9\", true, null]}"),
                ok("JSON", null, null, "\"\\ud83d\\ude00\""),
                ok("JSON", null, null, "  42 "),
                ok("JSON", null, null, 42L),
                bad("JSON", null, null, "{\"a\":\"\\u0000\"}", invalid),
                bad("JSON", null, null, "[\"\\udc00\"]", invalid),
                bad("JSON", null, null, "{a:1}", invalid),
                bad("JSON", null, null, "[1,]", invalid),
                bad("JSON", null, null, "[1] [2]", invalid),
                bad("JSON", null, null, "", invalid),
                bad("JSON", null, null, "01", invalid),
                bad("JSON", null, null, "1e99999", range),
                bad("JSON", null, null, "[".repeat(1001) + "]".repeat(1001), range),
                ok("JSON", null, null, "[".repeat(1000) + "]".repeat(1000)),
                bad("JSON", null, null, true, invalid),
                ok("BLOB", null, null, "AQID"),
                ok("BLOB", null, null, "AQI="),
                ok("BLOB", null, null, "AQI"),
                ok("BLOB", null, null, ""),
                bad("BLOB", null, null, "AQIDB", invalid),
                bad("BLOB", null, null, "AQ=D", invalid),
                bad("BLOB", null, null, "AQ-_", invalid),
                bad("BLOB", null, null, "AQ ID", invalid),
                bad("BIT", 8, null, 5L, invalid),
                bad("VARCHAR", 20, null, "a\u0000b", invalid),
                bad("VARCHAR", 20, null, "a\ud800b", invalid),
                bad("VARCHAR", 20, null, "a\udc00", invalid),
                ok("VARCHAR", 20, null, "a\ud83d\ude00b"),
                bad("LONGTEXT", null, null, "\ud83d", invalid));
    }

    @ParameterizedTest(name = "{0}({1},{2}) {3}: {4}")
    @MethodSource("bothWarehouses")
    void checksValuesAgainstTheTargetTypeOnBothWarehouses(
            String type, Integer length, Integer scale, Object value, RejectReason reason) {
        ColumnDef col = v(type, length, scale);
        for (ValueGuard guard : List.of(PG, RS)) {
            ChangeEvent e = event(col, value);
            if (reason == null) {
                assertThat(guard.check(T, e)).isSameAs(e);
                // What passes is staged without error.
                StagedValueText.of(col, value, "\\x");
            } else {
                assertThatThrownBy(() -> guard.check(T, e))
                        .isInstanceOfSatisfying(
                                RejectedRecordException.class,
                                x -> assertThat(x.reason()).isEqualTo(reason))
                        .hasMessageStartingWith("table shop.t, column 'v', key [id=5] at ");
            }
        }
    }

    @Test
    void lengthsAreCountedAsEachWarehouseCountsThem() {
        ColumnDef five = v("VARCHAR", 5, null);
        // PostgreSQL VARCHAR(5) counts characters; Redshift's VARCHAR(20) counts bytes.
        assertThat(PG.check(T, event(five, "ééééé"))).isNotNull();
        assertThat(PG.check(T, event(five, "\ud83d\ude00".repeat(5)))).isNotNull();
        assertThatThrownBy(() -> PG.check(T, event(five, "abcdef")))
                .isInstanceOfSatisfying(
                        RejectedRecordException.class,
                        x -> assertThat(x.reason()).isEqualTo(RejectReason.OVERSIZE_VALUE))
                .hasMessageEndingWith(
                        "the value has 6 characters, more than the 5 its column holds"
                                + " (VARCHAR(5)); sink.oversize-values=TRUNCATE would cut it");
        assertThat(RS.check(T, event(five, "abcdefgh"))).isNotNull();
        assertThatThrownBy(() -> RS.check(T, event(five, "\ud83d\ude00".repeat(6))))
                .hasMessageContaining("has 24 bytes, more than the 20");
        ColumnDef tiny = v("TINYTEXT", null, null);
        assertThat(PG.check(T, event(tiny, "x".repeat(300)))).isNotNull();
        assertThatThrownBy(() -> RS.check(T, event(tiny, "x".repeat(300))))
                .hasMessageContaining("more than the 255");
        ColumnDef bin = v("BINARY", 2, null);
        assertThat(PG.check(T, event(bin, "AQIDBA=="))).isNotNull();
        assertThatThrownBy(() -> RS.check(T, event(bin, "AQIDBA==")))
                .hasMessageContaining("has 4 bytes, more than the 2");
        // A number in a narrow text column counts as its staged text.
        assertThatThrownBy(() -> PG.check(T, event(v("VARCHAR", 2, null), 12345L)))
                .hasMessageContaining("has 5 characters");
    }

    @Test
    void truncationOnPostgresCutsCharacters() {
        ValueGuard cutting = new ValueGuard(new PostgresDialect(), Oversize.TRUNCATE);
        ChangeEvent cut = cutting.check(T, event(v("VARCHAR", 3, null), "a\ud83d\ude00bcd"));
        assertThat(cut.after()).containsEntry("v", "a\ud83d\ude00b");
        assertThat(cut.after()).containsEntry("_b2r_truncated", "v");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMetadata")
    void columnMetadataThatDescribesNoWarehouseColumnIsInvalid(ColumnDef col, String message) {
        for (ValueGuard guard : List.of(PG, RS)) {
            assertThatThrownBy(() -> guard.check(T, event(col, "1")))
                    .isInstanceOfSatisfying(
                            RejectedRecordException.class,
                            x -> assertThat(x.reason()).isEqualTo(RejectReason.INVALID_COLUMN))
                    .hasMessageContaining(message);
        }
    }

    static Stream<Arguments> badMetadata() {
        return Stream.of(
                Arguments.of(v("VARCHAR", -1, null), "the column has a negative length (-1)"),
                Arguments.of(v("DECIMAL", 5, -1), "has a negative scale"),
                Arguments.of(v("DECIMAL", 5, 10), "has scale 10 above its precision 5"),
                Arguments.of(v("DECIMAL", 66, 0), "has precision 66, more than MySQL's 65"),
                Arguments.of(v("VARCHAR", 70_000, null), "has length 70000"),
                Arguments.of(v("BIT", 65, null), "more than BIT's 64"),
                Arguments.of(v("GEOGRAPHY", null, null), "MySQL type 'GEOGRAPHY'"),
                Arguments.of(v("", null, null), "has no type"),
                Arguments.of(ColumnDef.of("", "INT", null, null, true), "has an empty name"),
                Arguments.of(ColumnDef.of("a\u0000", "INT", null, null, true), "NUL"));
    }

    @Test
    void duplicateAndUndeclaredKeyColumnsAreInvalid() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 1);
        m.put("v", 2);
        ChangeEvent twice =
                ChangeEvent.insert(
                        TableId.of("shop", "t"),
                        m,
                        POS,
                        0,
                        List.of("id"),
                        List.of(ID, v("INT", null, null), v("VARCHAR", 3, null)));
        assertThatThrownBy(() -> PG.check(T, twice))
                .hasMessageContaining("column 'v'")
                .hasMessageContaining("is declared twice");
        ChangeEvent undeclared =
                ChangeEvent.insert(
                        TableId.of("shop", "t"),
                        m,
                        POS,
                        0,
                        List.of("id"),
                        List.of(v("INT", null, null)));
        assertThatThrownBy(() -> RS.check(T, undeclared))
                .isInstanceOfSatisfying(
                        RejectedRecordException.class,
                        x -> assertThat(x.reason()).isEqualTo(RejectReason.INVALID_COLUMN))
                .hasMessageContaining("key column 'id' is not among the change's columns");
        ChangeEvent ddl =
                ChangeEvent.schemaChange(
                        TableId.of("shop", "t"),
                        "ALTER TABLE t ADD g GEOGRAPHY",
                        POS,
                        0,
                        List.of("id"),
                        List.of(ID, v("GEOGRAPHY", null, null)));
        assertThatThrownBy(() -> PG.check(T, ddl))
                .hasMessageStartingWith("table shop.t, column 'v' at ");
    }

    @Test
    void nullKeysAndZeroDateKeysCannotBeStored() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", null);
        m.put("v", 2);
        ChangeEvent nullKey =
                ChangeEvent.insert(
                        TableId.of("shop", "t"),
                        m,
                        POS,
                        0,
                        List.of("id"),
                        List.of(ID, v("INT", null, null)));
        assertThatThrownBy(() -> PG.check(T, nullKey))
                .isInstanceOfSatisfying(
                        RejectedRecordException.class,
                        x -> assertThat(x.reason()).isEqualTo(RejectReason.MISSING_KEY_VALUE))
                .hasMessageContaining("key column 'id' is NULL");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("day", "0000-00-00");
        ChangeEvent zero =
                ChangeEvent.insert(
                        TableId.of("shop", "t"),
                        d,
                        POS,
                        0,
                        List.of("day"),
                        List.of(ColumnDef.of("day", "DATE", null, null, false)));
        assertThatThrownBy(() -> RS.check(T, zero)).hasMessageContaining("zero date");
        // A text key that happens to look like a zero date is just text.
        d.put("day", "0000-00-00");
        ChangeEvent text =
                ChangeEvent.insert(
                        TableId.of("shop", "t"),
                        d,
                        POS,
                        0,
                        List.of("day"),
                        List.of(ColumnDef.of("day", "VARCHAR", 10, null, false)));
        assertThat(RS.check(T, text)).isSameAs(text);
    }

    @Test
    void guardsAreEqualByWarehouseAndOversizeHandling() {
        assertThat(new ValueGuard(new PostgresDialect(), Oversize.DEAD_LETTER)).isEqualTo(PG);
        assertThat(PG).isNotEqualTo(RS);
        assertThat(PG).hasSameHashCodeAs(IngestOptions.DEFAULT_VALUES);
    }
}
