package io.github.binlog2redshift.bench.stack;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that keeps every registered metric in a static map, so the harness, which
 * runs the MiniCluster in its own JVM, can read operator counters and RocksDB gauges directly: no
 * REST polling, no log parsing.
 */
public final class MetricsCapture implements MetricReporter {

    private static final Map<String, Metric> METRICS = new ConcurrentHashMap<>();

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        METRICS.put(group.getMetricIdentifier(name), metric);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // Kept on purpose: a bounded job removes its metrics when it finishes, possibly before the
        // harness read the final count. Identifiers carry the job name, so runs do not mix.
    }

    /**
     * Sum of the numeric metrics whose identifier contains every one of {@code parts} (e.g. an
     * operator name and {@code numRecordsIn}), over all subtasks; empty when none is registered.
     */
    public static OptionalLong sum(String... parts) {
        long total = 0;
        boolean any = false;
        for (Map.Entry<String, Metric> e : METRICS.entrySet()) {
            if (!containsAll(e.getKey(), parts)) {
                continue;
            }
            Long v = value(e.getValue());
            if (v != null) {
                total += v;
                any = true;
            }
        }
        return any ? OptionalLong.of(total) : OptionalLong.empty();
    }

    /** Like {@link #sum(String...)}, for identifiers matching {@code pattern} (find, not match). */
    public static OptionalLong sum(java.util.regex.Pattern pattern) {
        long total = 0;
        boolean any = false;
        for (Map.Entry<String, Metric> e : METRICS.entrySet()) {
            Long v = pattern.matcher(e.getKey()).find() ? value(e.getValue()) : null;
            if (v != null) {
                total += v;
                any = true;
            }
        }
        return any ? OptionalLong.of(total) : OptionalLong.empty();
    }

    private static boolean containsAll(String id, String[] parts) {
        for (String p : parts) {
            if (!id.contains(p)) {
                return false;
            }
        }
        return true;
    }

    private static Long value(Metric m) {
        if (m instanceof Counter c) {
            return c.getCount();
        }
        if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    /** Named by {@code metrics.reporter.<name>.factory.class}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(java.util.Properties properties) {
            return new MetricsCapture();
        }
    }
}
