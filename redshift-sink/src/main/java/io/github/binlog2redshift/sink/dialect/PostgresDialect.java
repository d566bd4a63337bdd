package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.List;

/**
 * PostgreSQL (15+). Keys are enforced; staged files are streamed to the server with {@code COPY ...
 * FROM STDIN} in CSV form, which handles commas, quotes, newlines and backslashes (the text form
 * would mangle backslashes in JSON).
 */
public final class PostgresDialect implements SqlDialect {

    private static final long serialVersionUID = 1L;

    @Override
    public String columnType(ColumnDef column) {
        return PostgresTypes.of(column);
    }

    @Override
    public String createTable(TableShape shape) {
        return TableStatements.createTarget(shape, this::columnType, "");
    }

    @Override
    public String createTombstoneTable(TableShape shape) {
        return TableStatements.createTombstones(shape, this::columnType, "");
    }

    @Override
    public String currentTimestamp() {
        return "now()";
    }

    @Override
    public String binaryPrefix() {
        return "\\x";
    }

    /** The COPY that CopyManager feeds with the staged CSV. */
    public String copyFromStdin(List<String> stagedColumns) {
        return "COPY "
                + ident(ReservedNames.STAGE_TABLE)
                + " ("
                + identList(stagedColumns)
                + ") FROM STDIN WITH (FORMAT csv, NULL '\\N')";
    }
}
