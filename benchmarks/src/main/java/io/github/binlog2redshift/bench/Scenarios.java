package io.github.binlog2redshift.bench;

import io.github.binlog2redshift.bench.scenario.EndToEndLatency;
import io.github.binlog2redshift.bench.scenario.MicroBenchmarks;
import io.github.binlog2redshift.bench.scenario.SinkCatchUp;
import io.github.binlog2redshift.bench.scenario.SinkCatchUpRedshift;
import io.github.binlog2redshift.bench.scenario.SinkInput;
import io.github.binlog2redshift.bench.scenario.SinkMemory;
import io.github.binlog2redshift.bench.scenario.SnapshotLoad;
import io.github.binlog2redshift.bench.scenario.SnapshotTables;
import io.github.binlog2redshift.bench.scenario.SnapshotThenChanges;
import io.github.binlog2redshift.bench.scenario.SourceCatchUp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every scenario in run order; {@code --only} picks some by name. */
public final class Scenarios {

    private Scenarios() {}

    static Map<String, Scenario> all() {
        Map<String, Scenario> m = new LinkedHashMap<>();
        // Both catch-ups of the headline workload read the same topics, produced once per run.
        SinkInput sinkInput = SinkInput.headline();
        for (Scenario s :
                List.<Scenario>of(
                        new SourceCatchUp(),
                        new SnapshotTables(),
                        new SnapshotLoad(),
                        new SnapshotThenChanges(),
                        new SinkCatchUp(SinkCatchUp.HEADLINE, sinkInput, true),
                        new SinkCatchUp(
                                "sink-catch-up-no-deletes",
                                SinkInput.of(0, false, "sinkinnd_"),
                                false),
                        new SinkCatchUp(
                                "sink-catch-up-10-tables",
                                SinkInput.of(10, true, "sinkin10_"),
                                false),
                        new SinkCatchUp(
                                "sink-catch-up-10-tables-no-deletes",
                                SinkInput.of(10, false, "sinkin10nd_"),
                                false),
                        new SinkCatchUpRedshift(sinkInput),
                        new EndToEndLatency(),
                        new SinkMemory(),
                        new MicroBenchmarks())) {
            m.put(s.name(), s);
        }
        return m;
    }

    /** The named scenarios, in run order; all of them for an empty list. */
    public static List<Scenario> select(List<String> names) {
        Map<String, Scenario> all = all();
        if (names.isEmpty()) {
            return new ArrayList<>(all.values());
        }
        for (String n : names) {
            if (!all.containsKey(n)) {
                throw new IllegalArgumentException(
                        "unknown scenario '" + n + "', expected one of " + all.keySet());
            }
        }
        return all.values().stream().filter(s -> names.contains(s.name())).toList();
    }
}
