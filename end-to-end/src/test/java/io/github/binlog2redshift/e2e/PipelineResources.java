package io.github.binlog2redshift.e2e;

import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.localstack.FlinkS3Plugin;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlAdmin;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One test's own slice of the local stack: two source databases, the change topic, the dead-letter
 * topics, a staging prefix and a warehouse database; the sink's job id is the topic's unique name.
 */
record PipelineResources(
        LocalStack stack,
        MySqlDatabase db1,
        MySqlDatabase db2,
        KafkaTopic topic,
        S3Location s3,
        WarehouseDatabase warehouse) {

    /** Prepares the slice: grants, dead-letter topics and Flink's {@code s3://} file system. */
    static PipelineResources of(
            LocalStack stack,
            MySqlDatabase db1,
            MySqlDatabase db2,
            KafkaTopic topic,
            S3Location s3,
            WarehouseDatabase warehouse)
            throws SQLException {
        return of(stack, stack.mySql(), db1, db2, topic, s3, warehouse);
    }

    /** As above, with the databases on the server {@code mySql} administers (not the stack's). */
    static PipelineResources of(
            LocalStack stack,
            MySqlAdmin mySql,
            MySqlDatabase db1,
            MySqlDatabase db2,
            KafkaTopic topic,
            S3Location s3,
            WarehouseDatabase warehouse)
            throws SQLException {
        // One CDC user reads both databases (as one job does in production); verify reads as db1's
        // owner.
        try (Connection c = mySql.connect(db2.name());
                Statement s = c.createStatement()) {
            for (String user : new String[] {db1.cdcUser(), db1.user()}) {
                s.execute("GRANT SELECT ON `" + db2.name() + "`.* TO '" + user + "'@'%'");
            }
        }
        PipelineResources p = new PipelineResources(stack, db1, db2, topic, s3, warehouse);
        stack.kafka().createTopic(topic.name() + "-source-dlq", 1);
        stack.kafka().createTopic(p.deadLetterTopic(), 1);
        FlinkS3Plugin.initialize(stack.s3());
        return p;
    }

    /** The sink's identity in the commit ledger and its consumer group. */
    String jobId() {
        return "sink-" + topic.name();
    }

    String deadLetterTopic() {
        return topic.name() + "-sink-dlq";
    }

    /** Runs statements in {@code db} as its owner, each in autocommit. */
    static void sql(MySqlDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * The server's current binlog position ({@code SHOW MASTER STATUS}), as cdc-source reads it.
     */
    static SourcePosition binlogPosition(MySqlDatabase db) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(db.jdbcUrl(), db.cdcUser(), db.cdcPassword());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            if (!rs.next()) {
                throw new SQLException("SHOW MASTER STATUS returned no row: binary log off?");
            }
            return SourcePosition.binlog(0, rs.getString(1), rs.getLong(2), 0, null, false, 0);
        }
    }

    /** The sink's default naming: {@code public.<db>__<table>}, lower case. */
    String target(MySqlDatabase db, String table) {
        return "public.\"" + (db.name() + "__" + table).toLowerCase() + "\"";
    }
}
