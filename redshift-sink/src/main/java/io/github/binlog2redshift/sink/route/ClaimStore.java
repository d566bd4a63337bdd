package io.github.binlog2redshift.sink.route;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the claims of target names are kept ({@link TargetClaims}). {@link #claim} is all or
 * nothing: either every name of the claim is now held by its claimant, or none was taken and the
 * names held by others are returned. The first claim of a name stands.
 */
public interface ClaimStore extends AutoCloseable {

    /**
     * Takes every name of {@code claim} for its claimant unless another holds one of them.
     *
     * @return the names other claimants hold in the way; empty when the claim now holds all
     */
    List<TargetClaim.Held> claim(TargetClaim claim);

    @Override
    default void close() {}

    /** Opens a store on a task; shipped with the job graph. */
    @FunctionalInterface
    interface Factory extends Serializable {
        ClaimStore open();
    }

    /**
     * Claims kept in the memory of one task: collisions among the tables one subtask sees, lost at
     * a restart. For tests and jobs built without a warehouse; the job keeps them in the warehouse
     * ({@code jdbc.WarehouseClaimStore}).
     */
    static Factory inMemory() {
        return InMemory::new;
    }

    /** {@link #inMemory()}'s store. */
    final class InMemory implements ClaimStore {
        private final Map<String, TargetClaim.Held> held = new LinkedHashMap<>();

        @Override
        public List<TargetClaim.Held> claim(TargetClaim claim) {
            List<TargetClaim.Held> inTheWay = inTheWay(held, claim);
            if (inTheWay.isEmpty()) {
                take(held, claim);
            }
            return inTheWay;
        }

        /** The names of {@code claim} that {@code held} gives to other claimants. */
        public static List<TargetClaim.Held> inTheWay(
                Map<String, TargetClaim.Held> held, TargetClaim claim) {
            List<TargetClaim.Held> out = new ArrayList<>();
            for (TargetClaim.Name n : claim.names()) {
                TargetClaim.Held h = held.get(n.table());
                if (h != null && claim.conflictsWith(h)) {
                    out.add(h);
                }
            }
            return out;
        }

        /** Records every name of {@code claim} not held yet. */
        public static void take(Map<String, TargetClaim.Held> held, TargetClaim claim) {
            for (TargetClaim.Name n : claim.names()) {
                held.putIfAbsent(
                        n.table(), new TargetClaim.Held(n, claim.claimant(), claim.source()));
            }
        }
    }
}
