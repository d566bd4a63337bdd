package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.source.ServerIdRange;
import io.github.binlog2redshift.config.source.SourceLegacyKeys;
import io.github.binlog2redshift.config.source.StartupMode;
import io.github.binlog2redshift.config.source.TablePkOverride;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cdc-source job's options (MySQL binlog -> Kafka). {@link #ALL} is the full catalogue,
 * including {@link MySqlTlsOptions}, {@link KafkaOptions}, {@link KafkaProducerOptions} and {@link
 * PipelineOptions}; the typed view is {@link io.github.binlog2redshift.config.source.SourceConfig}.
 */
public final class SourceOptions {

    private SourceOptions() {}

    /** Default text of the connection options a secret can supply. */
    private static final String FROM_SECRET = "(none; required unless source.secret-id has it)";

    public static final ConfigOption<String> HOSTNAME =
            ConfigOption.key("source.hostname", ValueType.string())
                    .defaultText(FROM_SECRET)
                    .description("MySQL host name or IP.")
                    .build();

    public static final ConfigOption<Integer> PORT =
            ConfigOption.key(
                            "source.port",
                            ValueType.integer().checked(p -> p >= 1 && p <= 65535, "in 1..65535"))
                    .defaultValue(3306)
                    .description("MySQL port.")
                    .build();

    public static final ConfigOption<String> USERNAME =
            ConfigOption.key("source.username", ValueType.string())
                    .defaultText(FROM_SECRET)
                    .description("MySQL user with REPLICATION SLAVE, REPLICATION CLIENT, SELECT.")
                    .build();

    public static final ConfigOption<String> PASSWORD =
            ConfigOption.key("source.password", ValueType.string())
                    .secret()
                    .defaultText(FROM_SECRET)
                    .description(
                            "MySQL password. Prefer source.secret-id, the properties file or a KDA"
                                    + " property group to a command-line argument, which the Flink"
                                    + " UI and ps show.")
                    .build();

    public static final ConfigOption<String> SECRET_ID =
            ConfigOption.key("source.secret-id", ValueType.string())
                    .description(
                            "AWS Secrets Manager secret (name or ARN) in the RDS layout (JSON with"
                                    + " host, port, username, password, dbname, ...): its password,"
                                    + " and its host, port and username when present, are used;"
                                    + " source.hostname, source.port and source.username fill the"
                                    + " fields the secret lacks. Read once at start.")
                    .build();

    public static final ConfigOption<String> SECRET_REGION =
            ConfigOption.key("source.secret-region", ValueType.string())
                    .defaultText("the region of an ARN, else the AWS SDK default (AWS_REGION)")
                    .description("Region of source.secret-id.")
                    .build();

    public static final ConfigOption<List<Pattern>> DATABASE_LIST =
            ConfigOption.key("source.database-list", ValueType.listOf(ValueType.regex()))
                    .required()
                    .description(
                            "Databases to capture: regexes, each matched against the whole name.")
                    .build();

    public static final ConfigOption<List<Pattern>> TABLE_LIST =
            ConfigOption.key("source.table-list", ValueType.listOf(ValueType.regex()))
                    .defaultText("every table of the captured databases")
                    .description(
                            "Tables to capture: regexes of <database>.<table>, each matched against the whole name (escape the dot: `shop\\.orders`).")
                    .build();

    public static final ConfigOption<Boolean> SCAN_NEWLY_ADDED_TABLES =
            ConfigOption.key("source.scan-newly-added-tables", ValueType.bool())
                    .defaultValue(false)
                    .description(
                            "On a restore from a savepoint or checkpoint, snapshot the tables that"
                                    + " source.table-list (or source.database-list) captures now but"
                                    + " did not when it was taken, then stream them with the rest;"
                                    + " the other tables go on from the saved binlog position."
                                    + " Requires source.startup.mode INITIAL (see Adding a table"
                                    + " in docs/cdc-source.md).")
                    .build();

    public static final ConfigOption<ServerIdRange> SERVER_ID =
            ConfigOption.key("source.server-id", ServerIdRange.TYPE)
                    .defaultText("Flink CDC picks a random id in 5400-6400")
                    .description(
                            "Replica server id(s): one id per parallel reader, so the range must be at least as large as the source parallelism; unique among the server's replicas.")
                    .build();

    public static final ConfigOption<ZoneId> SERVER_TIME_ZONE =
            ConfigOption.key("source.server-time-zone", ValueType.zoneId())
                    .defaultValue(ZoneId.of("UTC"))
                    .description(
                            "The MySQL session time zone, used to read TIMESTAMP columns correctly.")
                    .build();

    public static final ConfigOption<StartupMode> STARTUP_MODE =
            ConfigOption.key("source.startup.mode", ValueType.enumOf(StartupMode.class))
                    .defaultValue(StartupMode.INITIAL)
                    .description("Where to start when there is no checkpoint (see Startup modes).")
                    .build();

    public static final ConfigOption<String> STARTUP_BINLOG_FILE =
            ConfigOption.key("source.startup.binlog-file", ValueType.string())
                    .description("SPECIFIC_OFFSET: binlog file name, e.g. mysql-bin.000003.")
                    .build();

    public static final ConfigOption<Long> STARTUP_BINLOG_POSITION =
            ConfigOption.key("source.startup.binlog-position", ValueType.longAtLeast(4))
                    .defaultValue(4L)
                    .description(
                            "SPECIFIC_OFFSET: position in the binlog file (4 is the first event).")
                    .build();

    public static final ConfigOption<String> STARTUP_GTID_SET =
            ConfigOption.key("source.startup.gtid-set", ValueType.string())
                    .description(
                            "GTID: start after this executed GTID set, e.g. 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-23.")
                    .build();

    public static final ConfigOption<Long> STARTUP_TIMESTAMP_MS =
            ConfigOption.key("source.startup.timestamp-ms", ValueType.longAtLeast(0))
                    .description("TIMESTAMP: epoch milliseconds.")
                    .build();

    public static final ConfigOption<Integer> POSITION_EPOCH =
            ConfigOption.key(
                            "source.position-epoch",
                            ValueType.integer().checked(e -> e >= 0 && e <= 999, "in 0..999"))
                    .defaultValue(0)
                    .description(
                            "The binlog history events belong to: raise it by one when the binlog starts over (failover to a server with its own binlog, RESET MASTER), so later positions order above every earlier one (docs/cdc-source.md).")
                    .build();

    public static final ConfigOption<Integer> SNAPSHOT_CHUNK_SIZE =
            ConfigOption.key("source.snapshot.chunk-size", ValueType.intAtLeast(1))
                    .defaultValue(8096)
                    .description("Rows per snapshot split.")
                    .build();

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOption.key("source.parallelism", ValueType.intAtLeast(1))
                    .defaultText("pipeline.parallelism")
                    .description("Parallelism of the MySQL source (snapshot readers).")
                    .build();

    public static final ConfigOption<Map<String, String>> CHUNK_KEY_COLUMNS =
            ConfigOption.key("source.chunk-key-columns", ValueType.keyValues(';'))
                    .defaultValue(Map.of(), "(none: the first primary-key column)")
                    .description(
                            "Snapshot split column per table: <database>.<table>=<column>;... (exact names, not regexes).")
                    .build();

    public static final ConfigOption<List<TablePkOverride>> TABLE_PK_OVERRIDES =
            ConfigOption.key(
                            "source.table-pk-overrides",
                            ValueType.of(
                                    "JSON list of {db, table, primary_key, column_max_length}",
                                    TablePkOverride::parseList,
                                    list -> "[]"))
                    .defaultValue(List.of(), "[]")
                    .description(
                            "Per-table key columns and string truncation, first match wins; db and table are regexes matched against the whole name. See the example.")
                    .build();

    public static final ConfigOption<Boolean> ALLOW_EXPIRED_TRANSACTIONS =
            ConfigOption.key("source.allow-expired-transactions", ValueType.bool())
                    .defaultValue(false)
                    .description(
                            "EXACTLY_ONCE: start from a checkpoint older than the Kafka transaction"
                                    + " timeout, whose pre-committed transaction the broker has"
                                    + " aborted (its changes may be lost). Without it such a"
                                    + " restore fails; see docs/cdc-source.md.")
                    .build();

    public static final ConfigOption<Duration> TABLE_NAME_CHECK_INTERVAL =
            ConfigOption.key(
                            "source.table-name-check-interval",
                            ValueType.duration().checked(d -> !d.isNegative(), ">= 0"))
                    .defaultValue(Duration.ofMinutes(1))
                    .description(
                            "How often the running job looks for tables in the captured databases"
                                    + " whose names Flink CDC cannot capture (a single quote, or a"
                                    + " backtick or double quote at the start or end of a name):"
                                    + " they are skipped, each logged once and counted in the"
                                    + " uncapturableTables metric. 0 turns the check off.")
                    .build();

    public static final List<ConfigOption<?>> OWN =
            List.of(
                    HOSTNAME,
                    PORT,
                    USERNAME,
                    PASSWORD,
                    SECRET_ID,
                    SECRET_REGION,
                    DATABASE_LIST,
                    TABLE_LIST,
                    SCAN_NEWLY_ADDED_TABLES,
                    SERVER_ID,
                    SERVER_TIME_ZONE,
                    STARTUP_MODE,
                    STARTUP_BINLOG_FILE,
                    STARTUP_BINLOG_POSITION,
                    STARTUP_GTID_SET,
                    STARTUP_TIMESTAMP_MS,
                    POSITION_EPOCH,
                    SNAPSHOT_CHUNK_SIZE,
                    PARALLELISM,
                    CHUNK_KEY_COLUMNS,
                    TABLE_PK_OVERRIDES,
                    ALLOW_EXPIRED_TRANSACTIONS,
                    TABLE_NAME_CHECK_INTERVAL);

    /** Everything the cdc-source job reads. */
    public static final OptionCatalog ALL =
            OptionCatalog.of(
                    "cdc-source",
                    SourceLegacyKeys.table(),
                    OWN,
                    MySqlTlsOptions.ALL,
                    KafkaOptions.SHARED,
                    KafkaProducerOptions.ALL,
                    PipelineOptions.ALL);
}
