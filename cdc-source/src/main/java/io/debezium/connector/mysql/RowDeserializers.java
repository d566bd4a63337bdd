package io.debezium.connector.mysql;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.github.binlog2redshift.source.debezium.PresentColumns;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Replaces Debezium 1.9's class of this name (as bundled in flink-sql-connector-mysql-cdc 3.5.0),
 * whose row deserializers ({@code RowDeserializers$WriteRowsDeserializer} and its update and delete
 * siblings, kept from that jar) call these static methods for every temporal and string cell of a
 * binlog row event. Written from MySQL's binary formats, it returns the same types and values as
 * the original, except for a negative TIME: the original decodes {@code -838:59:59} as {@code
 * -838:59:59.048576} and {@code -00:01:00} as {@code -00:01:03} (it complements the hour, minute
 * and second fields one by one and mishandles a zero fraction), and the result cannot be corrected
 * afterwards because distinct values decode alike. Here a TIME2 value is read as MySQL reads it:
 * the stored integer and fraction form one signed number ({@code my_time_packed_from_binary}),
 * whose sign and magnitude give the duration.
 *
 * <p>Its row deserializers (the nested classes, which replace the connector's) also spread the rows
 * of partial row images ({@code binlog_row_image=MINIMAL} or {@code NOBLOB}) out to the table's
 * width and mark which columns they hold ({@link PresentColumns}), and complete an UPDATE's after
 * image from its before image.
 *
 * <p>The job jar must carry this class and its nested classes instead of the connector's
 * (deploy/cdc-source-job excludes the connector's copies); {@code RowDeserializersTest} fails if
 * another copy is loaded, and must be revisited with every Flink CDC upgrade.
 */
public class RowDeserializers {

    private RowDeserializers() {}

    /** CHAR/BINARY: the raw bytes, decoded later with the column's character set. */
    protected static Serializable deserializeString(int length, ByteArrayInputStream in)
            throws IOException {
        return in.read(in.readInteger(length < 256 ? 1 : 2));
    }

    /** VARCHAR/VARBINARY: the raw bytes, decoded later with the column's character set. */
    protected static Serializable deserializeVarString(int meta, ByteArrayInputStream in)
            throws IOException {
        return in.read(in.readInteger(meta < 256 ? 1 : 2));
    }

    /** DATE: {@code day | month << 5 | year << 9}; null for a zero date or one with a zero part. */
    protected static Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
        int v = in.readInteger(3);
        int day = v % 32;
        int month = (v >>> 5) % 16;
        int year = v >> 9;
        return year == 0 || month == 0 || day == 0 ? null : LocalDate.of(year, month, day);
    }

    /** The old TIME: a signed 3-byte {@code HHMMSS} integer. */
    protected static Serializable deserializeTime(ByteArrayInputStream in) throws IOException {
        int v = in.readInteger(3);
        if (v >= 0x800000) {
            v -= 0x1000000;
        }
        int hhmmss = Math.abs(v);
        Duration d =
                Duration.ofHours(hhmmss / 10000)
                        .plusMinutes(hhmmss / 100 % 100)
                        .plusSeconds(hhmmss % 100);
        return v < 0 ? d.negated() : d;
    }

    /**
     * TIME2 (MySQL 5.6.4+, MariaDB 10.1.2+): 3 bytes of {@code 0x800000 + hms} (hms: hour << 12 |
     * minute << 6 | second, signed) and 0..3 bytes of fraction; for a negative value with a
     * fraction the integer part is one lower and the fraction is stored as its complement, so the
     * two together are the signed number {@code hms << 24 | microseconds}.
     */
    protected static Serializable deserializeTimeV2(int meta, ByteArrayInputStream in)
            throws IOException {
        long intPart = bigEndian(in.read(3)) - 0x800000L;
        long packed;
        switch ((meta + 1) / 2) {
            case 0:
                packed = intPart << 24;
                break;
            case 1:
                packed = withFraction(intPart, bigEndian(in.read(1)), 0x100, 10_000);
                break;
            case 2:
                packed = withFraction(intPart, bigEndian(in.read(2)), 0x10000, 100);
                break;
            default:
                packed = (intPart << 24) + bigEndian(in.read(3));
                break;
        }
        long magnitude = Math.abs(packed);
        long hms = magnitude >>> 24;
        Duration d =
                Duration.ofHours((hms >> 12) & 0x3FF)
                        .plusMinutes((hms >> 6) & 0x3F)
                        .plusSeconds(hms & 0x3F)
                        .plusNanos((magnitude & 0xFFFFFF) * 1000);
        return packed < 0 ? d.negated() : d;
    }

    /** MySQL's {@code MY_PACKED_TIME_MAKE} of a 1- or 2-byte stored fraction. */
    private static long withFraction(long intPart, long stored, long modulus, long micros) {
        long fraction = stored;
        if (intPart < 0 && fraction != 0) {
            intPart++;
            fraction -= modulus;
        }
        return (intPart << 24) + fraction * micros;
    }

    /** The old DATETIME: an 8-byte {@code YYYYMMDDhhmmss} integer; null with a zero date part. */
    protected static Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
        long v = in.readLong(8);
        int second = (int) (v % 100);
        int minute = (int) (v / 100 % 100);
        int hour = (int) (v / 10_000 % 100);
        int day = (int) (v / 1_000_000 % 100);
        int month = (int) (v / 100_000_000 % 100);
        int year = (int) (v / 10_000_000_000L);
        if (year == 0 || month == 0 || day == 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, 0);
    }

    /**
     * DATETIME2: 5 bytes (sign, year * 13 + month in 17 bits, day 5, hour 5, minute 6, second 6)
     * and the fraction; null with a zero date part.
     */
    protected static Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in)
            throws IOException {
        long v = bigEndian(in.read(5));
        long yearMonth = (v >> 22) & 0x1FFFF;
        int year = (int) (yearMonth / 13);
        int month = (int) (yearMonth % 13);
        int day = (int) ((v >> 17) & 0x1F);
        int hour = (int) ((v >> 12) & 0x1F);
        int minute = (int) ((v >> 6) & 0x3F);
        int second = (int) (v & 0x3F);
        int nanos = fractionNanos(meta, in);
        if (year == 0 || month == 0 || day == 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    }

    /** The old TIMESTAMP: 4-byte epoch seconds, as a UTC instant. */
    protected static Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(in.readLong(4)), ZoneOffset.UTC);
    }

    /** TIMESTAMP2: 4-byte big-endian epoch seconds and the fraction, as a UTC instant. */
    protected static Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in)
            throws IOException {
        long seconds = bigEndian(in.read(4));
        return ZonedDateTime.ofInstant(
                Instant.ofEpochSecond(seconds, fractionNanos(meta, in)), ZoneOffset.UTC);
    }

    /** YEAR: one byte, years since 1900. */
    protected static Serializable deserializeYear(ByteArrayInputStream in) throws IOException {
        return Year.of(1900 + in.readInteger(1));
    }

    /** A non-negative fraction of {@code (fsp + 1) / 2} big-endian bytes, in nanoseconds. */
    private static int fractionNanos(int fsp, ByteArrayInputStream in) throws IOException {
        switch ((fsp + 1) / 2) {
            case 0:
                return 0;
            case 1:
                return (int) bigEndian(in.read(1)) * 10_000_000;
            case 2:
                return (int) bigEndian(in.read(2)) * 100_000;
            default:
                return (int) bigEndian(in.read(3)) * 1_000;
        }
    }

    private static long bigEndian(byte[] bytes) {
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    private static int width(Map<Long, TableMapEventData> tables, long tableId) {
        return tables.get(tableId).getColumnTypes().length;
    }

    /** WRITE_ROWS: inserted rows. */
    public static class WriteRowsDeserializer extends WriteRowsEventDataDeserializer {

        private final Map<Long, TableMapEventData> tables;

        public WriteRowsDeserializer(Map<Long, TableMapEventData> tables) {
            super(tables);
            this.tables = tables;
        }

        @Override
        protected Serializable deserializeCell(
                ColumnType type, int meta, int length, ByteArrayInputStream in) throws IOException {
            return ExactCells.decodes(type)
                    ? ExactCells.cell(type, meta, length, in)
                    : super.deserializeCell(type, meta, length, in);
        }

        @Override
        protected Serializable[] deserializeRow(
                long table, BitSet included, ByteArrayInputStream in) throws IOException {
            Serializable[] packed = super.deserializeRow(table, included, in);
            return PresentColumns.expand(packed, included, width(tables, table));
        }
    }

    /** UPDATE_ROWS: before and after images; the after image is completed from the before. */
    public static class UpdateRowsDeserializer extends UpdateRowsEventDataDeserializer {

        private final Map<Long, TableMapEventData> tables;

        public UpdateRowsDeserializer(Map<Long, TableMapEventData> tables) {
            super(tables);
            this.tables = tables;
        }

        @Override
        protected Serializable deserializeCell(
                ColumnType type, int meta, int length, ByteArrayInputStream in) throws IOException {
            return ExactCells.decodes(type)
                    ? ExactCells.cell(type, meta, length, in)
                    : super.deserializeCell(type, meta, length, in);
        }

        @Override
        protected Serializable[] deserializeRow(
                long table, BitSet included, ByteArrayInputStream in) throws IOException {
            Serializable[] packed = super.deserializeRow(table, included, in);
            return PresentColumns.expand(packed, included, width(tables, table));
        }

        @Override
        public UpdateRowsEventData deserialize(ByteArrayInputStream in) throws IOException {
            UpdateRowsEventData data = super.deserialize(in);
            List<Map.Entry<Serializable[], Serializable[]>> rows = new ArrayList<>();
            for (Map.Entry<Serializable[], Serializable[]> r : data.getRows()) {
                Serializable[] after = PresentColumns.completeAfter(r.getKey(), r.getValue());
                rows.add(new AbstractMap.SimpleEntry<>(r.getKey(), after));
            }
            data.setRows(rows);
            return data;
        }
    }

    /** DELETE_ROWS: before images. */
    public static class DeleteRowsDeserializer extends DeleteRowsEventDataDeserializer {

        private final Map<Long, TableMapEventData> tables;

        public DeleteRowsDeserializer(Map<Long, TableMapEventData> tables) {
            super(tables);
            this.tables = tables;
        }

        @Override
        protected Serializable deserializeCell(
                ColumnType type, int meta, int length, ByteArrayInputStream in) throws IOException {
            return ExactCells.decodes(type)
                    ? ExactCells.cell(type, meta, length, in)
                    : super.deserializeCell(type, meta, length, in);
        }

        @Override
        protected Serializable[] deserializeRow(
                long table, BitSet included, ByteArrayInputStream in) throws IOException {
            Serializable[] packed = super.deserializeRow(table, included, in);
            return PresentColumns.expand(packed, included, width(tables, table));
        }
    }
}
