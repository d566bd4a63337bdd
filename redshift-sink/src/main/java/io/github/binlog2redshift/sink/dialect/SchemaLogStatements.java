package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;

/**
 * The schema log: one row per table-level DDL (TRUNCATE, DROP TABLE) and column rename applied to a
 * target, keyed by the statement's source position. cdc-source writes each DDL to every Kafka
 * partition, so every sink subtask meets it; the first to apply it records it here in the same
 * transaction, and the others skip it instead of emptying the table a second time after rows were
 * loaded.
 */
final class SchemaLogStatements {

    private SchemaLogStatements() {}

    static String create(String schema) {
        return "CREATE TABLE IF NOT EXISTS "
                + log(schema)
                + " (\"target_table\" VARCHAR(1024) NOT NULL, \"position\" VARCHAR(40) NOT NULL,"
                + " \"ddl\" VARCHAR(65535), \"applied_at\" TIMESTAMPTZ NOT NULL,"
                + " PRIMARY KEY (\"target_table\", \"position\"))";
    }

    static String lookup(String schema) {
        return "SELECT 1 FROM " + log(schema) + " WHERE \"target_table\" = ? AND \"position\" = ?";
    }

    static String entries(String schema) {
        return "SELECT \"position\", \"ddl\" FROM "
                + log(schema)
                + " WHERE \"target_table\" = ? ORDER BY \"position\"";
    }

    static String insert(String schema, String now) {
        return "INSERT INTO "
                + log(schema)
                + " (\"target_table\", \"position\", \"ddl\", \"applied_at\") VALUES (?, ?, ?, "
                + now
                + ")";
    }

    private static String log(String schema) {
        return ident(schema) + "." + ident(ReservedNames.SCHEMA_LOG_TABLE);
    }
}
