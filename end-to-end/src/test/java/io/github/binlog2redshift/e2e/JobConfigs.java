package io.github.binlog2redshift.e2e;

import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Both jobs' typed configurations, loaded from {@code key=value} settings exactly as the jobs load
 * a properties file, so the end-to-end tests also cover the option names and their mapping.
 */
final class JobConfigs {

    /** One replica server id per source job of this JVM: a cancelled reader may linger briefly. */
    private static final AtomicInteger SERVER_IDS = new AtomicInteger(5500);

    private JobConfigs() {}

    /** cdc-source: snapshot then binlog of {@code p}'s databases, EXACTLY_ONCE into its topic. */
    static SourceConfig source(PipelineResources p, String... extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source.hostname", p.db1().host());
        m.put("source.port", Integer.toString(p.db1().port()));
        m.put("source.username", p.db1().cdcUser());
        m.put("source.password", p.db1().cdcPassword());
        m.put("source.database-list", p.db1().name() + "," + p.db2().name());
        m.put("source.server-id", Integer.toString(SERVER_IDS.getAndIncrement()));
        m.put("kafka.bootstrap-servers", p.topic().bootstrapServers());
        m.put("kafka.topic", p.topic().name());
        m.put("kafka.dead-letter-topic", p.topic().name() + "-source-dlq");
        m.put("kafka.delivery-guarantee", "EXACTLY_ONCE");
        m.put("kafka.transactional-id-prefix", p.topic().name() + "-tx");
        m.put("pipeline.job-name", "cdc-source-" + p.jobId());
        m.put("pipeline.parallelism", "1");
        m.put("pipeline.checkpoint.interval", "1s");
        m.put("pipeline.restart-strategy", "NONE");
        put(m, extra);
        Settings s = Settings.of(m, Origin.propertiesFile("e2e-source.properties"));
        return SourceConfig.from(new ConfigLoader(SourceOptions.ALL).merge(List.of(s)));
    }

    /**
     * redshift-sink into the test's warehouse, configured as a user would (for Redshift a {@code
     * jdbc:redshift://} URL and COPY with an IAM role), with the default naming ({@code
     * public.<db>__<table>}), dead letters to a topic, and Flink restarting a failed job from its
     * last checkpoint.
     */
    static SinkConfig sink(PipelineResources p, String... extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kafka.bootstrap-servers", p.topic().bootstrapServers());
        m.put("kafka.topics", p.topic().name());
        m.put("kafka.starting-offsets", "EARLIEST");
        m.putAll(p.warehouse().sinkSettings());
        m.put("sink.staging.path", p.s3().uri("staging/"));
        m.put("sink.job-id", p.jobId());
        m.put("sink.dead-letter.topic", p.deadLetterTopic());
        m.put("sink.commit.retry-backoff", "200ms");
        m.put("pipeline.job-name", "redshift-sink-" + p.jobId());
        m.put("pipeline.parallelism", "2");
        m.put("pipeline.checkpoint.interval", "1s");
        m.put("pipeline.restart-strategy", "FIXED_DELAY");
        m.put("pipeline.restart-strategy.attempts", "3");
        m.put("pipeline.restart-strategy.delay", "500ms");
        put(m, extra);
        Settings s = Settings.of(m, Origin.propertiesFile("e2e-sink.properties"));
        return SinkConfig.from(new ConfigLoader(SinkOptions.ALL).merge(List.of(s)));
    }

    private static void put(Map<String, String> m, String... entries) {
        for (String e : entries) {
            int eq = e.indexOf('=');
            m.put(e.substring(0, eq), e.substring(eq + 1));
        }
    }
}
