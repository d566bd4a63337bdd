package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.JobCommandLine;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.source.SourceConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Job 1: MySQL/MariaDB binlog -> Kafka. Reads its configuration (see {@link SourceOptions}), checks
 * the server ({@link SourcePreflight}), then runs {@link CdcSourceTopology}.
 */
public final class CdcSourceJob {

    private CdcSourceJob() {}

    /** A configuration error prints one line and exits 2 (see {@link JobCommandLine#main}). */
    public static void main(String[] args) throws Exception {
        JobCommandLine.main(args, CdcSourceJob::run);
    }

    private static void run(String[] args) throws Exception {
        SourceConfig config = JobCommandLine.parse(args, SourceOptions.ALL, SourceConfig::from);
        SourcePreflight.check(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CdcSourceTopology.build(env, config);
        env.execute(config.pipeline().jobName());
    }
}
