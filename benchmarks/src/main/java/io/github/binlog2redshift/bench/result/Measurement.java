package io.github.binlog2redshift.bench.result;

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
 */
public record Measurement(
        String scenario,
        String system,
        String metric,
        double value,
        String unit,
        Direction direction,
        String note) {

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
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    scenario + "/" + system + "/" + metric + " is not a finite number: " + value);
        }
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
