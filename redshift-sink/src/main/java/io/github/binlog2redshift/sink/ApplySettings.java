package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.RetryPolicy;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.sink.route.TableModes;
import java.io.Serializable;

/**
 * Everything the staging writer and the committer need, checked by {@link WarehouseSink.Builder}.
 *
 * @param stagingPath where staged files go, a Flink file system URI ending in {@code /}
 * @param copy Redshift's COPY options; null for PostgreSQL, which loads through the committer
 * @param jobId the job's identity in the commit ledger: keep it across restarts of one pipeline,
 *     never share it between two
 * @param modes each source table's mode (its {@code sink.tables} rule)
 * @param policy what schema changes do ({@code sink.schema.*})
 */
public record ApplySettings(
        ConnectionSettings connection,
        CopyOptions copy,
        String stagingPath,
        boolean gzip,
        String jobId,
        int maxParallelTables,
        RetryPolicy retry,
        TableModes modes,
        SchemaPolicy policy)
        implements Serializable {

    public WarehouseKind kind() {
        return connection.kind();
    }
}
