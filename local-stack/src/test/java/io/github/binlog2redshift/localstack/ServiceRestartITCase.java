package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * stop() and restart() of each service, as the fault harness (./chaos) uses them: down after
 * stop(), and after restart() on the same port with the data written before. Uses a stack of its
 * own, not the shared one, so that stopping a service disturbs no other test.
 */
class ServiceRestartITCase {

    @Test
    void eachServiceComesBackOnItsPortWithItsData() throws Exception {
        try (LocalStack stack = LocalStack.create()) {
            MySqlDatabase mysql = stack.newMySqlDatabase("restart");
            sql(mysql.connect(), "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (7)");
            stack.mariaDb().stop();
            assertThatThrownBy(mysql::connect).isInstanceOf(SQLException.class);
            stack.mariaDb().restart();
            assertThat(count(mysql.connect(), "SELECT COUNT(*) FROM t")).isEqualTo(1);

            PostgresDatabase pg = stack.newPostgresDatabase("restart");
            sql(pg.connect(), "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (7)");
            stack.postgres().stop();
            assertThatThrownBy(pg::connect).isInstanceOf(SQLException.class);
            stack.postgres().restart();
            assertThat(count(pg.connect(), "SELECT COUNT(*) FROM t")).isEqualTo(1);

            S3Location location = stack.newS3Location("restart");
            String endpoint = stack.s3().endpoint();
            try (S3Client s3 = stack.s3().newClient()) {
                s3.putObject(
                        b -> b.bucket(location.bucket()).key(location.prefix() + "kept"),
                        RequestBody.fromString("kept"));
                stack.s3().stop();
                assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(location.bucket())))
                        .isInstanceOf(Exception.class);
                stack.s3().restart();
                assertThat(stack.s3().endpoint()).isEqualTo(endpoint);
                assertThat(
                                s3.getObjectAsBytes(
                                                b ->
                                                        b.bucket(location.bucket())
                                                                .key(location.prefix() + "kept"))
                                        .asUtf8String())
                        .isEqualTo("kept");
            }

            KafkaTopic topic = stack.newTopic("restart", 2);
            String servers = stack.kafka().bootstrapServers();
            stack.kafka().stop();
            stack.kafka().restart();
            assertThat(stack.kafka().bootstrapServers()).isEqualTo(servers);
            // The topic made before the stop is still known to the broker.
            assertThatThrownBy(() -> stack.kafka().createTopic(topic.name(), 2))
                    .hasStackTraceContaining("already exists");
        }
    }

    private static void sql(Connection c, String... statements) throws SQLException {
        try (c;
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(Connection c, String query) throws SQLException {
        try (c;
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
