package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.table.StartupOptions;
import org.apache.flink.cdc.debezium.JsonDebeziumDeserializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local MariaDB is a working CDC source: Flink CDC reads its snapshot and its binlog. */
@ExtendWith(LocalStackExtension.class)
class MariaDbCdcITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(FlinkTestConfig.noRestarts())
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void snapshotAndBinlogRowsArriveAsChangeEvents(MySqlDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40))");
            s.execute("INSERT INTO orders VALUES (1, 'snapshot-row')");
        }
        MySqlSource<String> source =
                MySqlSource.<String>builder()
                        .hostname(db.host())
                        .port(db.port())
                        .databaseList(db.name())
                        .tableList(db.name() + ".orders")
                        .username(db.cdcUser())
                        .password(db.cdcPassword())
                        .serverId("5401")
                        .serverTimeZone("UTC")
                        .startupOptions(StartupOptions.initial())
                        .deserializer(new JsonDebeziumDeserializationSchema())
                        .build();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        env.enableCheckpointing(1000);

        try (CloseableIterator<String> events =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "mysql-cdc")
                        .executeAndCollect("mariadb-cdc-it")) {
            String snapshot = events.next();
            assertThat(snapshot).contains("\"op\":\"r\"").contains("snapshot-row");

            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO orders VALUES (2, 'binlog-row')");
            }
            String change = events.next();
            assertThat(change)
                    .contains("\"op\":\"c\"")
                    .contains("\"id\":2")
                    .contains("binlog-row")
                    .contains("\"db\":\"" + db.name() + "\"");
        }
    }
}
