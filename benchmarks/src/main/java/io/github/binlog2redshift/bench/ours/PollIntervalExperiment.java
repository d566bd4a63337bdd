package io.github.binlog2redshift.bench.ours;

import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.MetricsCapture;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.source.MySqlSourceFactory;
import io.github.binlog2redshift.source.SourceChange;
import io.github.binlog2redshift.source.debezium.ChangeEventDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.table.StartupOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The snapshot of one table by Flink CDC's MySqlSource with our deserializer and Debezium
 * properties, plus one override, into a discarding sink: isolates the split reader from Kafka to
 * test a hypothesis about the per-chunk wait. The sampled stacks show the reader parked in
 * Debezium's {@code ChangeEventQueue.poll}, which waits up to {@code poll.interval.ms} (500 ms by
 * default) for records that will not come once a chunk is read, several times per chunk.
 */
public final class PollIntervalExperiment {

    private PollIntervalExperiment() {}

    /** Rows per second with {@code poll.interval.ms} set to {@code pollMs} (null: default). */
    public static double snapshotRate(
            MySqlDatabase db, String table, int chunk, long rows, Integer pollMs, String serverIds)
            throws Exception {
        Properties props = MySqlSourceFactory.debeziumProperties();
        if (pollMs != null) {
            props.setProperty("poll.interval.ms", Integer.toString(pollMs));
        }
        MySqlSource<SourceChange> source =
                MySqlSource.<SourceChange>builder()
                        .hostname(db.host())
                        .port(db.port())
                        .username(db.cdcUser())
                        .password(db.cdcPassword())
                        .serverTimeZone("UTC")
                        .databaseList(db.name())
                        .tableList(db.name() + "." + table)
                        .splitSize(chunk)
                        .serverId(serverIds)
                        .startupOptions(StartupOptions.snapshot())
                        .debeziumProperties(props)
                        .deserializer(new ChangeEventDeserializer(List.of()))
                        .build();
        String sinkName = "poll-" + (pollMs == null ? "default" : pollMs) + "-" + table;
        JobClient job =
                FlinkRunner.start(
                        "poll-interval-experiment",
                        FlinkRunner.baseConfig(1),
                        1,
                        env ->
                                env.fromSource(source, WatermarkStrategy.noWatermarks(), "cdc")
                                        .sinkTo(new DiscardingSink<>())
                                        .name(sinkName));
        try {
            Pattern in = Pattern.compile(Pattern.quote(sinkName) + ".*\\.\\d+\\.numRecordsIn$");
            return CatchUp.await(
                            "snapshot experiment",
                            () -> MetricsCapture.sum(in).orElse(0),
                            rows,
                            Duration.ofMillis(100),
                            Duration.ofMinutes(10))
                    .rate();
        } finally {
            FlinkRunner.cancel(job);
        }
    }
}
