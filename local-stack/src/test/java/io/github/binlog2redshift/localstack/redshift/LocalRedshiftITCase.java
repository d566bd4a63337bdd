package io.github.binlog2redshift.localstack.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local Redshift through the real Redshift JDBC driver: each rule of docs/local-redshift.md.
 */
@ExtendWith(LocalStackExtension.class)
class LocalRedshiftITCase {

    @Test
    void roundTripThroughTheRedshiftDriver(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE orders (id BIGINT NOT NULL, note VARCHAR(40), PRIMARY KEY (id))"
                            + " DISTSTYLE KEY DISTKEY (id) SORTKEY (id)");
            s.execute("INSERT INTO orders VALUES (1, 'one')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
                ps.setLong(1, 2);
                ps.setString(2, "two");
                ps.executeUpdate();
            }
            assertThat(rows(s, "SELECT id, note FROM orders ORDER BY id"))
                    .containsExactly("1|one", "2|two");
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("8.0");
        }
    }

    @Test
    void wrongPasswordIsRefused(RedshiftDatabase db) {
        RedshiftDatabase wrong =
                new RedshiftDatabase(db.host(), db.port(), db.name(), db.user(), "nope");
        assertThatThrownBy(wrong::connect)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    @Test
    void quotedIdentifiersFoldToLowerCase(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Mixed\" (\"Line\" INTEGER)");
            s.execute("INSERT INTO mixed VALUES (1)");
            try (ResultSet rs = s.executeQuery("SELECT \"Line\" AS \"Total\" FROM \"MIXED\"")) {
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("total");
            }
            assertThat(
                            rows(
                                    s,
                                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'mixed'"))
                    .containsExactly("line");
            s.execute("SET enable_case_sensitive_identifier TO true");
            s.execute("CREATE TABLE \"Exact\" (\"Line\" INTEGER)");
            assertThat(
                            rows(
                                    s,
                                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'Exact'"))
                    .containsExactly("Line");
        }
    }

    @Test
    void identifiersLongerThan127BytesAreRefused(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(
                            () -> s.execute("CREATE TABLE t_" + "x".repeat(126) + " (a INTEGER)"))
                    .hasMessageContaining("127");
        }
    }

    @Test
    void backslashEscapesInLiterals(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT 'it\\'s', 'a\\\\b'")).containsExactly("it's|a\\b");
            assertThatThrownBy(() -> rows(s, "SELECT '\\N'"))
                    .hasMessageContaining("escape sequence");
        }
    }

    @Test
    void serializableConflictIsError1023(RedshiftDatabase db) throws Exception {
        try (Connection a = db.connect();
                Connection b = db.connect();
                Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            sa.execute("CREATE TABLE tab1 (x INTEGER)");
            sa.execute("CREATE TABLE tab2 (x INTEGER)");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            rows(sa, "SELECT * FROM tab1");
            rows(sb, "SELECT * FROM tab2");
            sa.execute("INSERT INTO tab2 VALUES (1)");
            sb.execute("INSERT INTO tab1 VALUES (1)");
            a.commit();
            assertThatThrownBy(b::commit)
                    .hasMessageContaining("1023")
                    .hasMessageContaining("Serializable isolation violation");
        }
    }

    @Test
    void transactionsWithoutCrossReadsBothCommit(RedshiftDatabase db) throws Exception {
        try (Connection a = db.connect();
                Connection b = db.connect();
                Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            sa.execute("CREATE TABLE tab1 (x INTEGER)");
            sa.execute("CREATE TABLE tab2 (x INTEGER)");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            sa.execute("INSERT INTO tab1 VALUES (1)");
            sb.execute("INSERT INTO tab2 VALUES (1)");
            a.commit();
            b.commit();
            assertThat(rows(sa, "SELECT count(*) FROM tab1")).containsExactly("1");
        }
    }

    @Test
    void alterColumnTypeOnlyWidensVarcharOutsideATransaction(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE t (id INTEGER NOT NULL, note VARCHAR(10), n INTEGER) DISTKEY (id) SORTKEY (id)");
            s.execute("ALTER TABLE t ALTER COLUMN note TYPE VARCHAR(20)");
            assertThatThrownBy(() -> s.execute("ALTER TABLE t ALTER COLUMN n TYPE BIGINT"))
                    .hasMessageContaining("VARCHAR");
            assertThatThrownBy(() -> s.execute("ALTER TABLE t DROP COLUMN id"))
                    .hasMessageContaining("DISTKEY");
            c.setAutoCommit(false);
            assertThatThrownBy(() -> s.execute("ALTER TABLE t ALTER COLUMN note TYPE VARCHAR(30)"))
                    .hasMessageContaining("transaction block");
            c.rollback();
        }
    }

    @Test
    void truncateCommitsTheTransaction(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
            s.execute("CREATE TABLE u (x INTEGER)");
            c.setAutoCommit(false);
            s.execute("INSERT INTO u VALUES (1)");
            s.execute("TRUNCATE t");
            c.rollback();
            assertThat(rows(s, "SELECT count(*) FROM u")).containsExactly("1");
        }
    }

    @Test
    void schemataShowsOnlyOwnedSchemas(
            RedshiftDatabase db, io.github.binlog2redshift.localstack.LocalStack stack)
            throws Exception {
        try (Connection admin = stack.postgres().connect(db.name());
                Statement a = admin.createStatement()) {
            a.execute("CREATE SCHEMA granted");
            a.execute("GRANT ALL ON SCHEMA granted TO " + db.user());
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA mine");
            assertThat(rows(s, "SELECT schema_name FROM information_schema.schemata ORDER BY 1"))
                    .containsExactly("mine");
        }
    }

    @Test
    void postgresOnlySyntaxIsRefused(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER, v VARCHAR)");
            for (String sql :
                    List.of(
                            "INSERT INTO t VALUES (1, 'a') ON CONFLICT DO NOTHING",
                            "INSERT INTO t VALUES (1, 'a') RETURNING id",
                            "ALTER TABLE t ADD COLUMN IF NOT EXISTS w INTEGER",
                            "ALTER TABLE t ADD COLUMN w INTEGER, ADD COLUMN z INTEGER",
                            "CREATE INDEX i ON t (id)",
                            "CREATE TABLE j (doc JSONB)",
                            "CREATE TABLE a (xs INTEGER[])",
                            "CREATE TABLE w (v VARCHAR(65536))")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class);
            }
            assertThat(
                            rows(
                                    s,
                                    "SELECT character_maximum_length FROM information_schema.columns WHERE table_name = 't' AND column_name = 'v'"))
                    .containsExactly("256");
        }
    }

    @Test
    void superVarbyteAndGetdate(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (doc SUPER, raw VARBYTE(4), flag BOOLEAN, at TIMESTAMPTZ)");
            s.execute("INSERT INTO t VALUES (JSON_PARSE('{\"a\":1}'), NULL, TRUE, GETDATE())");
            assertThat(
                            rows(
                                    s,
                                    "SELECT data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position"))
                    .containsExactly(
                            "super", "binary varying", "boolean", "timestamp with time zone");
            assertThatThrownBy(() -> rows(s, "SELECT CAST(doc AS VARCHAR) FROM t"))
                    .hasMessageContaining("SUPER");
            assertThat(
                            rows(
                                    s,
                                    "SELECT JSON_SERIALIZE(JSON_PARSE('[10001,10002,\"abc\"]')),"
                                            + " JSON_SERIALIZE(JSON_PARSE('{\"a\": {\"b\": [1, \"x\\\\\"y\", {}, []]}}')), JSON_SERIALIZE(NULL)"))
                    .containsExactly(
                            "[10001,10002,\"abc\"]|{\"a\":{\"b\":[1,\"x\\\"y\",{},[]]}}|null");
            assertThatThrownBy(() -> rows(s, "SELECT CAST(flag AS VARCHAR(5)) FROM t"))
                    .hasMessageContaining("boolean");
        }
    }

    @Test
    void svvRedshiftColumnsShowsTypesKeysAndEncodingsOfTheUsersTables(
            RedshiftDatabase db, io.github.binlog2redshift.localstack.LocalStack stack)
            throws Exception {
        try (Connection admin = stack.postgres().connect(db.name());
                Statement a = admin.createStatement()) {
            a.execute("CREATE SCHEMA hidden");
            a.execute("CREATE TABLE hidden.secret (x INTEGER)");
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA shop");
            s.execute(
                    "CREATE TABLE shop.orders (id BIGINT NOT NULL, region VARCHAR(20) ENCODE zstd,"
                            + " doc SUPER, raw VARBYTE(8), amount DECIMAL(8,2) DEFAULT 0, ok BOOLEAN)"
                            + " DISTSTYLE KEY DISTKEY (id) COMPOUND SORTKEY (region, id)");
            s.execute("ALTER TABLE shop.orders ALTER COLUMN ok ENCODE runlength");
            // Creates nothing, so it changes nothing of the existing table's layout.
            s.execute(
                    "CREATE TABLE IF NOT EXISTS shop.orders (id BIGINT, region VARCHAR(20) ENCODE lzo) DISTKEY (region)");
            s.execute(
                    "CREATE TABLE shop.mixed (a INTEGER, b INTEGER, c INTEGER) INTERLEAVED SORTKEY (a, b)");
            String columns =
                    "SELECT column_name, ordinal_position, data_type, column_default, is_nullable,"
                            + " encoding, distkey, sortkey FROM svv_redshift_columns WHERE database_name = '"
                            + db.name()
                            + "' AND schema_name = 'shop' AND table_name = 'orders' ORDER BY ordinal_position";
            assertThat(rows(s, columns))
                    .containsExactly(
                            "id|1|bigint|null|NO|raw|t|2",
                            "region|2|character varying(20)|null|YES|zstd|f|1",
                            "doc|3|super|null|YES|null|f|0",
                            "raw|4|binary varying(8)|null|YES|null|f|0",
                            "amount|5|numeric(8,2)|0|YES|az64|f|0",
                            "ok|6|boolean|null|YES|runlength|f|0");
            assertThat(
                            rows(
                                    s,
                                    "SELECT column_name, sortkey FROM PG_CATALOG.SVV_REDSHIFT_COLUMNS"
                                            + " WHERE table_name = 'mixed' ORDER BY ordinal_position"))
                    .containsExactly("a|1", "b|-2", "c|0");
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT column_name FROM svv_redshift_columns"
                                    + " WHERE database_name = ? AND schema_name = ? AND table_name = ? AND (distkey OR sortkey <> 0)"
                                    + " ORDER BY 1")) {
                ps.setString(1, db.name());
                ps.setString(2, "shop");
                ps.setString(3, "orders");
                List<String> keys = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) keys.add(rs.getString(1));
                }
                assertThat(keys).containsExactly("id", "region");
            }
            assertThat(
                            rows(
                                    s,
                                    "SELECT count(*) FROM svv_redshift_columns WHERE schema_name"
                                            + " IN ('hidden', 'b2r_emulator', 'pg_catalog', 'information_schema')"))
                    .containsExactly("0");
        }
    }

    @Test
    void toHexOfVarbyteAndNumbersAsDocumented(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT TO_HEX(2147676847), TO_HEX('abc'::VARBYTE)"))
                    .containsExactly("8002f2af|616263");
            s.execute("CREATE TABLE t (id INTEGER, raw VARBYTE(4), vc VARCHAR)");
            s.execute("INSERT INTO t VALUES (1, 'ab'::VARBYTE, NULL), (2, NULL, NULL)");
            s.execute("INSERT INTO t (id, vc) SELECT 3, TO_HEX('abc'::VARBYTE)");
            assertThat(rows(s, "SELECT id, to_hex(raw), vc FROM t ORDER BY id"))
                    .containsExactly("1|6162|null", "2|null|null", "3|null|616263");
        }
    }

    /**
     * SUBSTRING of a VARBYTE counts bytes and gives a VARBYTE (r_SUBSTRING: "If the input is a
     * binary expression, the start position and extracted substring are based on bytes"); past the
     * end it is empty, not NULL, as for strings. The sink removes its marker byte this way.
     */
    @Test
    void substringOfVarbyteCountsBytes(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            assertThat(
                            rows(
                                    s,
                                    "SELECT TO_HEX(SUBSTRING('abc'::VARBYTE, 2)), TO_HEX(SUBSTRING('abc'::VARBYTE, 2, 1)),"
                                            + " TO_HEX(SUBSTRING('a'::VARBYTE, 2)), SUBSTRING('a'::VARBYTE, 2) IS NULL"))
                    .containsExactly("6263|62||f");
            s.execute("CREATE TABLE t (id INTEGER, raw VARBYTE(3))");
            s.execute("INSERT INTO t VALUES (1, 'abc'::VARBYTE), (2, 'a'::VARBYTE), (3, NULL)");
            s.execute("UPDATE t SET raw = SUBSTRING(raw, 2)");
            assertThat(
                            rows(
                                    s,
                                    "SELECT id, TO_HEX(raw), raw IS NULL, OCTET_LENGTH(raw) FROM t ORDER BY id"))
                    .containsExactly("1|6263|f|2", "2||f|0", "3|null|t|null");
        }
    }

    @Test
    void lastCopyCountIsZeroBeforeAnyCopy(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT pg_last_copy_count()")).containsExactly("0");
        }
    }

    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(b.toString());
            }
        }
        return out;
    }
}
