package io.github.binlog2redshift.e2e;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The MiniCluster each end-to-end class shares: room for both jobs at once (source 1 slot, sink 2
 * slots) plus a replay sink job. Jobs choose their own restart strategy; the cluster's default is
 * none, so a job that did not ask for restarts fails the test at once.
 */
final class EndToEndCluster {

    private EndToEndCluster() {}

    static MiniClusterExtension extension() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setConfiguration(conf)
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(6)
                        .build());
    }
}
