package io.github.binlog2redshift.sink.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * What the warehouse says at the start of a commit ({@link QuarantineStore#read}): the job's
 * quarantined tables and, per table, the committables one committer keeps, in the order they are
 * replayed (checkpoint, then writer subtask). Tables are named as the ledger names them.
 */
public final class QuarantineView {

    private static final QuarantineView NONE = new QuarantineView(Map.of(), Map.of());

    private final Map<String, Quarantine> quarantined;
    private final Map<String, List<Kept>> kept;

    private QuarantineView(Map<String, Quarantine> quarantined, Map<String, List<Kept>> kept) {
        this.quarantined = Collections.unmodifiableMap(quarantined);
        this.kept = Collections.unmodifiableMap(kept);
    }

    /** No table quarantined, nothing kept. */
    public static QuarantineView none() {
        return NONE;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The first (earliest) quarantine of {@code table}; null when it is not quarantined. */
    @Nullable
    public Quarantine quarantine(String table) {
        return quarantined.get(table);
    }

    /** Every quarantined table of the job. */
    public Map<String, Quarantine> quarantined() {
        return quarantined;
    }

    /** The committables of {@code table} this committer keeps, in replay order. */
    public List<Kept> kept(String table) {
        return kept.getOrDefault(table, List.of());
    }

    /** The tables this committer keeps committables of. */
    public Set<String> keptTables() {
        return kept.keySet();
    }

    /** A quarantined table: since which checkpoint, which subtask stopped it, and why. */
    public static final class Quarantine {
        private final String table;
        private final long sinceCheckpoint;
        private final int subtask;
        private final String reason;

        public Quarantine(String table, long sinceCheckpoint, int subtask, String reason) {
            this.table = Objects.requireNonNull(table, "table");
            this.reason = Objects.requireNonNull(reason, "reason");
            this.sinceCheckpoint = sinceCheckpoint;
            this.subtask = subtask;
        }

        public String table() {
            return table;
        }

        public long sinceCheckpoint() {
            return sinceCheckpoint;
        }

        public int subtask() {
            return subtask;
        }

        public String reason() {
            return reason;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Quarantine)) {
                return false;
            }
            Quarantine other = (Quarantine) o;
            return table.equals(other.table)
                    && sinceCheckpoint == other.sinceCheckpoint
                    && subtask == other.subtask
                    && reason.equals(other.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, sinceCheckpoint, subtask, reason);
        }

        @Override
        public String toString() {
            return "Quarantine[table="
                    + table
                    + ", sinceCheckpoint="
                    + sinceCheckpoint
                    + ", subtask="
                    + subtask
                    + ", reason="
                    + reason
                    + "]";
        }
    }

    /** A kept committable's key and size. */
    public static final class Kept {
        private final String table;
        private final int subtask;
        private final long checkpointId;
        private final String stagingId;
        private final long rows;

        public Kept(String table, int subtask, long checkpointId, String stagingId, long rows) {
            this.table = Objects.requireNonNull(table, "table");
            this.stagingId = Objects.requireNonNull(stagingId, "staging id");
            this.subtask = subtask;
            this.checkpointId = checkpointId;
            this.rows = rows;
        }

        public String table() {
            return table;
        }

        /** The writer subtask that staged it. */
        public int subtask() {
            return subtask;
        }

        public long checkpointId() {
            return checkpointId;
        }

        public String stagingId() {
            return stagingId;
        }

        public long rows() {
            return rows;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Kept)) {
                return false;
            }
            Kept other = (Kept) o;
            return table.equals(other.table)
                    && subtask == other.subtask
                    && checkpointId == other.checkpointId
                    && stagingId.equals(other.stagingId)
                    && rows == other.rows;
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, subtask, checkpointId, stagingId, rows);
        }

        @Override
        public String toString() {
            return table + "@checkpoint " + checkpointId + " [" + stagingId + ", kept]";
        }
    }

    /** Collects rows as they are read. */
    static final class Builder {
        private final Map<String, Quarantine> quarantined = new TreeMap<>();
        private final Map<String, List<Kept>> kept = new TreeMap<>();
        private final Set<String> seen = new TreeSet<>();

        /** The first row of a table wins (rows come in checkpoint order). */
        Builder quarantined(Quarantine q) {
            quarantined.putIfAbsent(q.table(), q);
            return this;
        }

        /** Rows come in replay order; a key seen twice (kept twice at once) counts once. */
        Builder kept(Kept k) {
            if (seen.add(k.table() + "\u0000" + k.checkpointId() + "\u0000" + k.stagingId())) {
                kept.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k);
            }
            return this;
        }

        QuarantineView build() {
            Map<String, List<Kept>> lists = new TreeMap<>();
            kept.forEach((t, l) -> lists.put(t, List.copyOf(l)));
            return new QuarantineView(new TreeMap<>(quarantined), lists);
        }
    }
}
