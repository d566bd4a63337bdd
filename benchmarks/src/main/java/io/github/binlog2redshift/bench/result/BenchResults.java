package io.github.binlog2redshift.bench.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one run, in the order they were measured, plus run-wide facts (mode, machine) and
 * the ratios derived from them. Thread-safe for adding, because scenarios may record from poller
 * threads.
 */
public final class BenchResults {

    private final String mode;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final List<RunRecord> runs = new ArrayList<>();

    public BenchResults(String mode) {
        this.mode = mode;
    }

    public String mode() {
        return mode;
    }

    public synchronized void add(Measurement m) {
        measurements.add(m);
    }

    /** A sentence a person should read with the figures, e.g. where the snapshot reader waits. */
    public synchronized void finding(String text) {
        findings.add(text);
    }

    /** One system's run of a scenario, counted or warm-up, with the machine's load meanwhile. */
    public synchronized void run(RunRecord r) {
        runs.add(r);
    }

    public synchronized List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public synchronized List<String> findings() {
        return Collections.unmodifiableList(new ArrayList<>(findings));
    }

    /**
     * Ours against the peer (advantage), and ours and the peer against every physical reference of
     * the same scenario and metric (fraction of the ceiling). Pairs with a zero baseline are left
     * out rather than reported as infinite.
     */
    public synchronized List<Ratio> ratios() {
        List<Ratio> out = new ArrayList<>();
        for (Measurement m : measurements) {
            if (!m.system().equals(Measurement.OURS)) {
                continue;
            }
            // every peer configuration measured (Debezium with 2 tasks, with 1 task)
            measurements.stream()
                    .filter(p -> p.system().startsWith(Measurement.PEER) && same(p, m))
                    .filter(p -> p.value() != 0 && m.value() != 0)
                    .forEach(p -> out.add(Ratio.advantage(m, p)));
        }
        for (Measurement ref : measurements) {
            if (!ref.isReference() || ref.value() == 0) {
                continue;
            }
            for (String system : List.of(Measurement.OURS, Measurement.PEER)) {
                Optional<Measurement> m =
                        measurements.stream()
                                .filter(x -> x.system().equals(system))
                                .filter(x -> same(x, ref))
                                .findFirst();
                m.ifPresent(x -> out.add(Ratio.fraction(x, ref)));
            }
        }
        return out;
    }

    private static boolean same(Measurement a, Measurement b) {
        return a.scenario().equals(b.scenario()) && a.metric().equals(b.metric());
    }
}
