package io.github.binlog2redshift.bench.workload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a table holds, comparable across systems: its row count and an MD5 over its rows in key
 * order, each row written as {@code id|k|c|pad|v} (the shape of every benchmark table, see {@link
 * SinkRows}). The same text is built from a database table (MariaDB, PostgreSQL), from the final
 * state of a change topic ({@link TopicContent}) and from the workload's own bookkeeping, so a
 * system that lost, repeated or altered a row shows a different checksum than the source.
 *
 * @param rows rows in the table
 * @param md5 hex MD5 of the rows' text, one row a line, in ascending {@code id}
 */
public record TableContent(long rows, String md5) {

    /** Accumulates rows, which must come in ascending {@code id}. */
    public static final class Builder {
        private final MessageDigest digest = newDigest();
        private long rows;

        public Builder add(long id, long k, String c, String pad, long v) {
            digest.update(
                    (id + "|" + k + "|" + c + "|" + pad + "|" + v + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            rows++;
            return this;
        }

        public TableContent build() {
            return new TableContent(rows, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** The content of the workload's row {@code id} at {@code version} for every entry. */
    public static TableContent ofVersions(SortedMap<Long, Long> versions) {
        Builder b = new Builder();
        versions.forEach(
                (id, version) ->
                        b.add(
                                id,
                                SinkRows.k(id, version),
                                SinkRows.C + id,
                                SinkRows.PAD + id,
                                version));
        return b.build();
    }

    /** Reads {@code tables} (name as the map key, SQL name as the value) through {@code c}. */
    public static Map<String, TableContent> ofTables(Connection c, Map<String, String> tables)
            throws SQLException {
        Map<String, TableContent> out = new TreeMap<>();
        for (Map.Entry<String, String> t : tables.entrySet()) {
            Builder b = new Builder();
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs =
                        s.executeQuery(
                                "SELECT id, k, c, pad, v FROM " + t.getValue() + " ORDER BY id")) {
                    while (rs.next()) {
                        b.add(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5));
                    }
                }
            }
            out.put(t.getKey(), b.build());
        }
        return out;
    }

    /**
     * Compares a system's tables with the source's; throws naming every table that differs, so a
     * run with wrong content never yields a figure.
     *
     * @return {@code 10 tables, 1000000 rows: count and checksum equal to the source's}
     */
    public static String check(
            String who, Map<String, TableContent> source, Map<String, TableContent> actual) {
        Map<String, String> wrong = new LinkedHashMap<>();
        long rows = 0;
        for (Map.Entry<String, TableContent> e : new TreeMap<>(source).entrySet()) {
            TableContent got = actual.get(e.getKey());
            rows += e.getValue().rows();
            if (!e.getValue().equals(got)) {
                wrong.put(e.getKey(), "source " + e.getValue() + ", " + who + " " + got);
            }
        }
        if (!wrong.isEmpty() || actual.size() != source.size()) {
            throw new IllegalStateException(
                    who
                            + " content differs from the source's in "
                            + wrong.size()
                            + " of "
                            + source.size()
                            + " tables ("
                            + actual.size()
                            + " tables seen): "
                            + wrong);
        }
        return source.size()
                + " tables, "
                + rows
                + " rows: count and checksum equal to the source's";
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
