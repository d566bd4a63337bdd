package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.StartupConfig;
import io.github.binlog2redshift.source.debezium.ChangeEventDeserializer;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSourceBuilder;
import org.apache.flink.cdc.connectors.mysql.table.StartupOptions;
import org.apache.flink.table.catalog.ObjectPath;

/** Builds Flink CDC's {@link MySqlSource} from the job's {@link SourceConfig}. */
public final class MySqlSourceFactory {

    private MySqlSourceFactory() {}

    public static MySqlSource<SourceChange> create(SourceConfig config) {
        MySqlSourceBuilder<SourceChange> b =
                MySqlSource.<SourceChange>builder()
                        .hostname(config.mysql().hostname())
                        .port(config.mysql().port())
                        .username(config.mysql().username())
                        .password(config.mysql().password().reveal())
                        .serverTimeZone(config.mysql().serverTimeZone().getId())
                        .databaseList(patterns(config.databaseList().toArray(Pattern[]::new)))
                        .splitSize(config.chunkSize())
                        .includeSchemaChanges(true)
                        .startupOptions(startupOptions(config.startup()))
                        .debeziumProperties(debeziumProperties())
                        .deserializer(new ChangeEventDeserializer(config.tablePkOverrides()));
        b.tableList(tableList(config));
        config.serverId().ifPresent(ids -> b.serverId(ids.toString()));
        for (Map.Entry<String, String> e : config.chunkKeyColumns().entrySet()) {
            String table = e.getKey();
            int dot = table.indexOf('.');
            b.chunkKeyColumn(
                    new ObjectPath(table.substring(0, dot), table.substring(dot + 1)),
                    e.getValue());
        }
        return b.build();
    }

    /**
     * Debezium settings the converters in {@code source.debezium} rely on: type propagation for
     * exact column types, exact decimals and unsigned BIGINT, raw bytes for binary columns, and
     * microsecond time values (docs/event-format.md).
     */
    public static Properties debeziumProperties() {
        Properties p = new Properties();
        p.setProperty("column.propagate.source.type", ".*");
        p.setProperty("decimal.handling.mode", "precise");
        p.setProperty("bigint.unsigned.handling.mode", "precise");
        p.setProperty("binary.handling.mode", "bytes");
        p.setProperty("time.precision.mode", "adaptive_time_microseconds");
        return p;
    }

    static StartupOptions startupOptions(StartupConfig s) {
        return switch (s.mode()) {
            case INITIAL -> StartupOptions.initial();
            case SNAPSHOT -> StartupOptions.snapshot();
            case LATEST -> StartupOptions.latest();
            case EARLIEST -> StartupOptions.earliest();
            case SPECIFIC_OFFSET ->
                    StartupOptions.specificOffset(s.binlogFile().orElseThrow(), s.binlogPosition());
            case GTID -> StartupOptions.specificOffset(s.gtidSet().orElseThrow());
            case TIMESTAMP -> StartupOptions.timestamp(s.timestampMs().orElseThrow());
        };
    }

    /**
     * Flink CDC requires a table list; without one, every table of each captured database: {@code
     * (?:<database pattern>)\\..*}.
     */
    static String[] tableList(SourceConfig config) {
        if (!config.tableList().isEmpty()) {
            return patterns(config.tableList().toArray(Pattern[]::new));
        }
        return config.databaseList().stream()
                .map(db -> "(?:" + db.pattern() + ")\\..*")
                .toArray(String[]::new);
    }

    private static String[] patterns(Pattern[] patterns) {
        String[] out = new String[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            out[i] = patterns[i].pattern();
        }
        return out;
    }
}
