package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.Warehouse;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one run does, drawn from its seed alone, so {@code ./chaos --runs 1 --seed <seed>} replays
 * it: the fault, the warehouse, when in the load the fault fires, and the share of the snapshot
 * read before a snapshot fault, and cdc-source's delivery guarantee into Kafka.
 *
 * @param faultAtSeconds seconds after the load started from which the fault (or its aim) waits
 * @param snapshotShare share of the snapshot rows in the topic at which a snapshot fault fires
 * @param loadSeed the seed of the load's random choices
 * @param atLeastOnce whether cdc-source writes at least once (its default) instead of exactly once:
 *     re-sent changes then reach the sink, whose history, archive and keyless appends must skip
 *     them
 */
record RunPlan(
        long seed,
        FaultKind fault,
        Warehouse warehouse,
        double faultAtSeconds,
        double snapshotShare,
        long loadSeed,
        boolean atLeastOnce) {

    /**
     * Draws a run from {@code seed} among {@code faults}, on Redshift with {@code redshiftShare},
     * with cdc-source at least once with {@code atLeastOnceShare}.
     */
    static RunPlan draw(
            long seed,
            List<FaultKind> faults,
            double redshiftShare,
            double atLeastOnceShare,
            int loadSeconds) {
        SplittableRandom random = new SplittableRandom(seed);
        FaultKind fault = faults.get(random.nextInt(faults.size()));
        Warehouse warehouse =
                random.nextDouble() < redshiftShare ? Warehouse.REDSHIFT : Warehouse.POSTGRES;
        // Between a fifth and a half of the load: time to recover and catch up under load after.
        double faultAt = loadSeconds * (0.2 + 0.3 * random.nextDouble());
        double share = 0.1 + 0.5 * random.nextDouble();
        long loadSeed = random.nextLong();
        // Drawn last, so that the draws above stay what they were for seeds run before.
        boolean atLeastOnce = random.nextDouble() < atLeastOnceShare;
        return new RunPlan(seed, fault, warehouse, faultAt, share, loadSeed, atLeastOnce);
    }

    /** cdc-source's {@code kafka.delivery-guarantee}. */
    String delivery() {
        return atLeastOnce ? "AT_LEAST_ONCE" : "EXACTLY_ONCE";
    }

    @Override
    public String toString() {
        return String.format(
                "seed %d: %s on %s, source %s, at %.1f s%s",
                seed,
                fault,
                warehouse,
                delivery(),
                faultAtSeconds,
                fault.duringSnapshot()
                        ? String.format(" (after %.0f%% of the snapshot)", snapshotShare * 100)
                        : "");
    }
}
