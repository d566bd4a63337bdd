package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.internal.TableStaging;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixtures for the schema-evolution and mode ITCases: committables staged by the writer's own
 * {@link TableStaging} from DDL and row events in the order given, sessions with a policy, and
 * catalog read-back.
 */
final class Evolving {

    static final TargetTable ORDERS = new TargetTable("shop", "orders");

    private Evolving() {}

    static ColumnDef col(String name, String type, Integer length, Integer scale) {
        return ColumnDef.of(name, type, length, scale, !name.equals("id"));
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static ChangeEvent ddl(String sql, long position, List<ColumnDef> cols, List<String> pk) {
        return ChangeEvent.schemaChange(
                StagedBatches.SOURCE, sql, StagedBatches.pos(position), 0, pk, cols);
    }

    static TableCommittable stage(
            SinkTarget target,
            TargetTable t,
            long checkpoint,
            TableMode mode,
            List<ChangeEvent> events)
            throws Exception {
        TableStaging s = staging(target, t, mode);
        for (ChangeEvent e : events) {
            s.add(e);
        }
        return s.finish().withCheckpointId(checkpoint);
    }

    /** The writer's staging of one table into the target's staging directory. */
    static TableStaging staging(SinkTarget target, TargetTable t, TableMode mode) {
        return new TableStaging(
                t, target.stagingUri(), 0, true, target.dialect().binaryPrefix(), mode);
    }

    static WarehouseSession session(SinkTarget db, SchemaPolicy policy) {
        return session(db, db.dialect(), policy);
    }

    static WarehouseSession session(SinkTarget db, SqlDialect dialect, SchemaPolicy policy) {
        return session(db, dialect, policy, null);
    }

    /** With {@code shapes}: a committer's session that caches verified table shapes. */
    static WarehouseSession session(
            SinkTarget db, SqlDialect dialect, SchemaPolicy policy, ShapeCache shapes) {
        var executor =
                new MergeExecutor(
                        dialect,
                        db.stageLoader(),
                        "job-1",
                        false,
                        policy,
                        shapes,
                        MergeExecutor.StepHook.NONE);
        return new WarehouseSession(
                new ConnectionProvider(db.connection()),
                executor,
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    static SchemaPolicy policy(
            SchemaPolicy.DropColumn drop,
            SchemaPolicy.TypeChange change,
            SchemaPolicy.DropTable dropTable) {
        SchemaPolicy d = SchemaPolicy.defaults();
        return new SchemaPolicy(
                drop, change, dropTable, d.truncateTable(), d.oversize(), d.distStyle());
    }

    /** {@code name type} per column, in table order, e.g. {@code note character varying(300)}. */
    static List<String> columns(SinkTarget db, TargetTable t) throws SQLException {
        return Rows.query(
                db,
                "SELECT column_name || ' ' || data_type"
                        + " || COALESCE('(' || character_maximum_length || ')', '')"
                        + " || CASE WHEN data_type = 'numeric' THEN '(' || numeric_precision || ','"
                        + " || numeric_scale || ')' ELSE '' END"
                        + " FROM information_schema.columns WHERE table_schema = '"
                        + t.schema()
                        + "' AND table_name = '"
                        + t.name()
                        // no LIKE escape: backslashes in literals differ between the targets
                        + "' AND left(column_name, 5) <> '_b2r_' ORDER BY ordinal_position");
    }
}
