package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.Warehouse;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one run does, drawn from its seed alone, so {@code ./chaos --runs 1 --seed <seed>} replays
 * it: the fault, the warehouse, when in the load the fault fires, and the share of the snapshot
 * read before a snapshot fault.
 *
 * @param faultAtSeconds seconds after the load started from which the fault (or its aim) waits
 * @param snapshotShare share of the snapshot rows in the topic at which a snapshot fault fires
 * @param loadSeed the seed of the load's random choices
 */
record RunPlan(
        long seed,
        FaultKind fault,
        Warehouse warehouse,
        double faultAtSeconds,
        double snapshotShare,
        long loadSeed) {

    /**
     * Draws a run from {@code seed} among {@code faults}, on Redshift with {@code redshiftShare}.
     */
    static RunPlan draw(long seed, List<FaultKind> faults, double redshiftShare, int loadSeconds) {
        SplittableRandom random = new SplittableRandom(seed);
        FaultKind fault = faults.get(random.nextInt(faults.size()));
        Warehouse warehouse =
                random.nextDouble() < redshiftShare ? Warehouse.REDSHIFT : Warehouse.POSTGRES;
        // Between a fifth and a half of the load: time to recover and catch up under load after.
        double faultAt = loadSeconds * (0.2 + 0.3 * random.nextDouble());
        double share = 0.1 + 0.5 * random.nextDouble();
        return new RunPlan(seed, fault, warehouse, faultAt, share, random.nextLong());
    }

    @Override
    public String toString() {
        return String.format(
                "seed %d: %s on %s at %.1f s%s",
                seed,
                fault,
                warehouse,
                faultAtSeconds,
                fault.duringSnapshot()
                        ? String.format(" (after %.0f%% of the snapshot)", snapshotShare * 100)
                        : "");
    }
}
