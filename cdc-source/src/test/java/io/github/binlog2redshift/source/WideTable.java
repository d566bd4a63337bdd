package io.github.binlog2redshift.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.source.TopicReader.Rec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table with every MySQL column type, one row of extreme values, and the exact JSON text each
 * value must arrive as (docs/event-format.md), whether read by the snapshot or from the binlog.
 */
final class WideTable {

    static final String CREATE =
            "CREATE TABLE wide (id INT PRIMARY KEY,"
                    + " ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,"
                    + " mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED,"
                    + " bi BIGINT, biu BIGINT UNSIGNED, d DECIMAL(65,30), d2 DECIMAL(10,2),"
                    + " f FLOAT, db DOUBLE, b1 BIT(1), b10 BIT(10), bo BOOL, dt DATE, t6 TIME(6),"
                    + " dtm6 DATETIME(6), dtm DATETIME, ts3 TIMESTAMP(3) NULL, y YEAR,"
                    + " c CHAR(5), vc VARCHAR(20), tx TEXT, bl BLOB, bn BINARY(4), vb VARBINARY(8),"
                    + " e ENUM('a','b c','d'), s SET('x','y','z'), j JSON, g GEOMETRY, p POINT,"
                    + " n VARCHAR(5))";

    static String insert(int id) {
        return "INSERT INTO wide VALUES ("
                + id
                + ", -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,"
                + " -9223372036854775808, 18446744073709551615,"
                + " '12345678901234567890123456789012345.123456789012345678901234567890', 10.5,"
                + " 1.1, 2.2, b'1', b'1000000001', true, '2024-01-31', '838:59:59.999999',"
                + " '2024-01-31 12:34:56.123456', '1999-12-31 23:59:59', '2024-01-31 12:34:56.100',"
                + " 2024, 'ab', 'héllo \"q\"', 'line1\\nline2', x'00ff10', x'01020304', x'0a0b',"
                + " 'b c', 'x,z', '{\"a\": [1, 2]}', ST_GeomFromText('LINESTRING(0 0,1 1)'),"
                + " POINT(1.5, 2.5), NULL)";
    }

    /** Column -> the JSON text of its value; binary columns are base64 of what the server holds. */
    static Map<String, String> expected(MySqlDatabase db) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ti", "-128");
        m.put("tiu", "255");
        m.put("si", "-32768");
        m.put("siu", "65535");
        m.put("mi", "-8388608");
        m.put("miu", "16777215");
        m.put("i", "-2147483648");
        m.put("iu", "4294967295");
        m.put("bi", "-9223372036854775808");
        m.put("biu", "18446744073709551615");
        m.put("d", "\"12345678901234567890123456789012345.123456789012345678901234567890\"");
        m.put("d2", "\"10.50\"");
        m.put("f", "1.1");
        m.put("db", "2.2");
        m.put("b1", "true");
        m.put("bo", "1");
        m.put("dt", "\"2024-01-31\"");
        m.put("t6", "\"838:59:59.999999\"");
        m.put("dtm6", "\"2024-01-31 12:34:56.123456\"");
        m.put("dtm", "\"1999-12-31 23:59:59\"");
        m.put("ts3", "\"2024-01-31T12:34:56.100Z\"");
        m.put("y", "2024");
        m.put("c", "\"ab\"");
        m.put("vc", "\"héllo \\\"q\\\"\"");
        m.put("tx", "\"line1\\nline2\"");
        m.put("e", "\"b c\"");
        m.put("s", "\"x,z\"");
        m.put("j", "\"{\\\"a\\\": [1, 2]}\"");
        m.put("n", "null");
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT TO_BASE64(b10), TO_BASE64(bl), TO_BASE64(bn),"
                                        + " TO_BASE64(vb), TO_BASE64(g), TO_BASE64(p)"
                                        + " FROM wide WHERE id = 1")) {
            rs.next();
            String[] names = {"b10", "bl", "bn", "vb", "g", "p"};
            for (int i = 0; i < names.length; i++) {
                m.put(names[i], "\"" + rs.getString(i + 1).replace("\n", "") + "\"");
            }
        }
        return m;
    }

    /**
     * Both rows, the snapshot's (id 1) and the binlog's (id 2), carry exactly the expected text.
     */
    static void assertExact(List<Rec> all, MySqlDatabase db) throws SQLException {
        Map<String, String> expected = expected(db);
        List<Rec> rows = all.stream().filter(r -> r.table().equals(db.name() + ".wide")).toList();
        assertThat(rows).extracting(Rec::op).containsExactlyInAnyOrder("r", "c");
        for (Rec r : rows) {
            Map<String, String> actual = new LinkedHashMap<>();
            expected.keySet()
                    .forEach(k -> actual.put(k, r.value().path("after").get(k).toString()));
            assertThat(actual).as("values of %s", r.op()).containsExactlyEntriesOf(expected);
        }
        Rec snapshot = rows.stream().filter(r -> r.op().equals("r")).findFirst().orElseThrow();
        assertThat(snapshot.value().path("source").path("snapshot").asText()).isEqualTo("true");
        // at its chunk's high watermark (issue 15): a real binlog position before the insert's
        Rec insert = rows.stream().filter(r -> r.op().equals("c")).findFirst().orElseThrow();
        assertThat(snapshot.value().path("source").path("file").asText()).isNotEmpty();
        assertThat(snapshot.value().path("source").path("pos").asLong()).isPositive();
        assertThat(snapshot.sortKey()).isLessThan(insert.sortKey());
        assertThat(snapshot.value().path("columns").get(10).toString())
                .isEqualTo(
                        "{\"name\":\"biu\",\"type\":\"BIGINT UNSIGNED\",\"length\":20,"
                                + "\"scale\":null,\"nullable\":true}");
    }
}
