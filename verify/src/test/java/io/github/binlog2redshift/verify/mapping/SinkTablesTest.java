package io.github.binlog2redshift.verify.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.event.TableId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's table mapping and modes read from the sink's own properties file. */
class SinkTablesTest {

    private static final String SINK =
            "kafka.bootstrap-servers=localhost:9092\n"
                    + "kafka.topic-pattern=cdc_.*\n"
                    + "sink.redshift.secret-id=prod/redshift/loader\n"
                    + "sink.redshift.schema=ods\n"
                    + "sink.redshift.iam-role=arn:aws:iam::123456789012:role/redshift-copy\n"
                    + "sink.staging.path=s3://bucket/staging/\n"
                    + "sink.target-naming=DB_TABLE\n"
                    + "sink.table-exclude=shop\\\\.audit\n"
                    + "sink.tables=[{\"db\":\"shop\",\"table\":\"orders_\\\\\\\\d+\",\"target_table\":\"orders\"},\\\n"
                    + "  {\"db\":\"shop\",\"table\":\"customers\",\"soft_delete\":true},\\\n"
                    + "  {\"db\":\"shop\",\"table\":\"events\",\"skip_delete\":true},\\\n"
                    + "  {\"db\":\"shop\",\"table\":\"legacy\",\"ignore_ddl\":true,\"target_schema\":\"old\"},\\\n"
                    + "  {\"db\":\"shop\",\"table\":\"log\",\"keyless\":\"append\"},\\\n"
                    + "  {\"db\":\"crm\",\"table\":\"tmp_.*\",\"exclude\":true}]\n";

    @TempDir Path dir;

    private SinkTables read(String text, Map<String, TargetName> overrides) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, text);
        return SinkTables.read(file, overrides);
    }

    @Test
    void targetsFollowTheSinksNamingSchemaAndRules() throws Exception {
        SinkTables sink = read(SINK, Map.of());
        assertThat(sink.targetOf(TableId.of("shop", "items")))
                .isEqualTo(new TargetName("ods", "shop__items"));
        assertThat(sink.targetOf(TableId.of("shop", "orders_07")))
                .isEqualTo(new TargetName("ods", "orders"));
        assertThat(sink.targetOf(TableId.of("shop", "legacy")))
                .isEqualTo(new TargetName("old", "shop__legacy"));
        SinkTables mapped = read(SINK, Map.of("shop.items", new TargetName("x", "y")));
        assertThat(mapped.targetOf(TableId.of("shop", "items")))
                .isEqualTo(new TargetName("x", "y"));
    }

    @Test
    void tablesTheSinkDoesNotLoadAreLeftOut() throws Exception {
        SinkTables sink = read(SINK, Map.of());
        assertThat(sink.loads(TableId.of("shop", "items"))).isTrue();
        assertThat(sink.loads(TableId.of("crm", "tmp_1"))).isFalse();
        assertThat(sink.loads(TableId.of("shop", "audit"))).isFalse();
    }

    @Test
    void modesComeFromTheTableRules() throws Exception {
        SinkTables sink = read(SINK, Map.of());
        assertThat(sink.modeOf(TableId.of("shop", "customers"), "_b2r_deleted"))
                .isEqualTo(new TableMode("_b2r_deleted", false, false));
        assertThat(sink.modeOf(TableId.of("shop", "events"), "_b2r_deleted"))
                .isEqualTo(new TableMode(null, true, false));
        assertThat(sink.modeOf(TableId.of("shop", "legacy"), "_b2r_deleted"))
                .isEqualTo(new TableMode(null, false, true));
        assertThat(sink.modeOf(TableId.of("shop", "items"), "_b2r_deleted"))
                .isEqualTo(TableMode.STRICT);
    }

    @Test
    void keylessTablesKeptAsAChangeLogAreNamed() throws Exception {
        SinkTables sink = read(SINK, Map.of());
        assertThat(sink.keylessAsLog(TableId.of("shop", "log"))).isTrue();
        assertThat(sink.keylessAsLog(TableId.of("shop", "customers"))).isTrue();
        assertThat(sink.keylessAsLog(TableId.of("shop", "items"))).isFalse();
        SinkTables append = read(SINK + "sink.keyless-tables=APPEND\n", Map.of());
        assertThat(append.keylessAsLog(TableId.of("shop", "items"))).isTrue();
    }

    @Test
    void aKeyTheSinkRefusesIsRefusedNamingIt() {
        assertThatThrownBy(() -> read(SINK + "sink.target-nameing=TABLE_ONLY\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sink.target-nameing");
    }
}
