package io.github.binlog2redshift.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.source.kafka.PartitionCounts;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.junit.jupiter.api.Test;

/**
 * What the Flink UI shows of a submitted job (its job configuration and the execution config's
 * global job parameters) holds none of the job's secrets: they travel only inside the serialized
 * source and sink.
 */
class JobConfigurationSecretsTest {

    @Test
    void theSubmittedJobShowsNoSecret() {
        SourceConfig config =
                TestConfigs.source(
                        "source.password=pw-mysql-ui",
                        "source.ssl.mode=REQUIRED",
                        "source.ssl.trust-store=/etc/ca.p12",
                        "source.ssl.trust-store-password=pw-trust-ui",
                        "kafka.properties.sasl.jaas.config=x required password=\"pw-jaas-ui\";");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(CdcJobs.jobConfig());
        CdcSourceTopology.build(env, config, PartitionCounts.fixed(1));
        StreamGraph graph = env.getStreamGraph();
        JobGraph job = graph.getJobGraph();

        String shown =
                job.getJobConfiguration().toMap()
                        + " "
                        + graph.getExecutionConfig().getGlobalJobParameters().toMap()
                        + " "
                        + env.getConfiguration().toMap()
                        + " "
                        + job.getName();
        assertThat(shown).doesNotContain("pw-mysql-ui", "pw-trust-ui", "pw-jaas-ui");
        assertThat(graph.getExecutionConfig().getGlobalJobParameters().toMap()).isEmpty();
    }
}
