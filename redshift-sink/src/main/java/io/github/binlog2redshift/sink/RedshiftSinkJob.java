package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.JobCommandLine;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.sink.internal.SinkConfigMapping;
import io.github.binlog2redshift.sink.jdbc.ConnectionProvider;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Job 2: Kafka -> latest change per key -> S3 staged files -> COPY and DELETE/INSERT into Redshift
 * or PostgreSQL, exactly once through the commit ledger. Configuration: see {@link SinkOptions}
 * ({@code --help}).
 */
public final class RedshiftSinkJob {

    private RedshiftSinkJob() {}

    /** A configuration error prints one line and exits 2 (see {@link JobCommandLine#main}). */
    public static void main(String[] args) throws Exception {
        JobCommandLine.main(args, RedshiftSinkJob::run);
    }

    private static void run(String[] args) throws Exception {
        SinkConfig config = JobCommandLine.parse(args, SinkOptions.ALL, SinkConfig::from);
        new ConnectionProvider(SinkConfigMapping.connection(config)).resolveEarly();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RedshiftSinkTopology.build(env, config);
        env.execute(config.pipeline().jobName());
    }
}
