package io.github.binlog2redshift.bench.peer;

import io.github.binlog2redshift.bench.KafkaClients;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connector configurations of the peer: Debezium's MariaDB source and JDBC sink, tuned the way
 * their documentation suggests for throughput and given the Kafka client settings our jobs get
 * ({@link KafkaClients}), so the comparison is with the peer at its best, not its defaults. Each
 * setting's reason is in benchmarks/README.md.
 */
public final class DebeziumConnectors {

    /** The one binlog source: Debezium's connector for MariaDB servers. */
    public static final String SOURCE_CLASS = "io.debezium.connector.mariadb.MariaDbConnector";

    /** Events a source task hands Connect at once, and how many it buffers. */
    static final int MAX_BATCH_SIZE = 8192;

    static final int MAX_QUEUE_SIZE = 32768;

    /** Records a JDBC sink task writes in one batch: the poll size of both sinks. */
    static final int SINK_BATCH_SIZE = 5000;

    private DebeziumConnectors() {}

    /** The topic Debezium's binlog source writes {@code table}'s changes to. */
    public static String topic(String topicPrefix, MySqlDatabase db, String table) {
        return topicPrefix + "." + db.name() + "." + table;
    }

    /**
     * The table the JDBC sink writes {@code topic} to: {@code collection.name.format} defaults to
     * {@code ${topic}} and Debezium's {@code DefaultCollectionNamingStrategy} replaces the dots by
     * underscores. Unquoted ({@code quote.identifiers=false}), so PostgreSQL folds it to lower
     * case.
     */
    public static String sinkTable(String topic) {
        return topic.replace('.', '_');
    }

    /**
     * @param snapshotMode {@code never}: read the binlog from its first file (the backlog); {@code
     *     no_data}: start at the current end (steady load)
     */
    public static Map<String, String> source(
            MySqlDatabase db, String topicPrefix, long serverId, String snapshotMode, Path dir) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SOURCE_CLASS);
        c.put("tasks.max", "1");
        c.put("database.hostname", db.host());
        c.put("database.port", Integer.toString(db.port()));
        c.put("database.user", db.cdcUser());
        c.put("database.password", db.cdcPassword());
        c.put("database.server.id", Long.toString(serverId));
        c.put("database.include.list", db.name());
        c.put("topic.prefix", topicPrefix);
        c.put("snapshot.mode", snapshotMode);
        c.put("snapshot.locking.mode", "none");
        c.put("include.schema.changes", "false");
        c.put("tombstones.on.delete", "false");
        c.put("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        c.put(
                "schema.history.internal.file.filename",
                dir.resolve(topicPrefix + "-history.dat").toString());
        c.put("topic.creation.default.partitions", "1");
        c.put("topic.creation.default.replication.factor", "1");
        c.put("max.batch.size", Integer.toString(MAX_BATCH_SIZE));
        c.put("max.queue.size", Integer.toString(MAX_QUEUE_SIZE));
        c.put("poll.interval.ms", "50");
        c.put("snapshot.fetch.size", "10000");
        c.put("database.ssl.mode", "disable");
        c.putAll(KafkaClients.prefixed("producer.override.", KafkaClients.producer()));
        return c;
    }

    /** Upserts and deletes by the record key into {@code target}; tables named after the topic. */
    public static Map<String, String> jdbcSink(
            PostgresDatabase target, String topicsRegex, int tasks) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
        c.put("tasks.max", Integer.toString(tasks));
        c.put("topics.regex", topicsRegex);
        // pgjdbc sends a JDBC batch of INSERT ... ON CONFLICT as multi-row statements with it
        c.put("connection.url", target.jdbcUrl() + "?reWriteBatchedInserts=true");
        c.put("connection.username", target.user());
        c.put("connection.password", target.password() == null ? "" : target.password());
        c.put("insert.mode", "upsert");
        c.put("delete.enabled", "true");
        c.put("primary.key.mode", "record_key");
        c.put("schema.evolution", "basic");
        c.put("use.reduction.buffer", "true");
        c.put("batch.size", Integer.toString(SINK_BATCH_SIZE));
        c.putAll(KafkaClients.prefixed("consumer.override.", KafkaClients.consumer()));
        c.put("consumer.override.auto.offset.reset", "earliest");
        // The default range assignor gives every single-partition topic to task 0, leaving the
        // other tasks idle; round robin spreads the tables, so "2 tasks" means two working tasks.
        c.put(
                "consumer.override.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.RoundRobinAssignor");
        return c;
    }
}
