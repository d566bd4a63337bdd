package io.github.binlog2redshift.bench.stack;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.result.Direction;
import io.github.binlog2redshift.bench.result.MachineLoad;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.result.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the systems of a scenario in turn, round after round (ours, peer, ours, peer...), so a
 * change in the machine's load hits both alike, and publishes each system's median with its range.
 * Round 0 is a warm-up of every system (JIT, page cache, the peer's worker), recorded but left out
 * of the medians, so both systems are measured warm. Every run records the machine's load and its
 * content check.
 */
public final class Interleaved {

    private static final Logger LOG = LoggerFactory.getLogger(Interleaved.class);

    /**
     * One run of one system.
     *
     * @param rate units per second from the first progress to the end (start-up left out)
     * @param rateWithStartup units per second from before the system was started to the end
     * @param note sizes and settings, for people
     * @param content what the content check found (it throws when the content is wrong)
     */
    public record Trial(double rate, double rateWithStartup, String note, String content) {

        /** A trial from a {@link CatchUp} whose wait began when the system was started. */
        public static Trial of(CatchUp c, String note, String content) {
            return of(c, c.total(), note, content);
        }

        /** Like {@link #of(CatchUp, String, String)}, for {@code units} done over the catch-up. */
        public static Trial of(CatchUp c, long units, String note, String content) {
            return new Trial(
                    units * 1000.0 / Math.max(c.activeMs(), 1),
                    units * 1000.0 / Math.max(c.startupMs() + c.activeMs(), 1),
                    note + ", start-up " + c.startupMs() + " ms",
                    content);
        }
    }

    /** One system of the scenario; {@code round} lets it name its topics and databases apart. */
    @FunctionalInterface
    public interface Contender {
        Trial run(int round) throws Exception;
    }

    private Interleaved() {}

    /**
     * Runs {@code contenders} (in map order) for a warm-up round and {@code env.runs()} counted
     * rounds, and adds two figures per system: {@code rate} and {@code rate_with_startup}, each the
     * median of the counted runs.
     */
    public static void measure(
            BenchEnv env, String scenario, String unit, Map<String, Contender> contenders)
            throws Exception {
        Map<String, List<Trial>> trials = new LinkedHashMap<>();
        Map<String, List<MachineLoad>> loads = new LinkedHashMap<>();
        for (int round = 0; round <= env.runs(); round++) {
            for (Map.Entry<String, Contender> c : contenders.entrySet()) {
                LOG.info("=== {}: {} run {} of {}", scenario, c.getKey(), round, env.runs());
                MachineLoad.Sampler sampler = MachineLoad.start();
                Trial t = c.getValue().run(round);
                MachineLoad load = sampler.stop();
                env.results()
                        .run(
                                new RunRecord(
                                        scenario,
                                        c.getKey(),
                                        round,
                                        Map.of(
                                                "rate", t.rate(),
                                                "rate_with_startup", t.rateWithStartup()),
                                        load,
                                        t.content()));
                LOG.info(
                        "=== {}: {} run {}: {} {} ({} with start-up); {}; {}",
                        scenario,
                        c.getKey(),
                        round,
                        Math.round(t.rate()),
                        unit,
                        Math.round(t.rateWithStartup()),
                        load.describe(),
                        t.content());
                if (round > 0) {
                    trials.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(t);
                    loads.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(load);
                }
            }
        }
        for (Map.Entry<String, List<Trial>> e : trials.entrySet()) {
            List<Trial> ts = e.getValue();
            String note =
                    ts.get(ts.size() - 1).note()
                            + "; median of "
                            + ts.size()
                            + " interleaved runs after a warm-up; "
                            + loadRange(loads.get(e.getKey()))
                            + "; "
                            + ts.get(ts.size() - 1).content();
            add(env, scenario, e.getKey(), "rate", ts, Trial::rate, unit, note);
            add(
                    env,
                    scenario,
                    e.getKey(),
                    "rate_with_startup",
                    ts,
                    Trial::rateWithStartup,
                    unit,
                    note);
        }
    }

    private static void add(
            BenchEnv env,
            String scenario,
            String system,
            String metric,
            List<Trial> trials,
            java.util.function.ToDoubleFunction<Trial> figure,
            String unit,
            String note) {
        List<Double> values = new ArrayList<>();
        trials.forEach(t -> values.add(figure.applyAsDouble(t)));
        env.results()
                .add(
                        Measurement.median(
                                scenario,
                                system,
                                metric,
                                values,
                                unit,
                                Direction.HIGHER_IS_BETTER,
                                note));
    }

    /** {@code load 1.9-3.4, steal max 0.0%} over the counted runs. */
    static String loadRange(List<MachineLoad> loads) {
        double lo = loads.stream().mapToDouble(MachineLoad::loadMean).min().orElse(0);
        double hi = loads.stream().mapToDouble(MachineLoad::loadMean).max().orElse(0);
        double steal = loads.stream().mapToDouble(MachineLoad::stealPercent).max().orElse(0);
        return String.format(Locale.ROOT, "mean load %.1f-%.1f, steal max %.1f%%", lo, hi, steal);
    }
}
