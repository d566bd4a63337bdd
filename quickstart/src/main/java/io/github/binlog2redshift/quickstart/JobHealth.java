package io.github.binlog2redshift.quickstart;

import java.io.IOException;

/**
 * How both jobs fared, for the end of a bounded run: restarts of each job ({@code numRestarts}) and
 * the sink committer's {@code serializationConflicts} over all tables and subtasks (commits a
 * conflicting transaction rolled back and that were tried again; none is lost, each costs a
 * back-off).
 *
 * @param sourceRestarts restarts of cdc-source
 * @param sinkRestarts restarts of redshift-sink
 * @param serializationConflicts the sink's serialization conflicts, summed
 */
record JobHealth(long sourceRestarts, long sinkRestarts, long serializationConflicts) {

    static JobHealth read(FlinkRest rest, PipelineJobs.JobIds jobs) throws IOException {
        double conflicts =
                rest.sums(jobs.sink(), "\\.table\\..+\\.serializationConflicts").values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
        return new JobHealth(
                rest.restarts(jobs.source()), rest.restarts(jobs.sink()), (long) conflicts);
    }

    String line() {
        return "jobs: cdc-source restarted "
                + sourceRestarts
                + " times, redshift-sink "
                + sinkRestarts
                + "; sink commits: "
                + serializationConflicts
                + " serialization conflicts (retried)";
    }
}
