package io.github.binlog2redshift.bench.ours;

import io.github.binlog2redshift.bench.KafkaClients;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.TopicCounter;
import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.source.CdcSourceTopology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Job 1 (cdc-source) as the benchmark runs it: the real topology from its typed configuration, at
 * parallelism 1 (one binlog reader, as in production), AT_LEAST_ONCE so the topic's end offsets
 * count records without transaction markers.
 */
public final class OurSource {

    private OurSource() {}

    /** The options every run uses; {@code extra} ({@code key=value}) adds or overrides. */
    public static Map<String, String> options(
            MySqlDatabase db, String bootstrap, String topic, String serverIds, String... extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source.hostname", db.host());
        m.put("source.port", Integer.toString(db.port()));
        m.put("source.username", db.cdcUser());
        m.put("source.password", db.cdcPassword());
        m.put("source.database-list", db.name());
        // Flink CDC 3.5 requires a table list (MySqlSourceConfig rejects null).
        m.put("source.table-list", db.name() + "\\..*");
        m.put("source.server-id", serverIds);
        m.put("kafka.bootstrap-servers", bootstrap);
        m.put("kafka.topic", topic);
        m.put("kafka.delivery-guarantee", "AT_LEAST_ONCE");
        m.put("pipeline.restart-strategy", "NONE");
        m.put("pipeline.checkpoint.interval", "2s");
        m.put("pipeline.parallelism", "1");
        m.putAll(KafkaClients.prefixed("kafka.properties.", KafkaClients.producer()));
        for (String e : extra) {
            int eq = e.indexOf('=');
            m.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return m;
    }

    public static SourceConfig config(Map<String, String> values) {
        Settings s = Settings.of(values, Origin.propertiesFile("benchmark"));
        return SourceConfig.from(new ConfigLoader(SourceOptions.ALL).merge(List.of(s)));
    }

    public static JobClient start(String name, SourceConfig config) throws Exception {
        return FlinkRunner.start(name, FlinkRunner.baseConfig(1), 1, env -> build(env, config));
    }

    /**
     * Starts the job, waits until {@code topic} holds {@code expected} records and cancels it;
     * start-up is counted from before the start.
     */
    public static CatchUp catchUp(
            String name, SourceConfig config, KafkaTopic topic, long expected, Duration timeout)
            throws Exception {
        long start = System.nanoTime();
        JobClient job = start(name, config);
        try (TopicCounter counter =
                TopicCounter.of(topic.bootstrapServers(), List.of(topic.name()))) {
            return CatchUp.await(
                    name, counter::count, expected, Duration.ofMillis(200), timeout, start);
        } finally {
            FlinkRunner.cancel(job);
        }
    }

    public static void build(StreamExecutionEnvironment env, SourceConfig config) {
        CdcSourceTopology.build(env, config);
    }
}
