package io.github.binlog2redshift.bench.result;

import java.util.List;
import java.util.Locale;

/** The run's figures and ratios as a plain-text table for the terminal. */
public final class ResultTable {

    private ResultTable() {}

    public static String render(BenchResults results, RunInfo run) {
        StringBuilder out = new StringBuilder();
        out.append("binlog2redshift benchmarks, mode ").append(results.mode());
        out.append(", ").append(run.cores()).append(" cores, Java ").append(run.javaVersion());
        out.append('\n');
        if (!run.warning().isEmpty()) {
            out.append("NOTE: ").append(run.warning()).append('\n');
        }
        out.append('\n');
        String row = "%-34s %-24s %-17s %12s %-19s %-9s %s%n";
        out.append(
                String.format(
                        Locale.ROOT,
                        row,
                        "scenario",
                        "system",
                        "metric",
                        "value",
                        "range (runs)",
                        "unit",
                        "note"));
        for (Measurement m : results.measurements()) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            row,
                            m.scenario(),
                            m.system(),
                            m.metric(),
                            number(m.value()),
                            range(m),
                            m.unit(),
                            m.note()));
        }
        List<Ratio> ratios = results.ratios();
        if (!ratios.isEmpty()) {
            out.append("\nratios (advantage: times better than the baseline, >1 = better;")
                    .append(" fraction: share of the physical ceiling)\n");
            String r = "%-34s %-17s %-18s %-24s %-24s %10s%n";
            out.append(
                    String.format(
                            Locale.ROOT,
                            r,
                            "scenario",
                            "metric",
                            "system",
                            "baseline",
                            "kind",
                            "value"));
            for (Ratio x : ratios) {
                out.append(
                        String.format(
                                Locale.ROOT,
                                r,
                                x.scenario(),
                                x.metric(),
                                x.system(),
                                x.baseline(),
                                x.kind().name().toLowerCase(Locale.ROOT),
                                x.formatted()));
            }
        }
        if (!results.findings().isEmpty()) {
            out.append("\nfindings\n");
            results.findings().forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    /** {@code 41,200-45,900 (3)} for a median of runs, empty for a figure measured once. */
    static String range(Measurement m) {
        return m.runs().isEmpty()
                ? ""
                : number(m.min()) + "-" + number(m.max()) + " (" + m.runs().size() + ")";
    }

    /** Thousands separated, no decimals above 100, two below (latencies of a few ms). */
    static String number(double v) {
        return Math.abs(v) >= 100
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
