package io.github.binlog2redshift.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * verify against a real MariaDB and each target, PostgreSQL and the local Redshift through its own
 * driver: the test writes the same data into both (in the sink's target types), checks that verify
 * passes, then breaks the copy and checks the report.
 */
@ExtendWith(LocalStackExtension.class)
class VerifyITCase {

    private static final String SOURCE_ORDERS =
            "CREATE TABLE orders (region VARCHAR(8) NOT NULL, id BIGINT UNSIGNED NOT NULL,"
                    + " amount DECIMAL(10,2), ratio FLOAT, created DATETIME(3), updated TIMESTAMP(6) NULL,"
                    + " active TINYINT(1), flag BIT(1), payload VARBINARY(16), doc JSON, note VARCHAR(50),"
                    + " code CHAR(4), day DATE, score DOUBLE, PRIMARY KEY (region, id))";

    /** The source table in the sink's PostgreSQL types. */
    private static final String PG_ORDERS =
            "(region VARCHAR(8) NOT NULL, id NUMERIC(20) NOT NULL, amount NUMERIC(10,2),"
                    + " ratio DOUBLE PRECISION, created TIMESTAMP(3), updated TIMESTAMPTZ, active BOOLEAN,"
                    + " flag BOOLEAN, payload BYTEA, doc JSONB, note TEXT, code CHAR(4), day DATE,"
                    + " score DOUBLE PRECISION, _b2r_pos BIGINT, _b2r_deleted BOOLEAN,"
                    + " PRIMARY KEY (region, id))";

    private static final String PG_ORDERS_ROWS =
            " ('eu', 1, 10.50, 1.100000023841858, '2024-01-31 12:34:56.123',"
                    + "  '2024-01-31 14:34:56.123456+02', true, true, '\\x00ab', '{\"a\":[1,2.50],\"b\":1}',"
                    + "  'hello', 'ab', '2024-02-29', 971741.2047483461, 1, false),"
                    + " ('eu', 18446744073709551615, -0.1, NULL, '2024-01-01 00:00:00', NULL,"
                    + "  false, false, '\\x', '[]', '', 'x', NULL, 0.39759226487858457, 2, NULL),"
                    + " ('us', 2, 5, 2.5, '1999-12-31 23:59:59.999', '2038-01-19 03:14:07+00',"
                    + "  NULL, NULL, NULL, NULL, NULL, NULL, '2000-01-01', NULL, 3, false),"
                    + " ('EU', 3, 0, 0, NULL, NULL, true, false, '\\xff', '{}', 'é ☃ \uD83D\uDE00', 'abcd',"
                    + "  NULL, -2.5E-300, 4, false),";

    /**
     * The source table in the sink's Redshift types (docs/tables.md): VARCHAR lengths in bytes,
     * TINYINT as SMALLINT, FLOAT as REAL, BINARY as VARBYTE, JSON as SUPER, CHAR as VARCHAR.
     */
    private static final String REDSHIFT_ORDERS =
            "(region VARCHAR(32) NOT NULL, id DECIMAL(20,0) NOT NULL, amount DECIMAL(10,2),"
                    + " ratio REAL, created TIMESTAMP, updated TIMESTAMPTZ, active SMALLINT,"
                    + " flag BOOLEAN, payload VARBYTE(16), doc SUPER, note VARCHAR(200), code VARCHAR(16),"
                    + " day DATE, score DOUBLE PRECISION, _b2r_pos BIGINT, _b2r_deleted BOOLEAN,"
                    + " PRIMARY KEY (region, id))";

    private static final String REDSHIFT_ORDERS_ROWS =
            " ('eu', 1, 10.50, 1.1, '2024-01-31 12:34:56.123',"
                    + "  '2024-01-31 14:34:56.123456+02', 1, true, FROM_HEX('00ab'),"
                    + "  JSON_PARSE('{\"a\":[1,2.50],\"b\":1}'), 'hello', 'ab', '2024-02-29',"
                    + "  971741.2047483461, 1, false),"
                    + " ('eu', 18446744073709551615, -0.1, NULL, '2024-01-01 00:00:00', NULL,"
                    + "  0, false, FROM_HEX(''), JSON_PARSE('[]'), '', 'x', NULL, 0.39759226487858457, 2,"
                    + "  NULL),"
                    + " ('us', 2, 5, 2.5, '1999-12-31 23:59:59.999', '2038-01-19 03:14:07+00',"
                    + "  NULL, NULL, NULL, NULL, NULL, NULL, '2000-01-01', NULL, 3, false),"
                    + " ('EU', 3, 0, 0, NULL, NULL, 1, false, FROM_HEX('ff'), JSON_PARSE('{}'),"
                    + "  'é ☃ \uD83D\uDE00', 'abcd', NULL, -2.5E-300, 4, false),";

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void equalCopyPassesThenEachInjectedDifferenceIsNamed(
            Warehouse warehouse, LocalStack stack, MySqlDatabase src) throws Exception {
        WarehouseDatabase dst = warehouse.newDatabase(stack, "verify");
        String schema = src.name().toLowerCase();
        try (Connection my = src.connect()) {
            Sql.run(
                    my,
                    SOURCE_ORDERS,
                    "INSERT INTO orders VALUES"
                            + " ('eu', 1, 10.50, 1.1, '2024-01-31 12:34:56.123', '2024-01-31 12:34:56.123456',"
                            + "  1, b'1', x'00ab', '{\"b\": 1, \"a\": [1, 2.50]}', 'hello', 'ab', '2024-02-29',"
                            + "  971741.2047483461),"
                            + " ('eu', 18446744073709551615, -0.10, NULL, '2024-01-01 00:00:00', NULL,"
                            + "  0, b'0', x'', '[]', '', 'x', NULL, 0.39759226487858457),"
                            + " ('us', 2, 5.00, 2.5, '1999-12-31 23:59:59.999', '2038-01-19 03:14:07',"
                            + "  NULL, NULL, NULL, NULL, NULL, NULL, '2000-01-01', NULL),"
                            + " ('EU', 3, 0.00, 0, NULL, NULL, 1, b'0', x'ff', '{}', 'é ☃ \uD83D\uDE00', 'abcd', NULL,"
                            + "  -2.5E-300)");
        }
        try (Connection target = dst.connect()) {
            Sql.run(
                    target,
                    "CREATE SCHEMA \"" + schema + "\"",
                    "CREATE TABLE \""
                            + schema
                            + "\".orders "
                            + warehouse.either(PG_ORDERS, REDSHIFT_ORDERS),
                    "INSERT INTO \""
                            + schema
                            + "\".orders VALUES"
                            + warehouse.either(PG_ORDERS_ROWS, REDSHIFT_ORDERS_ROWS)
                            // deleted in the source, kept by the sink as a soft delete
                            + " ('eu', 99, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                            + " NULL, 5, true)");
        }
        String table = Pattern.quote(src.name()) + "\\.orders";

        VerifyRun equal =
                VerifyRun.of(src, dst, "--tables", table, "--soft-delete", table, "--no-progress");
        assertThat(equal.exitCode()).isZero();
        assertThat(equal.out())
                .contains("EQUAL", "rows 4 / 4", "1 tables: 1 equal, 0 different, 0 errors");

        VerifyRun strict = VerifyRun.of(src, dst, "--tables", table, "--no-progress");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("extra in target    (region='eu', id='99')");

        try (Connection target = dst.connect()) {
            String t = "\"" + schema + "\".orders";
            Sql.run(
                    target,
                    "UPDATE " + t + " SET amount = 10.60 WHERE region = 'eu' AND id = 1",
                    "UPDATE " + t + " SET note = NULL WHERE id = 18446744073709551615",
                    "DELETE FROM " + t + " WHERE region = 'us' AND id = 2",
                    "INSERT INTO " + t + " (region, id, _b2r_deleted) VALUES ('zz', 9, false)");
        }
        VerifyRun different =
                VerifyRun.of(src, dst, "--tables", table, "--soft-delete", table, "--no-progress");
        assertThat(different.exitCode()).isEqualTo(1);
        assertThat(different.out())
                .contains("DIFFERENT")
                .contains("1 missing in target, 1 extra in target, 2 changed")
                .contains(
                        "changed            (region='eu', id='1')  amount: source '10.50', target '10.60'")
                .contains(
                        "changed            (region='eu', id='18446744073709551615')  note: source '', target NULL")
                .contains("missing in target  (region='us', id='2')")
                .contains("extra in target    (region='zz', id='9')");
    }

    /**
     * The value mappings of docs/tables.md that the drivers do not print alike: YEAR (Connector/J
     * prints {@code 1901-01-01}), spatial values (SRID + WKB bytes in BYTEA/VARBYTE), the zero date
     * (NULL in the target), BIT(n) and BIT(1), SET and ENUM, TIME beyond 24 hours (VARCHAR(17)).
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void documentedValueMappingsCompareEqualAndEachWrongValueIsNamed(
            Warehouse warehouse, LocalStack stack, MySqlDatabase src) throws Exception {
        WarehouseDatabase dst = warehouse.newDatabase(stack, "verify");
        String schema = src.name().toLowerCase();
        try (Connection my = src.connect()) {
            Sql.run(
                    my,
                    "SET SESSION sql_mode = ''",
                    "CREATE TABLE kinds (id INT NOT NULL PRIMARY KEY, y YEAR, g POINT, d DATE,"
                            + " dt DATETIME, b BIT(10), b1 BIT(1), s SET('a','b','c'), e ENUM('x','y'),"
                            + " t TIME(3))",
                    "INSERT INTO kinds VALUES"
                            + " (1, 1901, ST_GeomFromText('POINT(1 2)'), '0000-00-00',"
                            + "  '0000-00-00 00:00:00', b'1000000001', b'1', 'a,c', 'y', '838:59:59.000'),"
                            + " (2, 2155, NULL, '2024-02-29', '2024-02-29 01:02:03', b'0', b'0', '', 'x',"
                            + "  '-12:00:00.500')");
        }
        String point = "00000000" + "0101000000" + "000000000000f03f" + "0000000000000040";
        String kinds = "\"" + schema + "\".kinds";
        try (Connection target = dst.connect()) {
            Sql.run(
                    target,
                    "CREATE SCHEMA \"" + schema + "\"",
                    "CREATE TABLE "
                            + kinds
                            + warehouse.either(
                                    " (id INTEGER PRIMARY KEY, y SMALLINT, g BYTEA, d DATE,"
                                            + " dt TIMESTAMP, b BYTEA, b1 BOOLEAN, s TEXT,"
                                            + " e VARCHAR(255), t VARCHAR(17))",
                                    " (id INTEGER PRIMARY KEY, y SMALLINT, g VARBYTE(16777216),"
                                            + " d DATE, dt TIMESTAMP, b VARBYTE(2), b1 BOOLEAN,"
                                            + " s VARCHAR(65535), e VARCHAR(1020), t VARCHAR(17))"),
                    "INSERT INTO "
                            + kinds
                            + " VALUES (1, 1901, "
                            + hex(warehouse, point)
                            + ", NULL, NULL, "
                            + hex(warehouse, "0201")
                            + ", true, 'a,c', 'y', '838:59:59.000'),"
                            + " (2, 2155, NULL, '2024-02-29', '2024-02-29 01:02:03', "
                            + hex(warehouse, "00")
                            + ", false, '', 'x', '-12:00:00.500')");
        }
        String table = Pattern.quote(src.name()) + "\\.kinds";
        VerifyRun equal = VerifyRun.of(src, dst, "--tables", table, "--no-progress");
        assertThat(equal.out()).contains("EQUAL", "rows 2 / 2");
        assertThat(equal.exitCode()).isZero();

        try (Connection target = dst.connect()) {
            Sql.run(
                    target,
                    "UPDATE "
                            + kinds
                            + " SET y = 1902, g = "
                            + hex(warehouse, point.replace("f03f", "0040"))
                            + ", d = '2000-01-01', b = "
                            + hex(warehouse, "0200")
                            + ", s = 'a', t = '838:59:58.000' WHERE id = 1",
                    "UPDATE " + kinds + " SET dt = NULL, e = 'y', b1 = true WHERE id = 2");
        }
        VerifyRun different = VerifyRun.of(src, dst, "--tables", table, "--no-progress");
        assertThat(different.exitCode()).isEqualTo(1);
        assertThat(different.out())
                .contains("0 missing in target, 0 extra in target, 2 changed")
                .contains("y: source '1901', target '1902'")
                .contains("g: source '" + point + "', target '")
                .contains("d: source NULL, target '2000-01-01'")
                .contains("b: source '513', target '512'")
                .contains("s: source 'a,c', target 'a'")
                .contains("t: source '838:59:59.000000', target '838:59:58.000000'")
                .contains("dt: source '2024-02-29 01:02:03.000000', target NULL")
                .contains("e: source 'x', target 'y'")
                .contains("b1: source '0', target '1'");
    }

    private static String hex(Warehouse warehouse, String hex) {
        return warehouse.either("'\\x" + hex + "'::bytea", "FROM_HEX('" + hex + "')");
    }

    /**
     * {@code --sink-config}: the sink's own properties file decides the tables (exclude rules),
     * their targets (naming, a rule's target_table) and modes (soft_delete, skip_delete, a keyless
     * table kept as a change log is not compared).
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void theSinksPropertiesFileGivesNamesAndModes(
            Warehouse warehouse, LocalStack stack, MySqlDatabase src, @TempDir Path dir)
            throws Exception {
        WarehouseDatabase dst = warehouse.newDatabase(stack, "verify");
        String schema = src.name().toLowerCase();
        try (Connection my = src.connect()) {
            Sql.run(
                    my,
                    "CREATE TABLE sd (id INT PRIMARY KEY, v VARCHAR(10))",
                    "CREATE TABLE sk (id INT PRIMARY KEY, v VARCHAR(10))",
                    "CREATE TABLE ren (id INT PRIMARY KEY, v VARCHAR(10))",
                    "CREATE TABLE gone (id INT PRIMARY KEY)",
                    "CREATE TABLE lg (a INT)",
                    "INSERT INTO sd VALUES (1, 'a')",
                    "INSERT INTO sk VALUES (1, 'a')",
                    "INSERT INTO ren VALUES (1, 'a')",
                    "INSERT INTO gone VALUES (1)",
                    "INSERT INTO lg VALUES (1), (1)");
        }
        String s = "\"" + schema + "\".";
        try (Connection target = dst.connect()) {
            Sql.run(
                    target,
                    "CREATE SCHEMA \"" + schema + "\"",
                    "CREATE TABLE "
                            + s
                            + "sd (id INT PRIMARY KEY, v VARCHAR(10), _b2r_deleted BOOLEAN)",
                    "INSERT INTO " + s + "sd VALUES (1, 'a', false), (2, 'b', true)",
                    "CREATE TABLE " + s + "sk (id INT PRIMARY KEY, v VARCHAR(10))",
                    "INSERT INTO " + s + "sk VALUES (1, 'a'), (2, 'b')",
                    "CREATE TABLE " + s + "renamed (id INT PRIMARY KEY, v VARCHAR(10))",
                    "INSERT INTO " + s + "renamed VALUES (1, 'a')",
                    "CREATE TABLE " + s + "lg (a INT, _b2r_op VARCHAR(1))",
                    "INSERT INTO " + s + "lg VALUES (1, 'c')");
        }
        String db = src.name(); // [a-z0-9_]: a regex matching itself
        Path properties = dir.resolve("redshift-sink.properties");
        Files.writeString(
                properties,
                "kafka.bootstrap-servers=localhost:9092\n"
                        + "kafka.topic-pattern=cdc_.*\n"
                        + "sink.redshift.secret-id=test/redshift\n"
                        + "sink.redshift.iam-role=arn:aws:iam::123456789012:role/copy\n"
                        + "sink.staging.path=s3://bucket/staging/\n"
                        + "sink.target-naming=SCHEMA_PER_DATABASE\n"
                        + "sink.tables=[{\"db\":\""
                        + db
                        + "\",\"table\":\"sd\",\"soft_delete\":true},"
                        + "{\"db\":\""
                        + db
                        + "\",\"table\":\"sk\",\"skip_delete\":true},"
                        + "{\"db\":\""
                        + db
                        + "\",\"table\":\"ren\",\"target_table\":\"renamed\"},"
                        + "{\"db\":\""
                        + db
                        + "\",\"table\":\"lg\",\"keyless\":\"append\"},"
                        + "{\"db\":\""
                        + db
                        + "\",\"table\":\"gone\",\"exclude\":true}]\n");
        String tables = Pattern.quote(src.name()) + "\\..*";

        VerifyRun run =
                VerifyRun.of(
                        src,
                        dst,
                        "--tables",
                        tables,
                        "--sink-config",
                        properties.toString(),
                        "--no-progress");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("3 tables: 3 equal, 0 different, 0 errors")
                .contains("note: 1 extra target rows allowed by skip_delete")
                .contains(
                        "lg: not compared, the sink keeps this table without a key as a change log")
                .doesNotContain("gone");

        // without the sink's file the same tables differ or have no target
        VerifyRun plain = VerifyRun.of(src, dst, "--tables", tables, "--no-progress");
        assertThat(plain.exitCode()).isNotZero();
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void manyRowsOnlyTheDifferingChunkIsReadAgain(
            Warehouse warehouse, LocalStack stack, MySqlDatabase src) throws Exception {
        WarehouseDatabase dst = warehouse.newDatabase(stack, "verify");
        String schema = src.name().toLowerCase();
        try (Connection my = src.connect()) {
            Sql.run(
                    my,
                    "CREATE TABLE big (id INT NOT NULL PRIMARY KEY, v VARCHAR(20), n DECIMAL(12,3))",
                    "INSERT INTO big SELECT seq, CONCAT('v', seq), seq * 1.5 FROM seq_1_to_20000");
        }
        try (Connection target = dst.connect()) {
            String s = "\"" + schema + "\".";
            // No generate_series: Redshift runs it on the leader node only, never into a table.
            Sql.run(
                    target,
                    "CREATE SCHEMA \"" + schema + "\"",
                    "CREATE TABLE " + s + "digits (d INT)",
                    "INSERT INTO "
                            + s
                            + "digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)",
                    "CREATE TABLE "
                            + s
                            + "big (id INT PRIMARY KEY, v VARCHAR(20), n NUMERIC(12,3))",
                    "INSERT INTO "
                            + s
                            + "big SELECT g, 'v' || CAST(g AS VARCHAR(10)), g * 1.5 FROM (SELECT"
                            + " a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 1 AS g FROM "
                            + s
                            + "digits a, "
                            + s
                            + "digits b, "
                            + s
                            + "digits c, "
                            + s
                            + "digits e, "
                            + s
                            + "digits f) n WHERE g <= 20000",
                    "UPDATE " + s + "big SET v = 'changed' WHERE id = 12345");
        }
        VerifyRun run =
                VerifyRun.of(
                        src,
                        dst,
                        "--tables",
                        Pattern.quote(src.name()) + "\\.big",
                        "--chunk-size",
                        "1000");
        assertThat(run.exitCode()).isEqualTo(1);
        // chunk (12000, 13000] on both sides: 2 x 1000 rows, not the whole table
        assertThat(run.out())
                .contains("rows 20000 / 20000, chunks 20, 1 differ (2000 rows re-read)")
                .contains("changed            (id='12345')  v: source 'v12345', target 'changed'");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void ignoreDdlAndSkipDeleteTurnDifferencesIntoNotes(
            Warehouse warehouse, LocalStack stack, MySqlDatabase src) throws Exception {
        WarehouseDatabase dst = warehouse.newDatabase(stack, "verify");
        String schema = src.name().toLowerCase();
        try (Connection my = src.connect()) {
            Sql.run(
                    my,
                    "CREATE TABLE m (id INT PRIMARY KEY, name VARCHAR(10), added INT)",
                    "INSERT INTO m VALUES (1, 'a', 10), (2, 'b', 20)");
        }
        try (Connection target = dst.connect()) {
            Sql.run(
                    target,
                    "CREATE SCHEMA \"" + schema + "\"",
                    "CREATE TABLE \""
                            + schema
                            + "\".m (id INT PRIMARY KEY, name VARCHAR(10), legacy TEXT)",
                    "INSERT INTO \""
                            + schema
                            + "\".m VALUES (1, 'a', 'x'), (2, 'b', 'y'), (3, 'c', 'z')");
        }
        String table = Pattern.quote(src.name()) + "\\.m";
        VerifyRun strict = VerifyRun.of(src, dst, "--tables", table, "--no-progress");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out())
                .contains(
                        "note: source columns missing in the target: [added]",
                        "extra in target    (id='3')");

        VerifyRun lenient =
                VerifyRun.of(
                        src,
                        dst,
                        "--tables",
                        table,
                        "--ignore-ddl",
                        table,
                        "--skip-delete",
                        table,
                        "--no-progress");
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out())
                .contains(
                        "EQUAL",
                        "note: 1 extra target rows allowed by skip_delete",
                        "note: source columns missing in the target: [added] (ignore_ddl: not compared)",
                        "note: target columns not in the source, not compared: [legacy]");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aTableWithoutAKeyIsComparedAsAMultiset(
            Warehouse warehouse, LocalStack stack, MySqlDatabase src) throws Exception {
        WarehouseDatabase dst = warehouse.newDatabase(stack, "verify");
        String schema = src.name().toLowerCase();
        try (Connection my = src.connect()) {
            Sql.run(
                    my,
                    "CREATE TABLE bag (a INT, b VARCHAR(10), doc JSON)",
                    "INSERT INTO bag VALUES (1, 'x', '{\"k\": 1}'), (1, 'x', '{\"k\": 1}'),"
                            + " (2, NULL, NULL), (3, 'y', '[1]'), (3, 'y', '[1]'), (3, 'y', '[1]'),"
                            + " (3, 'y', '[2]')");
        }
        String bag = "\"" + schema + "\".bag";
        String row1 =
                warehouse.either("(1, 'x', '{\"k\":1}')", "(1, 'x', JSON_PARSE('{\"k\":1}'))");
        String row2 = "(2, NULL, NULL)";
        String row3 = warehouse.either("(3, 'y', '[1]')", "(3, 'y', JSON_PARSE('[1]'))");
        String row4 = warehouse.either("(3, 'y', '[2]')", "(3, 'y', JSON_PARSE('[2]'))");
        try (Connection target = dst.connect()) {
            Sql.run(
                    target,
                    "CREATE SCHEMA \"" + schema + "\"",
                    "CREATE TABLE "
                            + bag
                            + warehouse.either(
                                    " (a INTEGER, b VARCHAR(10), doc JSONB, _b2r_pos VARCHAR(40),"
                                            + " _b2r_ts TIMESTAMPTZ)",
                                    " (a INTEGER, b VARCHAR(40), doc SUPER, _b2r_pos VARCHAR(40),"
                                            + " _b2r_ts TIMESTAMPTZ)"),
                    "INSERT INTO "
                            + bag
                            + " (a, b, doc) VALUES "
                            + row3
                            + ", "
                            + row1
                            + ", "
                            + row4
                            + ", "
                            + row3
                            + ", "
                            + row2
                            + ", "
                            + row1
                            + ", "
                            + row3);
        }
        String table = Pattern.quote(src.name()) + "\\.bag";

        VerifyRun equal = VerifyRun.of(src, dst, "--tables", table, "--no-progress");
        assertThat(equal.exitCode()).isZero();
        assertThat(equal.out()).contains("EQUAL", "rows 7 / 7");

        try (Connection target = dst.connect()) {
            Sql.run(
                    target,
                    "DELETE FROM " + bag + " WHERE a = 1",
                    "INSERT INTO "
                            + bag
                            + " (a, b, doc) VALUES "
                            + row1
                            + ", "
                            + row2
                            + ", "
                            + row2);
        }
        VerifyRun different = VerifyRun.of(src, dst, "--tables", table, "--no-progress");
        assertThat(different.exitCode()).isEqualTo(1);
        assertThat(different.out())
                .contains("DIFFERENT", "rows 7 / 8")
                .contains("1 missing in target, 2 extra in target, 0 changed")
                .contains("missing in target  (a='1', b='x', doc=")
                .contains("extra in target    (a='2', b=NULL, doc=NULL)  x2");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void errorsExitWithTwoAndNeverPrintThePassword(
            Warehouse warehouse, LocalStack stack, MySqlDatabase src) throws Exception {
        WarehouseDatabase dst = warehouse.newDatabase(stack, "verify");
        MySqlDatabase wrong =
                new MySqlDatabase(
                        src.host(),
                        src.port(),
                        src.name(),
                        src.user(),
                        "not-the-password-42",
                        src.cdcUser(),
                        src.cdcPassword());
        VerifyRun denied = VerifyRun.of(wrong, dst, "--no-progress");
        assertThat(denied.exitCode()).isEqualTo(2);
        assertThat(denied.err()).contains("cannot connect to the source");
        assertThat(denied.out() + denied.err()).doesNotContain("not-the-password-42");
    }
}
