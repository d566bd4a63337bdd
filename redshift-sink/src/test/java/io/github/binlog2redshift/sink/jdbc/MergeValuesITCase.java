package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.StagedBatches.delete;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TargetTable;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Composite keys, awkward values and added columns, through staged CSV into each target. */
@ExtendWith(LocalStackExtension.class)
class MergeValuesITCase {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void compositeKeys(Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        List<ColumnDef> cols =
                List.of(
                        ColumnDef.of("order\"id", "INT UNSIGNED", null, null, false),
                        ColumnDef.of("Line", "SMALLINT", null, null, false),
                        ColumnDef.of("qty", "DECIMAL", 12, 3, true));
        List<String> pk = List.of("order\"id", "Line");
        TargetTable t = new TargetTable("We\"ird", "line items");
        try (WarehouseSession s = MergeExecutorITCase.session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            List.of(
                                    upsert(cols, pk, 10, line(1, 1, "1.500")),
                                    upsert(cols, pk, 11, line(1, 2, "2.000")),
                                    upsert(cols, pk, 12, line(2, 1, "3.000")))));
            s.apply(
                    stage(
                            db,
                            t,
                            2,
                            List.of(
                                    upsert(cols, pk, 20, line(1, 2, "9.999")),
                                    delete(cols, pk, 21, line(2, 1, "3.000")))));
        }
        assertThat(Rows.of(db, t)).containsExactly("1|1|1.500", "1|2|9.999");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void awkwardValuesSurviveTheRoundTrip(Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        List<ColumnDef> cols =
                List.of(
                        ColumnDef.of("id", "BIGINT UNSIGNED", null, null, false),
                        ColumnDef.of("txt", "TEXT", null, null, true),
                        ColumnDef.of("doc", "JSON", null, null, true),
                        ColumnDef.of("bin", "BLOB", null, null, true),
                        ColumnDef.of("at", "TIMESTAMP", 3, null, true),
                        ColumnDef.of("flag", "BIT", 1, null, true));
        List<String> pk = List.of("id");
        TargetTable t = new TargetTable("shop", "values");
        String nasty = "a,b \"quoted\"\nnew line\r\n back\\slash \\N tab\t ünï©ødé 🚀";
        try (WarehouseSession s = MergeExecutorITCase.session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            List.of(
                                    upsert(
                                            cols,
                                            pk,
                                            10,
                                            values(
                                                    new BigInteger("18446744073709551615"),
                                                    nasty,
                                                    "{\"k\": \"v\\\\w\\\"x\"}",
                                                    "AP8Q",
                                                    "2024-01-31T12:34:56.123Z",
                                                    true)),
                                    upsert(
                                            cols,
                                            pk,
                                            11,
                                            values(BigInteger.ONE, "", null, "", null, false)),
                                    upsert(
                                            cols,
                                            pk,
                                            12,
                                            values(
                                                    BigInteger.TWO,
                                                    null,
                                                    "null",
                                                    null,
                                                    null,
                                                    null)))));
        }
        // JSON is PostgreSQL's json (kept as written) or Redshift's SUPER (serialised without
        // spaces); binary is BYTEA or VARBYTE, each read back as hex with its own function.
        String json = db.either("doc::text", "JSON_SERIALIZE(doc)");
        String hex = db.either("encode(bin, 'hex')", "TO_HEX(bin)");
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, txt, "
                                        + json
                                        + ", "
                                        + hex
                                        + ", to_char(\"at\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), flag,"
                                        + " txt IS NULL, bin IS NULL FROM shop.\"values\" ORDER BY id"))
                .containsExactly(
                        "1||null||null|f|f|f",
                        "2|null|null|null|null|null|t|t",
                        "18446744073709551615|"
                                + nasty
                                + "|"
                                + db.either("{\"k\": \"v\\\\w\\\"x\"}", "{\"k\":\"v\\\\w\\\"x\"}")
                                + "|00ff10"
                                + "|2024-01-31 12:34:56.123|t|f|f");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void columnsInTheStagedDataAreAddedToTheTarget(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        List<ColumnDef> v1 = List.of(ColumnDef.of("id", "INT", null, null, false));
        List<ColumnDef> v2 = List.of(v1.get(0), ColumnDef.of("extra", "VARCHAR", 5, null, true));
        TargetTable t = new TargetTable("shop", "evolving");
        try (WarehouseSession s = MergeExecutorITCase.session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(stage(db, t, 1, List.of(upsert(v1, List.of("id"), 10, Map.of("id", 1L)))));
            s.apply(
                    stage(
                            db,
                            t,
                            2,
                            List.of(
                                    upsert(
                                            v2,
                                            List.of("id"),
                                            20,
                                            Map.of("id", 2L, "extra", "x")))));
        }
        assertThat(Rows.of(db, t)).containsExactly("1|null", "2|x");
    }

    private static Map<String, Object> line(long order, long line, String qty) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order\"id", order);
        m.put("Line", line);
        m.put("qty", qty);
        return m;
    }

    private static Map<String, Object> values(
            BigInteger id, String txt, String doc, String bin, String at, Boolean flag) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("txt", txt);
        m.put("doc", doc);
        m.put("bin", bin);
        m.put("at", at);
        m.put("flag", flag);
        return m;
    }
}
