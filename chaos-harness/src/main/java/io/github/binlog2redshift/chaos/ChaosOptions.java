package io.github.binlog2redshift.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The knobs of a batch of runs (docs/chaos.md); every run of the batch shares them. */
final class ChaosOptions {
    @Option(names = "--runs", description = "Runs in the batch (default ${DEFAULT-VALUE})")
    int runs = 1;

    @Option(
            names = "--seed",
            description = "Seed of the first run; run i uses seed + i (default: the clock)")
    Long seed;

    @Option(
            names = "--out",
            description = "Directory of the batch summary (default ${DEFAULT-VALUE})")
    Path out = Path.of("target", "chaos");

    @Option(
            names = "--load-seconds",
            description =
                    "Seconds of load per run; the fault fires within it (default ${DEFAULT-VALUE})")
    int loadSeconds = 40;

    @Option(
            names = "--rate",
            description = "Source transactions per second (default ${DEFAULT-VALUE})")
    int rate = 40;

    @Option(
            names = "--snapshot-rows",
            description = "Rows in the table read by the snapshot (default ${DEFAULT-VALUE})")
    int snapshotRows = 20_000;

    @Option(
            names = "--outage-seconds",
            description =
                    "How long Kafka, MariaDB or the warehouse stay down (default ${DEFAULT-VALUE})")
    int outageSeconds = 10;

    @Option(
            names = "--s3-outage-seconds",
            description = "How long the S3 server stays down (default ${DEFAULT-VALUE})")
    int s3OutageSeconds = 60;

    @Option(
            names = "--catch-up-seconds",
            description =
                    "Longest wait, after the load stopped, for every table to match (default ${DEFAULT-VALUE})")
    int catchUpSeconds = 240;

    @Option(
            names = "--redshift-share",
            description =
                    "Share of runs on the local Redshift instead of PostgreSQL (default ${DEFAULT-VALUE})")
    double redshiftShare = 0.25;

    @Option(
            names = "--at-least-once-share",
            description =
                    "Share of runs with cdc-source at least once (its default) instead of exactly"
                            + " once (default ${DEFAULT-VALUE})")
    double atLeastOnceShare = 0.5;

    @Option(
            names = "--faults",
            split = ",",
            description =
                    "Faults to draw from (default: the whole catalogue): ${COMPLETION-CANDIDATES}")
    List<FaultKind> faults = new ArrayList<>(Arrays.asList(FaultKind.values()));

    /** The reason the options cannot run, or null. */
    String invalid() {
        if (runs < 1 || loadSeconds < 10 || rate < 1 || snapshotRows < 1 || catchUpSeconds < 10) {
            return "--runs, --rate and --snapshot-rows must be at least 1, --load-seconds and"
                    + " --catch-up-seconds at least 10";
        }
        if (outageSeconds < 0 || s3OutageSeconds < 0 || redshiftShare < 0 || redshiftShare > 1) {
            return "outages must be >= 0 s and --redshift-share within 0..1";
        }
        if (atLeastOnceShare < 0 || atLeastOnceShare > 1) {
            return "--at-least-once-share must be within 0..1";
        }
        return faults.isEmpty() ? "--faults names no fault" : null;
    }
}
