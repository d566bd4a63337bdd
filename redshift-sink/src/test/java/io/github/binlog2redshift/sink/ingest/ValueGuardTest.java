package io.github.binlog2redshift.sink.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.SchemaPolicy.Oversize;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import io.github.binlog2redshift.sink.route.TableModes;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Oversize, NUL and zero-date values: dead letters by default, cut with a marker when opted in. */
class ValueGuardTest {

    static final TargetTable T = new TargetTable("shop", "orders");
    static final SourcePosition POS =
            SourcePosition.binlog(1, "mysql-bin.000002", 7, 0, null, false, 1L);
    static final ColumnDef ID = ColumnDef.of("id", "INT", null, null, false);

    static ChangeEvent event(ColumnDef col, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 5);
        m.put(col.name(), value);
        return ChangeEvent.insert(
                TableId.of("shop", "orders"), m, POS, 0, List.of("id"), List.of(ID, col));
    }

    final ValueGuard redshift = new ValueGuard(new RedshiftDialect(), Oversize.DEAD_LETTER);
    final ValueGuard cutting = new ValueGuard(new RedshiftDialect(), Oversize.TRUNCATE);

    @Test
    void textBeyondRedshiftsVarcharBytesIsDeadLetteredNamingTableColumnAndKey() {
        ColumnDef body = ColumnDef.of("body", "LONGTEXT", null, null, true);
        String fits = "é".repeat(32_767); // 65,534 bytes
        assertThat(redshift.check(T, event(body, fits))).isEqualTo(event(body, fits));
        assertThatThrownBy(() -> redshift.check(T, event(body, fits + "é")))
                .isInstanceOf(RejectedRecordException.class)
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.OVERSIZE_VALUE))
                .hasMessage(
                        "table shop.orders, column 'body', key [id=5] at "
                                + POS.sortKey()
                                + ": the value has 65536 bytes, more than the 65535 its column holds (VARCHAR(65535));"
                                + " sink.oversize-values=TRUNCATE would cut it");
        assertThat(
                        new ValueGuard(new PostgresDialect(), Oversize.DEAD_LETTER)
                                .check(T, event(body, fits + "é")))
                .isNotNull();
    }

    @Test
    void optInTruncationCutsOnCharacterBoundariesAndNamesTheColumns() {
        ColumnDef body = ColumnDef.of("body", "VARCHAR", 20_000, null, true);
        ChangeEvent cut = cutting.check(T, event(body, "a" + "€".repeat(30_000)));
        String value = (String) cut.after().get("body");
        assertThat(value).startsWith("a€").hasSize(1 + 21_844);
        assertThat(cut.after()).containsEntry("_b2r_truncated", "body");
        assertThat(cut.columns())
                .extracting(ColumnDef::name)
                .containsExactly("id", "body", "_b2r_truncated");
        ColumnDef doc = ColumnDef.of("doc", "JSON", null, null, true);
        assertThat(cutting.check(T, event(doc, "[" + "1,".repeat(9_000_000) + "1]")).after())
                .containsEntry("doc", null);
        ColumnDef bin = ColumnDef.of("bin", "BINARY", 4, null, true);
        String six = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(cutting.check(T, event(bin, six)).after())
                .containsEntry("bin", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4}));
    }

    @Test
    void nulCharactersAndZeroDatePartsAreInvalidEverywhere() {
        ValueGuard pg = IngestOptions.DEFAULT_VALUES;
        assertThatThrownBy(
                        () ->
                                pg.check(
                                        T,
                                        event(
                                                ColumnDef.of("note", "VARCHAR", 10, null, true),
                                                "a\u0000b")))
                .hasMessageContaining("column 'note'")
                .hasMessageEndingWith("contains a NUL character, which the warehouse cannot store");
        for (String bad : List.of("2024-00-15", "2024-02-00 10:00:00", "0000-01-01")) {
            assertThatThrownBy(
                            () ->
                                    pg.check(
                                            T,
                                            event(
                                                    ColumnDef.of("d", "DATETIME", null, null, true),
                                                    bad)))
                    .satisfies(
                            e ->
                                    assertThat(((RejectedRecordException) e).reason())
                                            .isEqualTo(RejectReason.INVALID_VALUE))
                    .hasMessageContaining("a date with a zero year, month or day");
        }
        ChangeEvent zero = event(ColumnDef.of("d", "DATE", null, null, true), "0000-00-00");
        assertThat(pg.check(T, zero)).isSameAs(zero);
    }

    @Test
    void untypedInputsAreCheckedAsLongText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 1);
        m.put("blob", "x".repeat(70_000));
        ChangeEvent e =
                ChangeEvent.insert(
                        TableId.of("shop", "orders"), m, POS, 0, List.of("id"), List.of());
        assertThatThrownBy(() -> redshift.check(T, e)).hasMessageContaining("column 'blob'");
    }

    /**
     * Issue 12, fault 1: Redshift folds names, so {@code Id} and {@code id} would be one column.
     */
    @Test
    void columnsThatAreOneNameInRedshiftAreDeadLettered() {
        ColumnDef upper = ColumnDef.of("ID", "INT", null, null, true);
        assertThatThrownBy(() -> redshift.check(T, event(upper, 6)))
                .isInstanceOf(RejectedRecordException.class)
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.NAME_COLLISION))
                .hasMessageContaining("columns 'id' and 'ID' would both be column 'id'");
        assertThat(
                        new ValueGuard(new PostgresDialect(), Oversize.DEAD_LETTER)
                                .check(T, event(upper, 6)))
                .isEqualTo(event(upper, 6));
        ColumnDef other = ColumnDef.of("userId", "INT", null, null, true);
        assertThat(redshift.check(T, event(other, 6))).isEqualTo(event(other, 6));
    }

    static ChangeEvent wide(List<ColumnDef> cols, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 5);
        List<ColumnDef> all = new java.util.ArrayList<>(List.of(ID));
        for (ColumnDef c : cols) {
            m.put(c.name(), value);
            all.add(c);
        }
        return ChangeEvent.insert(TableId.of("shop", "orders"), m, POS, 0, List.of("id"), all);
    }

    /**
     * Issue 12, fault 5: Redshift's COPY reads at most 4 MB per row; each value fitting its column
     * is not enough (binary is staged as hex, twice its size; wide columns add up).
     */
    @Test
    void rowsLongerThanCopyReadsAreDeadLetteredWhateverTheirValues() {
        ColumnDef blob = ColumnDef.of("pic", "LONGBLOB", null, null, true);
        String big = Base64.getEncoder().encodeToString(new byte[2_500_000]); // 5,000,000 as hex
        assertThatThrownBy(() -> redshift.check(T, event(blob, big)))
                .isInstanceOf(RejectedRecordException.class)
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.OVERSIZE_ROW))
                .hasMessageStartingWith(
                        "table shop.orders, key [id=5] at " + POS.sortKey() + ": the row is 5000")
                .hasMessageContaining("more than the 4194304 one row may have")
                .hasMessageContaining("copy-parameters-data-source.html");
        assertThatThrownBy(() -> cutting.check(T, event(blob, big)))
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.OVERSIZE_ROW));
        String fits = Base64.getEncoder().encodeToString(new byte[2_000_000]);
        assertThat(redshift.check(T, event(blob, fits))).isEqualTo(event(blob, fits));

        List<ColumnDef> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            texts.add(ColumnDef.of("t" + i, "TEXT", null, null, true));
        }
        String wideText = "x".repeat(60_000); // each fits VARCHAR(65535); 70 of them do not
        assertThatThrownBy(() -> redshift.check(T, wide(texts, wideText)))
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.OVERSIZE_ROW));
        assertThat(
                        new ValueGuard(new PostgresDialect(), Oversize.DEAD_LETTER)
                                .check(T, wide(texts, wideText)))
                .isNotNull();
    }

    /**
     * A delete the merge applies by key is never dead-lettered for the rest of its before image: a
     * 3 MB blob (6 MB as hex, past COPY's 4 MB row) or a value too long for its column is staged as
     * NULL, the key kept. A problem of the key itself is still dead-lettered.
     */
    @Test
    void aDeleteIsStagedWithItsKeyAloneWhenItsBeforeImageCannotBe() {
        ColumnDef blob = ColumnDef.of("pic", "LONGBLOB", null, null, true);
        ColumnDef note = ColumnDef.of("note", "VARCHAR", 3, null, true);
        String huge = Base64.getEncoder().encodeToString(new byte[3_000_000]);
        ChangeEvent delete = delete(List.of(ID, blob, note), "id", 5, "pic", huge, "note", "ok");
        ChangeEvent staged = redshift.check(T, delete);
        assertThat(staged.op()).isEqualTo(delete.op());
        assertThat(staged.columns()).isEqualTo(delete.columns());
        assertThat(staged.before())
                .containsExactly(entry("id", 5), entry("pic", null), entry("note", null));
        assertThat(cutting.check(T, delete).before()).containsEntry("pic", null);
        assertThat(
                        redshift.check(
                                        T,
                                        delete(List.of(ID, note), "id", 5, "note", "x".repeat(100)))
                                .before())
                .containsEntry("id", 5)
                .containsEntry("note", null);
        ChangeEvent small = delete(List.of(ID, blob, note), "id", 5, "pic", "AAEC", "note", "ok");
        assertThat(redshift.check(T, small)).isEqualTo(small);

        ColumnDef code = ColumnDef.of("code", "VARCHAR", 3, null, false);
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put("code", "y".repeat(100)); // VARCHAR(3): 3 characters, 12 bytes on Redshift
        keyed.put("pic", huge);
        ChangeEvent badKey =
                ChangeEvent.delete(
                        TableId.of("shop", "orders"),
                        keyed,
                        POS,
                        0,
                        List.of("code"),
                        List.of(code, blob));
        assertThatThrownBy(() -> redshift.check(T, badKey))
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.OVERSIZE_VALUE));
    }

    /**
     * Where the before image is written (a soft or skipped delete rewrites the row, the archive and
     * the history append it) or is the row's identity (a table without key), it must be staged
     * whole; an UPDATE's before image is not staged at all.
     */
    @Test
    void theWholeBeforeImageIsCheckedWhereItIsWrittenAndAnUpdatesIsNot() {
        ColumnDef blob = ColumnDef.of("pic", "LONGBLOB", null, null, true);
        String huge = Base64.getEncoder().encodeToString(new byte[3_000_000]);
        ChangeEvent delete = delete(List.of(ID, blob), "id", 5, "pic", huge);
        for (TableMode mode :
                List.of(
                        mode(DeleteHandling.SOFT, DeleteArchive.NONE, false),
                        mode(DeleteHandling.SKIP, DeleteArchive.NONE, false),
                        mode(DeleteHandling.APPLY, DeleteArchive.ALSO_SAVE, false),
                        mode(DeleteHandling.APPLY, DeleteArchive.NONE, true))) {
            ValueGuard guard =
                    new ValueGuard(
                            new RedshiftDialect(),
                            Oversize.DEAD_LETTER,
                            new TableModes(
                                    List.of(
                                            new TableModes.Entry(
                                                    Pattern.compile("shop"),
                                                    Pattern.compile("orders"),
                                                    mode)),
                                    TableMode.defaults()));
            assertThatThrownBy(() -> guard.check(T, delete))
                    .as(mode.toString())
                    .satisfies(
                            e ->
                                    assertThat(((RejectedRecordException) e).reason())
                                            .isEqualTo(RejectReason.OVERSIZE_ROW));
        }
        ChangeEvent keyless =
                ChangeEvent.delete(
                        TableId.of("shop", "orders"),
                        delete.before(),
                        POS,
                        0,
                        List.of(),
                        delete.columns());
        assertThatThrownBy(() -> redshift.check(T, keyless))
                .satisfies(
                        e ->
                                assertThat(((RejectedRecordException) e).reason())
                                        .isEqualTo(RejectReason.OVERSIZE_ROW));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("id", 5);
        after.put("pic", "AAEC");
        ChangeEvent update =
                ChangeEvent.update(
                        TableId.of("shop", "orders"),
                        delete.before(),
                        after,
                        POS,
                        0,
                        List.of("id"),
                        delete.columns());
        assertThat(redshift.check(T, update)).isEqualTo(update);
    }

    private static ChangeEvent delete(List<ColumnDef> cols, Object... keyValues) {
        Map<String, Object> before = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            before.put((String) keyValues[i], keyValues[i + 1]);
        }
        return ChangeEvent.delete(
                TableId.of("shop", "orders"), before, POS, 0, List.of("id"), cols);
    }

    private static TableMode mode(DeleteHandling deletes, DeleteArchive archive, boolean history) {
        return new TableMode(
                false, deletes, archive, history, SchemaPolicy.DistStyle.KEY, List.of());
    }

    /** The size the guard computes is the staged line's, byte for byte. */
    @Test
    void stagedRowSizeIsTheCsvLinesSize() {
        ColumnDef note = ColumnDef.of("note", "VARCHAR", 100, null, true);
        ColumnDef ts = ColumnDef.of("at", "TIMESTAMP", null, null, true);
        ColumnDef bin = ColumnDef.of("b", "VARBINARY", 10, null, true);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 5);
        m.put("note", "say \"hé\", ok");
        m.put("at", "2024-01-31T12:34:56.123Z");
        m.put("b", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        ChangeEvent e =
                ChangeEvent.insert(
                        TableId.of("shop", "orders"),
                        m,
                        POS,
                        0,
                        List.of("id"),
                        List.of(ID, note, ts, bin, ColumnDef.of("gone", "INT", null, null, true)));
        for (String prefix : List.of("", "\\x")) {
            StringBuilder line = new StringBuilder();
            io.github.binlog2redshift.sink.internal.CsvLine.append(
                    line,
                    io.github.binlog2redshift.sink.internal.StagedRowEncoder.fields(
                            e, e.columns(), prefix));
            long bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertThat(StagedRowSize.exact(e, prefix)).isEqualTo(bytes);
            assertThat(StagedRowSize.of(e, prefix, 0)).isEqualTo(bytes);
            assertThat(StagedRowSize.of(e, prefix, Long.MAX_VALUE - 1))
                    .isGreaterThanOrEqualTo(bytes);
        }
    }
}
