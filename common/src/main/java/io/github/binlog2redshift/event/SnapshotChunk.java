package io.github.binlog2redshift.event;

import java.math.BigInteger;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The key range one snapshot chunk read covers. cdc-source sends it after the chunk's rows, as a
 * schema-change event at the chunk's high watermark, meaning: at that position these rows were all
 * the rows of the range. The sink removes the range's older rows, which only a read of the same
 * chunk that came before can have left (issue 15): under at-least-once delivery a chunk read before
 * a failover stays in Kafka, and a row deleted before the chunk was read again has no other event.
 *
 * <p>The range is half-open, {@code from <= key < to}, either bound absent for the first and last
 * chunk, as Flink CDC splits a table; no key column means the whole table (a table read in one
 * chunk). Only integer bounds are carried: a warehouse orders integers as MySQL does, but not
 * strings (collations differ) and so could delete rows outside the chunk.
 *
 * <p>The statement text is {@code SNAPSHOT CHUNK OF `db`.`t` [WHERE `k` >= n] [AND] [`k` < m]}: not
 * MySQL, so a sink that does not know it takes it for a DDL that changes nothing. The sink may have
 * mapped its words to warehouse names, so parsing ignores the case of the keywords.
 */
public final class SnapshotChunk {

    private static final String PREFIX = "SNAPSHOT CHUNK OF ";

    @Nullable private final String keyColumn;
    @Nullable private final BigInteger from;
    @Nullable private final BigInteger to;

    private SnapshotChunk(
            @Nullable String keyColumn, @Nullable BigInteger from, @Nullable BigInteger to) {
        boolean whole = from == null && to == null;
        this.keyColumn = whole ? null : Objects.requireNonNull(keyColumn, "keyColumn");
        this.from = from;
        this.to = to;
    }

    /** Every row of the table: a table read in one chunk. */
    public static SnapshotChunk wholeTable() {
        return new SnapshotChunk(null, null, null);
    }

    /** {@code from <= keyColumn < to}; a null bound is open. */
    public static SnapshotChunk range(
            String keyColumn, @Nullable BigInteger from, @Nullable BigInteger to) {
        return new SnapshotChunk(keyColumn, from, to);
    }

    /** The chunk key column; null for the whole table. */
    @Nullable
    public String keyColumn() {
        return keyColumn;
    }

    /** The inclusive lower bound, or null. */
    @Nullable
    public BigInteger from() {
        return from;
    }

    /** The exclusive upper bound, or null. */
    @Nullable
    public BigInteger to() {
        return to;
    }

    /** The event's statement text for a chunk of {@code table}. */
    public String statement(TableId table) {
        StringBuilder b = new StringBuilder(PREFIX);
        quote(b, table.database()).append('.');
        quote(b, table.table());
        if (keyColumn == null) {
            return b.toString();
        }
        b.append(" WHERE ");
        if (from != null) {
            quote(b, keyColumn).append(" >= ").append(from);
        }
        if (from != null && to != null) {
            b.append(" AND ");
        }
        if (to != null) {
            quote(b, keyColumn).append(" < ").append(to);
        }
        return b.toString();
    }

    /** True when {@code ddl} is a chunk statement (which {@link #parse} reads). */
    public static boolean isChunk(String ddl) {
        return ddl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * The chunk {@code ddl} states; null when it is no chunk statement.
     *
     * @throws IllegalArgumentException when it starts as one but is malformed
     */
    @Nullable
    public static SnapshotChunk parse(String ddl) {
        if (!isChunk(ddl)) {
            return null;
        }
        Cursor c = new Cursor(ddl, PREFIX.length());
        c.name();
        c.expect(".");
        c.name();
        if (c.atEnd()) {
            return wholeTable();
        }
        c.expect(" WHERE ");
        String column = c.name();
        BigInteger from = null;
        BigInteger to = null;
        if (c.accept(" >= ")) {
            from = c.number();
            if (c.atEnd()) {
                return range(column, from, null);
            }
            c.expect(" AND ");
            if (!c.name().equals(column)) {
                throw c.malformed();
            }
        }
        c.expect(" < ");
        to = c.number();
        if (!c.atEnd()) {
            throw c.malformed();
        }
        return range(column, from, to);
    }

    private static StringBuilder quote(StringBuilder b, String name) {
        return b.append('`').append(name.replace("`", "``")).append('`');
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SnapshotChunk)) {
            return false;
        }
        SnapshotChunk other = (SnapshotChunk) o;
        return Objects.equals(keyColumn, other.keyColumn)
                && Objects.equals(from, other.from)
                && Objects.equals(to, other.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyColumn, from, to);
    }

    @Override
    public String toString() {
        return keyColumn == null ? "whole table" : "[" + from + ", " + to + ") of " + keyColumn;
    }

    /** Reads a statement left to right. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text, int at) {
            this.text = text;
            this.at = at;
        }

        boolean atEnd() {
            return at == text.length();
        }

        boolean accept(String word) {
            if (text.regionMatches(true, at, word, 0, word.length())) {
                at += word.length();
                return true;
            }
            return false;
        }

        void expect(String word) {
            if (!accept(word)) {
                throw malformed();
            }
        }

        String name() {
            expect("`");
            StringBuilder b = new StringBuilder();
            while (at < text.length()) {
                char ch = text.charAt(at++);
                if (ch != '`') {
                    b.append(ch);
                } else if (at < text.length() && text.charAt(at) == '`') {
                    b.append('`');
                    at++;
                } else {
                    return b.toString();
                }
            }
            throw malformed();
        }

        BigInteger number() {
            int start = at;
            if (at < text.length() && text.charAt(at) == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                return new BigInteger(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw malformed();
            }
        }

        IllegalArgumentException malformed() {
            return new IllegalArgumentException(
                    "malformed snapshot chunk statement at character "
                            + at
                            + ": "
                            + text.substring(0, Math.min(text.length(), 300)));
        }
    }
}
