package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/** Configuration and start-up of the cdc-source job for the tests. */
final class CdcJobs {

    private CdcJobs() {}

    /**
     * The job configuration of every test: without generic types, so a type that would fall back to
     * Kryo fails the build of the job graph instead of being serialized by Kryo.
     */
    static Configuration jobConfig() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /** A failing job fails the test at once instead of restarting forever. */
    static Configuration miniClusterConfig() {
        Configuration conf = jobConfig();
        conf.setString("restart-strategy.type", "none");
        return conf;
    }

    /** The options every ITCase job uses; {@code extra} adds or overrides. */
    static Map<String, String> options(
            MySqlDatabase db, KafkaTopic topic, String serverIds, String... extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source.hostname", db.host());
        m.put("source.port", Integer.toString(db.port()));
        m.put("source.username", db.cdcUser());
        m.put("source.password", db.cdcPassword());
        m.put("source.database-list", db.name());
        m.put("source.server-id", serverIds);
        m.put("kafka.bootstrap-servers", topic.bootstrapServers());
        m.put("kafka.topic", topic.name());
        m.put("pipeline.restart-strategy", "NONE");
        m.put("pipeline.checkpoint.interval", "1s");
        m.put("pipeline.parallelism", "1");
        for (String e : extra) {
            int eq = e.indexOf('=');
            m.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return m;
    }

    static JobClient start(SourceConfig config) throws Exception {
        return start(config, null);
    }

    /** Starts the job, restoring from a retained checkpoint when {@code restorePath} is set. */
    static JobClient start(SourceConfig config, String restorePath) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(jobConfig());
        CdcSourceTopology.build(env, config);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName("cdc-source-it");
        if (restorePath != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(restorePath, false));
        }
        return env.executeAsync(graph);
    }

    /** The newest completed checkpoint under {@code root} ({@code chk-N} with its metadata). */
    static String latestCheckpoint(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .max(
                            Comparator.comparingInt(
                                    p -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .map(Path::toString)
                    .orElseThrow(() -> new AssertionError("no completed checkpoint in " + root));
        }
    }

    static void sql(MySqlDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
