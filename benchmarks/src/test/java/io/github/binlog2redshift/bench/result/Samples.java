package io.github.binlog2redshift.bench.result;

/** A small run with every kind of figure, shared by the result tests. */
final class Samples {

    private Samples() {}

    static BenchResults run() {
        BenchResults r = new BenchResults("quick");
        r.add(
                Measurement.rate(
                        "source-catch-up", Measurement.OURS, 50_000, "events/s", "10 tables"));
        r.add(Measurement.rate("source-catch-up", Measurement.PEER, 20_000, "events/s", ""));
        r.add(
                Measurement.rate(
                        "source-catch-up", "reference:mariadb-binlog", 800_000, "events/s", ""));
        r.add(
                new Measurement(
                        "latency-800/s",
                        Measurement.OURS,
                        "p99",
                        1500,
                        "ms",
                        Direction.LOWER_IS_BETTER,
                        "checkpoint 1s, \"quoted\""));
        r.add(
                new Measurement(
                        "latency-800/s",
                        Measurement.PEER,
                        "p99",
                        3000,
                        "ms",
                        Direction.LOWER_IS_BETTER,
                        ""));
        r.finding("the snapshot split reader waits in <poll>");
        return r;
    }

    static RunInfo info() {
        return new RunInfo(0L, 2, "17", "busy machine, quick sizes");
    }
}
