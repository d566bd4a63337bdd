package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.SourceOptions.ALLOW_EXPIRED_TRANSACTIONS;
import static io.github.binlog2redshift.config.SourceOptions.CHUNK_KEY_COLUMNS;
import static io.github.binlog2redshift.config.SourceOptions.DATABASE_LIST;
import static io.github.binlog2redshift.config.SourceOptions.PARALLELISM;
import static io.github.binlog2redshift.config.SourceOptions.SCAN_NEWLY_ADDED_TABLES;
import static io.github.binlog2redshift.config.SourceOptions.SERVER_ID;
import static io.github.binlog2redshift.config.SourceOptions.SNAPSHOT_CHUNK_SIZE;
import static io.github.binlog2redshift.config.SourceOptions.TABLE_LIST;
import static io.github.binlog2redshift.config.SourceOptions.TABLE_NAME_CHECK_INTERVAL;
import static io.github.binlog2redshift.config.SourceOptions.TABLE_PK_OVERRIDES;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.pipeline.PipelineConfig;
import io.github.binlog2redshift.config.secret.SecretReader;
import io.github.binlog2redshift.config.secret.SecretsManagerReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The cdc-source job's whole configuration, typed and cross-checked. Built only by {@link #from}.
 */
public final class SourceConfig {

    public static final String DEFAULT_JOB_NAME = "cdc-source";

    private final MySqlConnection mysql;
    private final List<Pattern> databaseList;
    private final List<Pattern> tableList;
    private final boolean scanNewlyAddedTables;
    private final Optional<ServerIdRange> serverId;
    private final StartupConfig startup;
    private final int chunkSize;
    private final Map<String, String> chunkKeyColumns;
    private final OptionalInt sourceParallelism;
    private final List<TablePkOverride> tablePkOverrides;
    private final KafkaProducerSettings kafka;
    private final boolean allowExpiredTransactions;
    private final Duration tableNameCheckInterval;
    private final PipelineConfig pipeline;

    private SourceConfig(
            MySqlConnection mysql,
            List<Pattern> databaseList,
            List<Pattern> tableList,
            boolean scanNewlyAddedTables,
            Optional<ServerIdRange> serverId,
            StartupConfig startup,
            int chunkSize,
            Map<String, String> chunkKeyColumns,
            OptionalInt sourceParallelism,
            List<TablePkOverride> tablePkOverrides,
            KafkaProducerSettings kafka,
            boolean allowExpiredTransactions,
            Duration tableNameCheckInterval,
            PipelineConfig pipeline) {
        this.mysql = mysql;
        this.databaseList = databaseList;
        this.tableList = tableList;
        this.scanNewlyAddedTables = scanNewlyAddedTables;
        this.serverId = serverId;
        this.startup = startup;
        this.chunkSize = chunkSize;
        this.chunkKeyColumns = chunkKeyColumns;
        this.sourceParallelism = sourceParallelism;
        this.tablePkOverrides = tablePkOverrides;
        this.kafka = kafka;
        this.allowExpiredTransactions = allowExpiredTransactions;
        this.tableNameCheckInterval = tableNameCheckInterval;
        this.pipeline = pipeline;
    }

    /** How to reach MySQL. */
    public MySqlConnection mysql() {
        return mysql;
    }

    /** Database regexes (whole-name match). */
    public List<Pattern> databaseList() {
        return databaseList;
    }

    /** {@code db.table} regexes (whole-name match); empty = all tables of the databases. */
    public List<Pattern> tableList() {
        return tableList;
    }

    /**
     * Whether a restore snapshots the tables captured now but not when the savepoint was taken
     * (Flink CDC's {@code scan.newly-added-table.enabled}).
     */
    public boolean scanNewlyAddedTables() {
        return scanNewlyAddedTables;
    }

    /** Replica server ids, empty to let Flink CDC choose. */
    public Optional<ServerIdRange> serverId() {
        return serverId;
    }

    /** Where to start without a checkpoint. */
    public StartupConfig startup() {
        return startup;
    }

    /** Snapshot split size in rows. */
    public int chunkSize() {
        return chunkSize;
    }

    /** {@code db.table} -> snapshot split column. */
    public Map<String, String> chunkKeyColumns() {
        return chunkKeyColumns;
    }

    /** Parallelism of the MySQL source (falls back to pipeline parallelism). */
    public OptionalInt sourceParallelism() {
        return sourceParallelism;
    }

    /** Per-table key columns and truncation, first match wins. */
    public List<TablePkOverride> tablePkOverrides() {
        return tablePkOverrides;
    }

    /** The Kafka producer. */
    public KafkaProducerSettings kafka() {
        return kafka;
    }

    /** Whether to restore a checkpoint older than the Kafka transaction timeout (EXACTLY_ONCE). */
    public boolean allowExpiredTransactions() {
        return allowExpiredTransactions;
    }

    /** How often the running job looks for tables it skips for their names; zero: never. */
    public Duration tableNameCheckInterval() {
        return tableNameCheckInterval;
    }

    /** Flink execution settings. */
    public PipelineConfig pipeline() {
        return pipeline;
    }

    /** The configuration; reads {@code source.secret-id} from AWS Secrets Manager when set. */
    public static SourceConfig from(Settings s) {
        return from(s, new SecretsManagerReader());
    }

    /** The configuration, reading {@code source.secret-id} (if set) through {@code secrets}. */
    public static SourceConfig from(Settings s, SecretReader secrets) {
        MySqlConnection mysql = MySqlConnection.from(s, secrets);
        PipelineConfig pipeline = PipelineConfig.from(s, DEFAULT_JOB_NAME);
        OptionalInt parallelism =
                s.getOptional(PARALLELISM).map(OptionalInt::of).orElse(pipeline.parallelism());
        Optional<ServerIdRange> serverId = s.getOptional(SERVER_ID);
        if (serverId.isPresent()
                && parallelism.isPresent()
                && serverId.get().size() < parallelism.getAsInt()) {
            throw ConfigConstraints.invalid(
                    s,
                    SERVER_ID,
                    "a range of at least "
                            + parallelism.getAsInt()
                            + " ids (one per parallel source reader)");
        }
        Map<String, String> chunkKeys = s.get(CHUNK_KEY_COLUMNS);
        for (String table : chunkKeys.keySet()) {
            if (table.indexOf('.') <= 0 || table.endsWith(".")) {
                throw ConfigConstraints.invalid(
                        s,
                        CHUNK_KEY_COLUMNS,
                        "entries <database>.<table>=<column>, not '" + table + "'");
            }
        }
        StartupConfig startup = StartupConfig.from(s);
        boolean scanNewlyAdded = s.get(SCAN_NEWLY_ADDED_TABLES);
        if (scanNewlyAdded && startup.mode() != StartupMode.INITIAL) {
            throw ConfigConstraints.invalid(
                    s,
                    SCAN_NEWLY_ADDED_TABLES,
                    "false unless source.startup.mode is INITIAL (only the snapshot-then-binlog"
                            + " reader snapshots added tables; it is "
                            + startup.mode()
                            + ")");
        }
        return new SourceConfig(
                mysql,
                s.get(DATABASE_LIST),
                s.getOptional(TABLE_LIST).orElse(List.of()),
                scanNewlyAdded,
                serverId,
                startup,
                s.get(SNAPSHOT_CHUNK_SIZE),
                chunkKeys,
                parallelism,
                s.get(TABLE_PK_OVERRIDES),
                KafkaProducerSettings.from(s),
                s.get(ALLOW_EXPIRED_TRANSACTIONS),
                s.get(TABLE_NAME_CHECK_INTERVAL),
                pipeline);
    }

    /** The first {@code source.table-pk-overrides} entry whose patterns fully match. */
    public Optional<TablePkOverride> pkOverrideFor(String db, String table) {
        return tablePkOverrides.stream().filter(o -> o.matches(db, table)).findFirst();
    }

    /** Whether {@code db.table} is captured, with whole-name (anchored) matching. */
    public boolean captures(String db, String table) {
        return databaseList.stream().anyMatch(p -> p.matcher(db).matches())
                && (tableList.isEmpty()
                        || tableList.stream().anyMatch(p -> p.matcher(db + "." + table).matches()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SourceConfig)) {
            return false;
        }
        SourceConfig other = (SourceConfig) o;
        return Objects.equals(mysql, other.mysql)
                && Objects.equals(databaseList, other.databaseList)
                && Objects.equals(tableList, other.tableList)
                && scanNewlyAddedTables == other.scanNewlyAddedTables
                && Objects.equals(serverId, other.serverId)
                && Objects.equals(startup, other.startup)
                && chunkSize == other.chunkSize
                && Objects.equals(chunkKeyColumns, other.chunkKeyColumns)
                && Objects.equals(sourceParallelism, other.sourceParallelism)
                && Objects.equals(tablePkOverrides, other.tablePkOverrides)
                && Objects.equals(kafka, other.kafka)
                && allowExpiredTransactions == other.allowExpiredTransactions
                && tableNameCheckInterval.equals(other.tableNameCheckInterval)
                && Objects.equals(pipeline, other.pipeline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                mysql,
                databaseList,
                tableList,
                scanNewlyAddedTables,
                serverId,
                startup,
                chunkSize,
                chunkKeyColumns,
                sourceParallelism,
                tablePkOverrides,
                kafka,
                allowExpiredTransactions,
                tableNameCheckInterval,
                pipeline);
    }

    @Override
    public String toString() {
        return "SourceConfig[mysql="
                + mysql
                + ", databaseList="
                + databaseList
                + ", tableList="
                + tableList
                + ", scanNewlyAddedTables="
                + scanNewlyAddedTables
                + ", serverId="
                + serverId
                + ", startup="
                + startup
                + ", chunkSize="
                + chunkSize
                + ", chunkKeyColumns="
                + chunkKeyColumns
                + ", sourceParallelism="
                + sourceParallelism
                + ", tablePkOverrides="
                + tablePkOverrides
                + ", kafka="
                + kafka
                + ", allowExpiredTransactions="
                + allowExpiredTransactions
                + ", tableNameCheckInterval="
                + tableNameCheckInterval
                + ", pipeline="
                + pipeline
                + "]";
    }
}
