package io.github.binlog2redshift.bench.result;

import java.util.List;
import java.util.Objects;

/**
 * One figure of a benchmark run.
 *
 * @param scenario what was measured, e.g. {@code source-catch-up}
 * @param system who was measured: {@link #OURS}, {@link #PEER} or a physical reference
 * @param metric the figure's name within the scenario, e.g. {@code events_per_s} or {@code p99_ms}
 * @param value the figure
 * @param unit its unit, for people
 * @param direction whether bigger is better (decides how a ratio reads)
 * @param note how it was obtained: sizes, settings, anything needed to read it right
 * @param runs the figures of the interleaved runs {@code value} is the median of, in run order;
 *     empty for a figure measured once (a reference, a latency window)
 */
public record Measurement(
        String scenario,
        String system,
        String metric,
        double value,
        String unit,
        Direction direction,
        String note,
        List<Double> runs) {

    /** This project's jobs. */
    public static final String OURS = "binlog2redshift";

    /** Debezium (MySQL/MariaDB source and JDBC sink) on Kafka Connect. */
    public static final String PEER = "debezium";

    /** Prefix of the physical references ({@code reference:mariadb-binlog}, ...). */
    public static final String REFERENCE_PREFIX = "reference:";

    public Measurement {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        note = note == null ? "" : note;
        runs = runs == null ? List.of() : List.copyOf(runs);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    scenario + "/" + system + "/" + metric + " is not a finite number: " + value);
        }
    }

    /** A figure measured once. */
    public Measurement(
            String scenario,
            String system,
            String metric,
            double value,
            String unit,
            Direction direction,
            String note) {
        this(scenario, system, metric, value, unit, direction, note, List.of());
    }

    /** The median of {@code runs} (at least one), which are kept for their range. */
    public static Measurement median(
            String scenario,
            String system,
            String metric,
            List<Double> runs,
            String unit,
            Direction direction,
            String note) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(scenario + "/" + system + ": no runs");
        }
        double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Measurement(scenario, system, metric, median, unit, direction, note, runs);
    }

    /** The lowest run, or the value of a figure measured once. */
    public double min() {
        return runs.isEmpty()
                ? value
                : runs.stream().mapToDouble(Double::doubleValue).min().orElse(value);
    }

    /** The highest run, or the value of a figure measured once. */
    public double max() {
        return runs.isEmpty()
                ? value
                : runs.stream().mapToDouble(Double::doubleValue).max().orElse(value);
    }

    /** A throughput figure: events (or rows) per second, higher is better. */
    public static Measurement rate(
            String scenario, String system, double perSecond, String unit, String note) {
        return new Measurement(
                scenario, system, "rate", perSecond, unit, Direction.HIGHER_IS_BETTER, note);
    }

    public boolean isReference() {
        return system.startsWith(REFERENCE_PREFIX);
    }
}
