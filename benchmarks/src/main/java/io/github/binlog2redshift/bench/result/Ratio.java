package io.github.binlog2redshift.bench.result;

/**
 * A comparison of two figures of one scenario and metric.
 *
 * @param kind {@link Kind#ADVANTAGE}: how many times better {@code system} is than {@code baseline}
 *     (above 1 is better whatever the direction of the metric); {@link Kind#FRACTION_OF_REFERENCE}:
 *     the share of a physical ceiling that {@code system} reaches
 */
public record Ratio(
        String scenario, String metric, String system, String baseline, Kind kind, double value) {

    /** How to read {@link #value()}. */
    public enum Kind {
        ADVANTAGE,
        FRACTION_OF_REFERENCE
    }

    /** Compares {@code a} with {@code b}, which must share scenario and metric. */
    static Ratio advantage(Measurement a, Measurement b) {
        double v =
                a.direction() == Direction.HIGHER_IS_BETTER
                        ? a.value() / b.value()
                        : b.value() / a.value();
        return new Ratio(a.scenario(), a.metric(), a.system(), b.system(), Kind.ADVANTAGE, v);
    }

    static Ratio fraction(Measurement a, Measurement reference) {
        return new Ratio(
                a.scenario(),
                a.metric(),
                a.system(),
                reference.system(),
                Kind.FRACTION_OF_REFERENCE,
                a.value() / reference.value());
    }

    /** {@code 2.31x} or {@code 41.2%}. */
    public String formatted() {
        return kind == Kind.ADVANTAGE
                ? String.format(java.util.Locale.ROOT, "%.2fx", value)
                : String.format(java.util.Locale.ROOT, "%.1f%%", value * 100);
    }
}
