package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.workload.SinkTopics;
import io.github.binlog2redshift.bench.workload.SinkTopics.Prepared;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared topics of one sink workload, produced once per run and read by every scenario that
 * applies them (the headline workload by {@code sink-catch-up} into PostgreSQL and {@code
 * sink-catch-up-redshift} into the local Redshift), each run with its own consumer group: the same
 * records, and producing them twice into the same topics would repeat their source positions.
 */
public final class SinkInput {

    private static final Logger LOG = LoggerFactory.getLogger(SinkInput.class);

    /**
     * The topic prefix of the published workload, which two scenarios read (so a run keeps its
     * topics from one scenario to the next).
     */
    public static final String HEADLINE_PREFIX = "sinkin_";

    private final int tables;
    private final boolean deletes;
    private final String topicPrefix;
    private Prepared prepared;

    /**
     * @param tables tables of the workload; 0 for the sizes' {@code sinkTables}
     * @param deletes whether 5% of the events are deletes
     * @param topicPrefix the workload's topics are {@code <topicPrefix>tNNN}
     */
    private SinkInput(int tables, boolean deletes, String topicPrefix) {
        this.tables = tables;
        this.deletes = deletes;
        this.topicPrefix = topicPrefix;
    }

    /** A workload of {@code tables} tables (0: the sizes' count), with or without deletes. */
    public static SinkInput of(int tables, boolean deletes, String topicPrefix) {
        return new SinkInput(tables, deletes, topicPrefix);
    }

    /** The published workload: the sizes' table count, with deletes, in {@code sinkin_tNNN}. */
    public static SinkInput headline() {
        return new SinkInput(0, true, HEADLINE_PREFIX);
    }

    /** The workload's topics (both sinks subscribe by pattern, as deployed). */
    Pattern topicPattern() {
        return Pattern.compile(topicRegex());
    }

    String topicRegex() {
        return Pattern.quote(topicPrefix) + "t\\d+";
    }

    /** The topics, produced on the first call of the run. */
    synchronized Prepared get(BenchEnv env) throws Exception {
        if (prepared == null) {
            long start = System.nanoTime();
            int n = tables == 0 ? env.sizes().sinkTables() : tables;
            prepared =
                    SinkTopics.produce(
                            env.stack().kafka().bootstrapServers(),
                            topicPrefix,
                            n,
                            env.sizes().sinkEvents(),
                            deletes,
                            () -> {
                                for (int t = 1; t <= n; t++) {
                                    env.stack()
                                            .kafka()
                                            .createTopic(
                                                    topicPrefix + String.format("t%03d", t), 1);
                                }
                            });
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
                + " events (20% repeated keys, "
                + (in.deletes() ? "5% deletes" : "no deletes")
                + ")";
    }

    /** Fails with both counts when a target does not end with the workload's rows. */
    static void check(String who, long rows, long expected) {
        if (rows != expected) {
            throw new IllegalStateException(
                    who + " left " + rows + " rows, the workload ends with " + expected);
        }
    }
}
