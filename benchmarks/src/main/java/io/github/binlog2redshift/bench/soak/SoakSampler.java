package io.github.binlog2redshift.bench.soak;

import io.github.binlog2redshift.bench.stack.MetricsCapture;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Takes {@link SoakSample}s: the JVM's heap after {@code System.gc()} (the MiniCluster runs in this
 * JVM), Flink's {@code lastCheckpointFullSize} of the job (falling back to {@code
 * lastCheckpointSize}) and the sink's counters through {@link MetricsCapture}, row counts of the
 * sink's side tables in the warehouse schema (read from {@code information_schema.tables}), and the
 * objects under the staging prefix, listed through Flink's file system as the sink writes them.
 */
final class SoakSampler {

    private final String jobName;
    private final WarehouseDatabase target;
    private final String schema;
    private final String stagingUri;
    private final long startMs = System.currentTimeMillis();

    SoakSampler(String jobName, WarehouseDatabase target, String schema, String stagingUri) {
        this.jobName = jobName;
        this.target = target;
        this.schema = schema;
        this.stagingUri = stagingUri;
    }

    SoakSample sample(long operations) throws SQLException, IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long checkpoint =
                MetricsCapture.sum(jobName, "lastCheckpointFullSize")
                        .orElse(MetricsCapture.sum(jobName, "lastCheckpointSize").orElse(-1));
        long ledger = 0;
        long tombstones = 0;
        long log = 0;
        try (Connection c = target.connect();
                Statement s = c.createStatement()) {
            for (String table : sideTables(s)) {
                long rows = count(s, table);
                if (table.endsWith("_b2r_ledger") || table.equals("_b2r_commit_ledger")) {
                    ledger += rows;
                } else if (table.endsWith("_b2r_deleted")) {
                    tombstones += rows;
                } else if (table.equals("_b2r_schema_log")) {
                    log += rows;
                }
            }
        }
        return new SoakSample(
                (System.currentTimeMillis() - startMs) / 1000,
                operations,
                heap,
                checkpoint,
                ledger,
                tombstones,
                log,
                objects(new Path(stagingUri)),
                MetricsCapture.sum("stagedFilesDeleted").orElse(0),
                MetricsCapture.sum("ledgerRowsPruned").orElse(0));
    }

    private List<String> sideTables(Statement s) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs =
                s.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                                + schema
                                + "' AND table_name LIKE '%b2r%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long count(Statement s, String table) throws SQLException {
        try (ResultSet rs =
                s.executeQuery("SELECT count(*) FROM \"" + schema + "\".\"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long objects(Path dir) throws IOException {
        FileSystem fs = dir.getFileSystem();
        if (!fs.exists(dir)) {
            return 0;
        }
        long n = 0;
        try {
            for (FileStatus f : fs.listStatus(dir)) {
                n += f.isDir() ? objects(f.getPath()) : 1;
            }
        } catch (FileNotFoundException e) {
            // the sink deleted the prefix's last file between the listing and this one
        }
        return n;
    }
}
