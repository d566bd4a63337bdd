package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.StartupConfig;
import io.github.binlog2redshift.source.debezium.ChangeEventDeserializer;
import io.github.binlog2redshift.source.debezium.EventSizeLimit;
import io.github.binlog2redshift.source.debezium.NotNullDateConverter;
import io.github.binlog2redshift.source.kafka.ChangeEventKafkaSink;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSourceBuilder;
import org.apache.flink.cdc.connectors.mysql.source.PositionedMySqlSource;
import org.apache.flink.cdc.connectors.mysql.table.StartupOptions;
import org.apache.flink.table.catalog.ObjectPath;

/** Builds Flink CDC's {@link MySqlSource} from the job's {@link SourceConfig}. */
public final class MySqlSourceFactory {

    private MySqlSourceFactory() {}

    public static MySqlSource<SourceChange> create(SourceConfig config) {
        ChangeEventDeserializer deserializer =
                new ChangeEventDeserializer(
                        config.tablePkOverrides(),
                        eventSizeLimit(config),
                        config.startup().positionEpoch());
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
                        .debeziumProperties(debeziumProperties(config))
                        .jdbcProperties(MySqlTlsProperties.jdbcUrlParameters(config.mysql().tls()))
                        .deserializer(deserializer);
        b.tableList(tableList(config));
        // Added tables are snapshotted on restore only; docs/cdc-source.md "Adding a table".
        b.scanNewlyAddedTableEnabled(config.scanNewlyAddedTables());
        // Backfill would replace a chunk's rows with the partial after images of changes made
        // while it was read (Flink CDC copies the after image whole); without it the chunk is
        // positioned at its low watermark and those changes follow it (docs/cdc-source.md).
        b.skipSnapshotBackfill(RowImage.isPartial(config));
        config.serverId().ifPresent(ids -> b.serverId(ids.toString()));
        for (Map.Entry<String, String> e : config.chunkKeyColumns().entrySet()) {
            String table = e.getKey();
            int dot = table.indexOf('.');
            b.chunkKeyColumn(
                    new ObjectPath(table.substring(0, dot), table.substring(dot + 1)),
                    e.getValue());
        }
        // Snapshot rows carry their chunk's high watermark, and each chunk is followed by its key
        // range (docs/event-format.md).
        return PositionedMySqlSource.of(b.build(), deserializer, deserializer);
    }

    /** The producer's {@code max.request.size}: larger changes are dead-lettered. */
    static EventSizeLimit eventSizeLimit(SourceConfig config) {
        return EventSizeLimit.of(
                ChangeEventKafkaSink.maxRequestSize(
                        ChangeEventKafkaSink.producerProperties(config.kafka())));
    }

    /** {@link #debeziumProperties()} plus the binlog client's TLS ({@code source.ssl.*}). */
    public static Properties debeziumProperties(SourceConfig config) {
        Properties p = debeziumProperties();
        p.putAll(MySqlTlsProperties.debezium(config.mysql().tls()));
        return p;
    }

    /**
     * Debezium settings the converters in {@code source.debezium} rely on: type propagation for
     * exact column types, exact decimals and unsigned BIGINT, raw bytes for binary columns, and
     * microsecond time values (docs/event-format.md).
     *
     * <p>{@code poll.interval.ms}: Debezium's queue waits up to this long whenever it is polled
     * short of a full batch, and Flink CDC's snapshot split reader polls about three times per
     * chunk, so the default 500 ms cost ~1.5 s of idle waiting per chunk (measured on MariaDB:
     * 10.9k rows/s with 8096-row chunks at 500 ms, 120k rows/s at 10 ms; benchmarks/README.md). It
     * also bounds the binlog phase's added latency.
     *
     * <p>{@code connect.keep.alive.interval.ms}: the binlog client notices a lost connection and
     * connects again only on its keep-alive tick, so with Debezium's 60 s a MySQL restart stalled
     * the binlog for about a minute after the server was back (docs/chaos.md, Findings). Debezium
     * asks the server for a heartbeat at 0.8 of this interval, so an idle connection is not taken
     * for a lost one.
     *
     * <p>{@code converters}: {@link NotNullDateConverter} keeps MySQL's zero date in NOT NULL
     * temporal columns from becoming a real date.
     */
    public static Properties debeziumProperties() {
        Properties p = new Properties();
        p.setProperty("column.propagate.source.type", ".*");
        p.setProperty("decimal.handling.mode", "precise");
        p.setProperty("bigint.unsigned.handling.mode", "precise");
        p.setProperty("binary.handling.mode", "bytes");
        p.setProperty("time.precision.mode", "adaptive_time_microseconds");
        p.setProperty("poll.interval.ms", "10");
        p.setProperty("connect.keep.alive.interval.ms", "10000");
        p.setProperty("converters", "b2rnotnulldates");
        p.setProperty("b2rnotnulldates.type", NotNullDateConverter.class.getName());
        return p;
    }

    static StartupOptions startupOptions(StartupConfig s) {
        switch (s.mode()) {
            case INITIAL:
                return StartupOptions.initial();
            case SNAPSHOT:
                return StartupOptions.snapshot();
            case LATEST:
                return StartupOptions.latest();
            case EARLIEST:
                return StartupOptions.earliest();
            case SPECIFIC_OFFSET:
                return StartupOptions.specificOffset(
                        s.binlogFile().orElseThrow(), s.binlogPosition());
            case GTID:
                return StartupOptions.specificOffset(s.gtidSet().orElseThrow());
            case TIMESTAMP:
                return StartupOptions.timestamp(s.timestampMs().orElseThrow());
            default:
                throw new IllegalArgumentException("unknown startup mode " + s.mode());
        }
    }

    /**
     * Flink CDC requires a table list; without one, every table of each captured database: {@code
     * (?:<database pattern>)\\..*}. Each pattern leaves out the names Flink CDC cannot capture
     * ({@link TableNames}), so a table created later with such a name is never captured: it is
     * skipped and reported ({@code UncapturableTables}) instead of failing the job.
     */
    static String[] tableList(SourceConfig config) {
        String[] patterns =
                !config.tableList().isEmpty()
                        ? patterns(config.tableList().toArray(Pattern[]::new))
                        : config.databaseList().stream()
                                .map(db -> "(?:" + db.pattern() + ")\\..*")
                                .toArray(String[]::new);
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = TableNames.capturableOnly(patterns[i]);
        }
        return patterns;
    }

    private static String[] patterns(Pattern[] patterns) {
        String[] out = new String[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            out[i] = patterns[i].pattern();
        }
        return out;
    }
}
