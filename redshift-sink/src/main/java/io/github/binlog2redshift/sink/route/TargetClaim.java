package io.github.binlog2redshift.sink.route;

import java.util.List;
import java.util.Objects;

/**
 * What a source table claims in the warehouse: the names it is loaded into (its target and the side
 * tables the sink derives from it, in the warehouse's names), and who claims them. Two source
 * tables may share names only when they are one claimant: a rule that names the target ({@code
 * target_table}) or {@code TABLE_ONLY} naming of same-named tables merge on purpose; anything else
 * that lands on one name is a collision.
 */
public final class TargetClaim {

    /** One name claimed, and what it is to the claimant. */
    public static final class Name {
        private final String table;
        private final String role;

        public Name(String table, String role) {
            this.table = Objects.requireNonNull(table, "table");
            this.role = Objects.requireNonNull(role, "role");
        }

        /** {@code schema.table}, the warehouse's names. */
        public String table() {
            return table;
        }

        /**
         * {@code target}, {@code tombstones}, {@code ledger}, {@code history} or {@code archive}.
         */
        public String role() {
            return role;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Name)) {
                return false;
            }
            Name other = (Name) o;
            return table.equals(other.table) && role.equals(other.role);
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, role);
        }

        @Override
        public String toString() {
            return "Name[table=" + table + ", role=" + role + "]";
        }
    }

    /** A name someone holds: the name, its role, the claimant and its (first) source table. */
    public static final class Held {
        private final Name name;
        private final String claimant;
        private final String source;

        public Held(Name name, String claimant, String source) {
            this.name = Objects.requireNonNull(name, "name");
            this.claimant = Objects.requireNonNull(claimant, "claimant");
            this.source = Objects.requireNonNull(source, "source");
        }

        public Name name() {
            return name;
        }

        public String claimant() {
            return claimant;
        }

        public String source() {
            return source;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Held)) {
                return false;
            }
            Held other = (Held) o;
            return name.equals(other.name)
                    && claimant.equals(other.claimant)
                    && source.equals(other.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, claimant, source);
        }

        @Override
        public String toString() {
            return "Held[name=" + name + ", claimant=" + claimant + ", source=" + source + "]";
        }
    }

    private final String claimant;
    private final String source;
    private final List<Name> names;

    public TargetClaim(String claimant, String source, List<Name> names) {
        this.claimant = Objects.requireNonNull(claimant, "claimant");
        this.source = Objects.requireNonNull(source, "source");
        this.names = List.copyOf(names);
        if (this.names.isEmpty()) {
            throw new IllegalArgumentException("a claim names at least its target");
        }
    }

    /**
     * Who claims: {@code rule <schema.table>} for a rule's own target, {@code table <name>} under
     * {@code TABLE_ONLY} naming, else {@code source <db.table>}; exact, case kept.
     */
    public String claimant() {
        return claimant;
    }

    /** The source table, {@code db.table} as the source spells it. */
    public String source() {
        return source;
    }

    /** The target first, then its side tables. */
    public List<Name> names() {
        return names;
    }

    /** {@code held} in the way of this claim: a name it needs that another claimant holds. */
    public boolean conflictsWith(Held held) {
        return !held.claimant().equals(claimant)
                && names.stream().anyMatch(n -> n.table().equals(held.name().table()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TargetClaim)) {
            return false;
        }
        TargetClaim other = (TargetClaim) o;
        return claimant.equals(other.claimant)
                && source.equals(other.source)
                && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claimant, source, names);
    }

    @Override
    public String toString() {
        return "TargetClaim[claimant=" + claimant + ", source=" + source + ", names=" + names + "]";
    }
}
