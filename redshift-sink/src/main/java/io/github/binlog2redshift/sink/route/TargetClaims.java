package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.NameKind;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Refuses a source table whose changes would land in a warehouse table another source table claimed
 * first, instead of merging the two silently. Names are compared as the warehouse stores them
 * ({@link SqlDialect#storedName}), so these collide: {@code Orders} and {@code orders} (the naming
 * lower-cases; Redshift folds), {@code a__b.c} and {@code a.b__c} ({@code DB_TABLE} joins with
 * {@code __}), two long names cut to one (not with the hash cut, but a rule may name such a
 * target), and a source table and another's side table ({@code orders_history} and the history of
 * {@code orders}; the tombstones {@code _b2r_deleted}, Redshift's ledger {@code _b2r_ledger}, the
 * archive {@code _delete}). Merges that the configuration asks for are one claimant and pass: the
 * tables a rule with a {@code target_table} routes, and same-named tables under {@code TABLE_ONLY}
 * naming (sharded databases).
 *
 * <p>The first claim of a name wins, whatever the subtask or the restart: claims are kept in a
 * {@link ClaimStore} (the job's is the warehouse's {@code _b2r_target_claims}, taken under a lock)
 * and a subtask decides each source table once. A refused table's changes are dead-lettered ({@code
 * target_collision}) naming both source tables; its names are not taken (all or nothing).
 */
public final class TargetClaims implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The claims cannot be read or written (the warehouse is unreachable, a privilege is missing).
     * An {@link Error}, not an exception: parse-route dead-letters every exception its routing
     * throws as a fault of the record, and this says nothing about the record; the task fails and
     * Flink restarts it, as a committer that cannot reach the warehouse fails the job.
     */
    public static final class Unavailable extends Error {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final RoutingOptions routing;
    private final TableModes modes;
    private final SqlDialect dialect;
    private final ClaimStore.Factory stores;
    private transient ClaimStore store;
    private transient Map<TableId, Optional<String>> decided;

    public TargetClaims(
            RoutingOptions routing,
            TableModes modes,
            SqlDialect dialect,
            ClaimStore.Factory stores) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.modes = Objects.requireNonNull(modes, "modes");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.stores = Objects.requireNonNull(stores, "claim stores");
    }

    /**
     * Nothing when {@code source} may be loaded through {@code route}; else throws the refusal
     * ({@link RejectReason#TARGET_COLLISION}). Decided once per source table and subtask.
     */
    public void check(TableId source, Route route) {
        if (decided == null) {
            decided = new HashMap<>();
        }
        Optional<String> refusal = decided.get(source);
        if (refusal == null) {
            refusal = decide(claimOf(source, route));
            decided.put(source, refusal);
        }
        if (refusal.isPresent()) {
            throw new RejectedRecordException(RejectReason.TARGET_COLLISION, refusal.get());
        }
    }

    private Optional<String> decide(TargetClaim claim) {
        if (store == null) {
            store = stores.open();
        }
        List<TargetClaim.Held> inTheWay = store.claim(claim);
        if (inTheWay.isEmpty()) {
            return Optional.empty();
        }
        TargetClaim.Held first = inTheWay.get(0);
        String mine =
                claim.names().stream()
                        .filter(n -> n.table().equals(first.name().table()))
                        .map(TargetClaim.Name::role)
                        .findFirst()
                        .orElse("target");
        return Optional.of(
                "source table "
                        + claim.source()
                        + " would be loaded into "
                        + first.name().table()
                        + (mine.equals("target") ? "" : " (its " + mine + " table)")
                        + ", which source table "
                        + first.source()
                        + " claimed first"
                        + (first.name().role().equals("target")
                                ? ""
                                : " as its " + first.name().role() + " table")
                        + " ("
                        + first.claimant()
                        + "); two source tables are never merged into one target: give one a"
                        + " target of its own with a sink.tables rule (target_table), or hand the"
                        + " name over by deleting its claim"
                        + (inTheWay.size() > 1
                                ? " (also in the way: "
                                        + inTheWay.subList(1, inTheWay.size()).stream()
                                                .map(h -> h.name().table() + " of " + h.source())
                                                .collect(Collectors.joining(", "))
                                        + ")"
                                : ""));
    }

    /** What {@code source}, routed to {@code route}, claims. */
    public TargetClaim claimOf(TableId source, Route route) {
        TargetTable t = route.target();
        String schema = dialect.storedName(t.schema(), NameKind.SCHEMA);
        String table = dialect.storedName(t.name(), NameKind.TABLE);
        String prefix = schema + "." + table;
        List<TargetClaim.Name> names = new ArrayList<>();
        names.add(new TargetClaim.Name(prefix, "target"));
        names.add(new TargetClaim.Name(prefix + ReservedNames.TOMBSTONE_SUFFIX, "tombstones"));
        names.add(new TargetClaim.Name(prefix + ReservedNames.LEDGER_SUFFIX, "ledger"));
        names.add(new TargetClaim.Name(prefix + ReservedNames.APPLIED_SUFFIX, "applied"));
        names.add(new TargetClaim.Name(prefix + ReservedNames.RANGES_SUFFIX, "snapshot ranges"));
        TableMode mode = modes.modeFor(source);
        if (mode.history()) {
            names.add(new TargetClaim.Name(prefix + ReservedNames.HISTORY_SUFFIX, "history"));
        }
        if (mode.archive() != DeleteArchive.NONE) {
            names.add(new TargetClaim.Name(prefix + ReservedNames.ARCHIVE_SUFFIX, "archive"));
        }
        return new TargetClaim(claimant(source), source.database() + "." + source.table(), names);
    }

    /**
     * One claimant for tables merged on purpose: a rule that names the target, or {@code
     * TABLE_ONLY} naming of tables with one name; else the source table itself, exactly as the
     * source spells it.
     */
    private String claimant(TableId source) {
        RouteRule rule =
                routing.rules().stream()
                        .filter(r -> r.matches(source.database(), source.table()))
                        .findFirst()
                        .orElse(null);
        if (rule != null && rule.targetTable() != null) {
            return "rule "
                    + (rule.targetSchema() == null ? "" : rule.targetSchema() + ".")
                    + rule.targetTable();
        }
        if (routing.naming() == TargetNaming.TABLE_ONLY) {
            return "table " + source.table();
        }
        return "source " + source.database() + "." + source.table();
    }

    @Override
    public String toString() {
        return "TargetClaims[" + stores + "]";
    }
}
