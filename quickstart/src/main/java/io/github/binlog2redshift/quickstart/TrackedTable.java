package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A source table the pipeline carries and the warehouse table the sink writes it to.
 *
 * @param database source database
 * @param table source table
 * @param targetSchema warehouse schema (per the sink's naming and rules)
 * @param targetTable warehouse table
 */
record TrackedTable(String database, String table, String targetSchema, String targetTable) {

    String source() {
        return database + "." + table;
    }

    String target() {
        return targetSchema + "." + targetTable;
    }

    /**
     * The base tables on the source that cdc-source captures and redshift-sink loads, in name
     * order.
     */
    static List<TrackedTable> resolve(Connection source, SourceConfig src, SinkConfig sink)
            throws SQLException {
        List<TrackedTable> tables = new ArrayList<>();
        try (ResultSet rs =
                source.createStatement()
                        .executeQuery(
                                "SELECT table_schema, table_name FROM information_schema.tables"
                                        + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN"
                                        + " ('mysql', 'information_schema', 'performance_schema', 'sys')"
                                        + " ORDER BY table_schema, table_name")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String table = rs.getString(2);
                if (src.captures(db, table) && sink.tables().loads(db, table)) {
                    var target = sink.tables().targetFor(db, table);
                    tables.add(new TrackedTable(db, table, target.schema(), target.table()));
                }
            }
        }
        return tables;
    }
}
