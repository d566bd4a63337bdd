package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.workload.SinkTopics;
import io.github.binlog2redshift.bench.workload.SinkTopics.Prepared;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared topics of the sink catch-up, produced once per run and read by every scenario that
 * applies them ({@code sink-catch-up} into PostgreSQL, {@code sink-catch-up-redshift} into the
 * local Redshift), each with its own consumer group: the same records, and producing them twice
 * into the same topics would repeat their source positions.
 */
public final class SinkInput {

    private static final Logger LOG = LoggerFactory.getLogger(SinkInput.class);

    private Prepared prepared;

    /** The topics, produced on the first call of the run. */
    synchronized Prepared get(BenchEnv env) throws Exception {
        if (prepared == null) {
            long start = System.nanoTime();
            prepared =
                    SinkTopics.produce(
                            env.stack().kafka().bootstrapServers(),
                            env.sizes().sinkTables(),
                            env.sizes().sinkEvents(),
                            () -> createTopics(env));
            LOG.info(
                    "produced {} events to {} topics in {} ms",
                    prepared.events(),
                    prepared.topics().size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return prepared;
    }

    /** {@code 100 tables, 50000 events (20% repeated keys, 5% deletes)}. */
    static String describe(Prepared in) {
        return in.tables().size()
                + " tables, "
                + in.events()
                + " events (20% repeated keys, 5% deletes)";
    }

    /** Fails with both counts when a target does not end with the workload's rows. */
    static void check(String who, long rows, long expected) {
        if (rows != expected) {
            throw new IllegalStateException(
                    who + " left " + rows + " rows, the workload ends with " + expected);
        }
    }

    private static void createTopics(BenchEnv env) {
        for (int t = 1; t <= env.sizes().sinkTables(); t++) {
            env.stack().kafka().createTopic(SinkTopics.topic(String.format("t%03d", t)), 1);
        }
    }
}
