package io.github.binlog2redshift.localstack;

import org.apache.flink.configuration.Configuration;

/** MiniCluster settings shared by the ITCases. */
final class FlinkTestConfig {
    private FlinkTestConfig() {}

    /** A failing job fails the test at once instead of restarting forever. */
    static Configuration noRestarts() {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "none");
        return conf;
    }
}
