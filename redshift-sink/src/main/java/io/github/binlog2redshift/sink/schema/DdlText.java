package io.github.binlog2redshift.sink.schema;

import static io.github.binlog2redshift.sink.schema.DdlScanner.unquote;

import io.github.binlog2redshift.event.SnapshotChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * What a MySQL DDL statement's text says beyond the columns after it (which the event carries): the
 * kind of statement, column renames and column drops. Parsing is deliberately shallow: the column
 * list after the change is the source of truth, the text only tells a rename from a drop plus an
 * add, and a table-level DROP / TRUNCATE / RENAME from an ALTER.
 *
 * <p>Comments and string literals are removed first, so {@code COMMENT 'drop x'} is not a drop.
 * Identifiers may be back-quoted ({@code `a b`}, with {@code ``} for a back quote).
 */
public final class DdlText {

    /** The statement's effect on the table as a whole. */
    public enum Kind {
        CREATE_TABLE,
        ALTER_TABLE,
        RENAME_TABLE,
        TRUNCATE_TABLE,
        DROP_TABLE,
        OTHER
    }

    private static final String ID = "(`(?:[^`]|``)+`|[\\w$\\u0080-\\uFFFF]+)";
    private static final String QUALIFIED = "(?:" + ID + "\\s*\\.\\s*)?" + ID;
    private static final Pattern RENAME_COLUMN =
            Pattern.compile(
                    "\\bRENAME\\s+COLUMN\\s+" + ID + "\\s+TO\\s+" + ID, Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE_COLUMN =
            Pattern.compile(
                    "\\bCHANGE\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + ID + "\\s+" + ID,
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN =
            Pattern.compile(
                    "\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + ID,
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE =
            Pattern.compile(
                    "^RENAME\\s+TABLES?\\s+" + QUALIFIED + "\\s+TO\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_RENAME_TO =
            Pattern.compile(
                    "^ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:IF\\s+EXISTS\\s+)?"
                            + QUALIFIED
                            + "\\s+RENAME\\s+(?:TO\\s+|AS\\s+)?(?!COLUMN\\b|INDEX\\b|KEY\\b)",
                    Pattern.CASE_INSENSITIVE);

    /** Words after DROP that name something other than a column. */
    private static final List<String> NOT_COLUMNS =
            List.of(
                    "PRIMARY",
                    "INDEX",
                    "KEY",
                    "FOREIGN",
                    "CONSTRAINT",
                    "CHECK",
                    "PARTITION",
                    "SYSTEM",
                    "DEFAULT",
                    "UNIQUE",
                    "FULLTEXT",
                    "SPATIAL");

    private final Kind kind;
    private final Map<String, String> renames;
    private final List<String> drops;
    @Nullable private final String renamedFrom;
    @Nullable private final String renamedFromDatabase;

    private DdlText(
            Kind kind,
            Map<String, String> renames,
            List<String> drops,
            @Nullable String renamedFrom,
            @Nullable String renamedFromDatabase) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.renames = Objects.requireNonNull(renames, "renames");
        this.drops = Objects.requireNonNull(drops, "drops");
        this.renamedFrom = renamedFrom;
        this.renamedFromDatabase = renamedFromDatabase;
    }

    private DdlText(
            Kind kind,
            Map<String, String> renames,
            List<String> drops,
            @Nullable String renamedFrom) {
        this(kind, renames, drops, renamedFrom, null);
    }

    public static DdlText parse(String ddl) {
        String sql = stripCommentsAndStrings(ddl).trim();
        String upper = sql.toUpperCase(Locale.ROOT);
        Map<String, String> renames = new LinkedHashMap<>();
        List<String> drops = new ArrayList<>();
        if (SnapshotChunk.isChunk(sql)) {
            // cdc-source's chunk range (SnapshotChunk): no DDL, whatever its names spell
            return new DdlText(Kind.OTHER, renames, drops, null);
        }
        if (upper.startsWith("CREATE")) {
            return new DdlText(
                    upper.matches("(?s)CREATE\\s+(OR\\s+REPLACE\\s+)?(TEMPORARY\\s+)?TABLE\\b.*")
                            ? Kind.CREATE_TABLE
                            : Kind.OTHER,
                    renames,
                    drops,
                    null);
        }
        if (upper.startsWith("TRUNCATE")) {
            return new DdlText(Kind.TRUNCATE_TABLE, renames, drops, null);
        }
        if (upper.matches("(?s)DROP\\s+(TEMPORARY\\s+)?TABLES?\\b.*")) {
            return new DdlText(Kind.DROP_TABLE, renames, drops, null);
        }
        Matcher rt = RENAME_TABLE.matcher(sql);
        if (rt.find()) {
            return new DdlText(
                    Kind.RENAME_TABLE,
                    renames,
                    drops,
                    unquote(rt.group(2)),
                    rt.group(1) == null ? null : unquote(rt.group(1)));
        }
        if (!upper.startsWith("ALTER")) {
            return new DdlText(Kind.OTHER, renames, drops, null);
        }
        Matcher ar = ALTER_RENAME_TO.matcher(sql);
        boolean renamesTable = ar.find();
        String renamedFrom = renamesTable ? unquote(ar.group(2)) : null;
        String renamedFromDb = renamesTable && ar.group(1) != null ? unquote(ar.group(1)) : null;
        Matcher m = RENAME_COLUMN.matcher(sql);
        while (m.find()) {
            renames.put(unquote(m.group(1)), unquote(m.group(2)));
        }
        m = CHANGE_COLUMN.matcher(sql);
        while (m.find()) {
            String from = unquote(m.group(1));
            String to = unquote(m.group(2));
            if (!from.equals(to)) {
                renames.put(from, to);
            }
        }
        m = DROP_COLUMN.matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("`") || !NOT_COLUMNS.contains(name.toUpperCase(Locale.ROOT))) {
                drops.add(unquote(name));
            }
        }
        return new DdlText(
                renamedFrom != null ? Kind.RENAME_TABLE : Kind.ALTER_TABLE,
                renames,
                drops,
                renamedFrom,
                renamedFromDb);
    }

    /** The statement's effect on the table as a whole. */
    public Kind kind() {
        return kind;
    }

    /** Old column name to new one, in statement order. */
    public Map<String, String> renames() {
        return renames;
    }

    /** Dropped column names. */
    public List<String> drops() {
        return drops;
    }

    /**
     * For RENAME TABLE / ALTER TABLE ... RENAME TO: the old table name (without database), else
     * null.
     */
    @Nullable
    public String renamedFrom() {
        return renamedFrom;
    }

    /**
     * The old name's database where the statement qualifies it, else null (the statement's own
     * database).
     */
    @Nullable
    public String renamedFromDatabase() {
        return renamedFromDatabase;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DdlText)) {
            return false;
        }
        DdlText other = (DdlText) o;
        return kind == other.kind
                && renames.equals(other.renames)
                && drops.equals(other.drops)
                && Objects.equals(renamedFrom, other.renamedFrom)
                && Objects.equals(renamedFromDatabase, other.renamedFromDatabase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, renames, drops, renamedFrom, renamedFromDatabase);
    }

    @Override
    public String toString() {
        return "DdlText[kind="
                + kind
                + ", renames="
                + renames
                + ", drops="
                + drops
                + ", renamedFrom="
                + renamedFrom
                + ", renamedFromDatabase="
                + renamedFromDatabase
                + "]";
    }

    /**
     * {@code ddl} with every name (bare or back-quoted) replaced by {@code names.apply(name)};
     * string literals and comments are kept as they are. Keywords are names to this scan, so {@code
     * names} must keep a keyword a keyword (folding its case does). The committer uses it to speak
     * of columns by their warehouse names ({@code jdbc.WarehouseNames}): the renames and drops
     * {@link #parse} finds in the result are warehouse names.
     */
    public static String mapNames(String ddl, UnaryOperator<String> names) {
        return DdlScanner.mapNames(ddl, names);
    }

    /** Removes comments and quoted strings (kept as {@code ''}), leaving back-quoted names. */
    static String stripCommentsAndStrings(String sql) {
        return DdlScanner.stripCommentsAndStrings(sql);
    }
}
