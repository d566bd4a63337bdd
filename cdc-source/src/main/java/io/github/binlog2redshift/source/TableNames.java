package io.github.binlog2redshift.source;

import io.github.binlog2redshift.event.TableId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The table names Flink CDC 3.5.0 cannot capture, and the table-list patterns that leave them out.
 *
 * <p>Tried one by one against MariaDB 10.11 (snapshot, binlog, a table created mid-run, restore
 * from a checkpoint): spaces, dots, double quotes and backticks inside a name, unicode and
 * 64-character names are carried. These are not, and each fails the whole job:
 *
 * <ul>
 *   <li>a single quote anywhere: the chunk splitter puts the name into a string literal without
 *       escaping it ({@code SQLSyntaxErrorException} from {@code queryApproximateRowCnt});
 *   <li>a backtick at the start or end of the database or table name: Debezium's quoting leaves a
 *       name already ending in a quote unquoted ({@code SHOW CREATE TABLE} fails);
 *   <li>a double quote there: the split serializer writes the table id in double quotes and cannot
 *       parse it back ({@code TableIdParser: Unexpected input}, a crash loop), or the snapshot
 *       reader finds no table (a {@code NullPointerException}).
 * </ul>
 *
 * <p>Whether a name is capturable is decided by one regex over {@code <database>.<table>}, the text
 * Flink CDC's table list is matched against, so the preflight and the running source can never
 * disagree: a quote next to a dot counts as a quote at the start or end of a name.
 */
public final class TableNames {

    /**
     * Zero-width: true at the start of a capturable {@code db.table}. No comma: Debezium splits its
     * table include list on commas.
     */
    static final String CAPTURABLE =
            "(?s:(?!.*')(?![`\"])(?!.*[`\"]$)(?!.*[`\"]\\.)(?!.*\\.[`\"]))";

    private static final Pattern CAPTURABLE_NAME =
            Pattern.compile(CAPTURABLE + ".*", Pattern.DOTALL);

    private TableNames() {}

    /** Whether Flink CDC can capture the table. */
    public static boolean capturable(TableId table) {
        return CAPTURABLE_NAME.matcher(table.toString()).matches();
    }

    /** Why the table cannot be captured, for messages; empty when it can. */
    public static Optional<String> problem(TableId table) {
        if (capturable(table)) {
            return Optional.empty();
        }
        String what =
                table.toString().indexOf('\'') >= 0
                        ? "has a single quote in its name"
                        : "has a backtick or double quote at the start or end of a name";
        return Optional.of(
                "table "
                        + quoted(table.database())
                        + "."
                        + quoted(table.table())
                        + " "
                        + what
                        + ", which Flink CDC 3.5 cannot capture: it is skipped; rename it (RENAME"
                        + " TABLE) to capture it");
    }

    /** As MySQL quotes a name, so the table can be pasted into {@code RENAME TABLE}. */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * A Flink CDC table-list pattern that matches what {@code pattern} matches, less the tables
     * that cannot be captured (now and any created later), so such a table never reaches the
     * source's splits and state.
     */
    static String capturableOnly(String pattern) {
        return CAPTURABLE + "(?:" + pattern + ")";
    }
}
