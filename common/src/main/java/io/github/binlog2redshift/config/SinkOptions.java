package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.SinkLegacyKeys;
import io.github.binlog2redshift.config.sink.StagingFormat;
import io.github.binlog2redshift.config.sink.TableRule;
import io.github.binlog2redshift.config.sink.TargetKind;
import io.github.binlog2redshift.config.sink.TargetNaming;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The redshift-sink job's options (Kafka -> S3 -> COPY + MERGE). {@link #ALL} is the full
 * catalogue, including {@link KafkaOptions}, {@link KafkaConsumerOptions}, {@link RedshiftOptions}
 * and {@link PipelineOptions}; the typed view is {@link
 * io.github.binlog2redshift.config.sink.SinkConfig}.
 */
public final class SinkOptions {

    private SinkOptions() {}

    public static final ConfigOption<InputFormat> INPUT_FORMAT =
            ConfigOption.key("sink.input-format", ValueType.enumOf(InputFormat.class))
                    .defaultValue(InputFormat.AUTO)
                    .description("Change-event format on the input topics.")
                    .build();

    public static final ConfigOption<TargetKind> TARGET =
            ConfigOption.key("sink.target", ValueType.enumOf(TargetKind.class))
                    .defaultValue(TargetKind.REDSHIFT)
                    .description("Target database kind.")
                    .build();

    public static final ConfigOption<URI> STAGING_PATH =
            ConfigOption.key(
                            "sink.staging.path",
                            ValueType.of(
                                    "URI with a scheme, e.g. s3://bucket/prefix/",
                                    SinkOptions::uri))
                    .required()
                    .description("Where batches are staged for COPY; s3:// for REDSHIFT.")
                    .build();

    public static final ConfigOption<StagingFormat> STAGING_FORMAT =
            ConfigOption.key("sink.staging.format", ValueType.enumOf(StagingFormat.class))
                    .defaultValue(StagingFormat.CSV)
                    .description("Staged file format.")
                    .build();

    public static final ConfigOption<Boolean> STAGING_GZIP =
            ConfigOption.key("sink.staging.gzip", ValueType.bool())
                    .defaultValue(true)
                    .description("Gzip staged files.")
                    .build();

    public static final ConfigOption<String> COPY_TIMEFORMAT =
            ConfigOption.key("sink.copy.timeformat", ValueType.string())
                    .defaultValue("auto")
                    .description("COPY TIMEFORMAT.")
                    .build();

    public static final ConfigOption<String> COPY_DATEFORMAT =
            ConfigOption.key("sink.copy.dateformat", ValueType.string())
                    .defaultValue("auto")
                    .description("COPY DATEFORMAT.")
                    .build();

    public static final ConfigOption<Integer> COPY_MAX_ERROR =
            ConfigOption.key("sink.copy.max-error", ValueType.intAtLeast(0))
                    .defaultValue(0)
                    .description(
                            "COPY MAXERROR: rows COPY may skip. Anything above 0 loses data silently;"
                                    + " explicit opt-in only.")
                    .build();

    public static final ConfigOption<Boolean> COPY_TRUNCATE_COLUMNS =
            ConfigOption.key("sink.copy.truncate-columns", ValueType.bool())
                    .defaultValue(false)
                    .description(
                            "COPY TRUNCATECOLUMNS: cut over-long strings. Loses data; opt-in only.")
                    .build();

    public static final ConfigOption<Integer> COMMIT_MAX_PARALLEL_TABLES =
            ConfigOption.key("sink.commit.max-parallel-tables", ValueType.intAtLeast(1))
                    .defaultValue(4)
                    .description("Tables loaded concurrently per checkpoint.")
                    .build();

    public static final ConfigOption<Integer> COMMIT_MAX_RETRIES =
            ConfigOption.key("sink.commit.max-retries", ValueType.intAtLeast(0))
                    .defaultValue(5)
                    .description("Retries of a failed table load before the job fails.")
                    .build();

    public static final ConfigOption<Duration> COMMIT_RETRY_BACKOFF =
            ConfigOption.key("sink.commit.retry-backoff", ValueType.duration())
                    .defaultValue(Duration.ofSeconds(1))
                    .description("First retry delay; doubles per retry.")
                    .build();

    public static final ConfigOption<String> JOB_ID =
            ConfigOption.key("sink.job-id", ValueType.string())
                    .defaultText("pipeline.job-name")
                    .description(
                            "Identity of this sink in the target's commit ledger. Keep it stable:"
                                    + " changing it loses the record of what was loaded.")
                    .build();

    public static final ConfigOption<List<TableRule>> TABLES =
            ConfigOption.key(
                            "sink.tables",
                            ValueType.of(
                                    "JSON list of table rules", TableRule::parseList, l -> "[]"))
                    .defaultValue(List.of(), "[]")
                    .description(
                            "Per-table rules, first match wins; db and table are regexes matched"
                                    + " against the whole name. See the table-rule fields.")
                    .build();

    public static final ConfigOption<KeylessMode> KEYLESS_TABLES =
            ConfigOption.key("sink.keyless-tables", ValueType.enumOf(KeylessMode.class))
                    .defaultText("MIRROR; APPEND when sink.input-format is DMS")
                    .description(
                            "Tables without a key (none at the source, none in their rule):"
                                    + " MIRROR (a copy as a multiset: a DELETE removes one equal"
                                    + " row, an UPDATE replaces one; needs full before images) or"
                                    + " APPEND (a change log). A rule's keyless field overrides it;"
                                    + " targets an earlier version made as change logs stay logs.")
                    .build();

    public static final ConfigOption<List<Pattern>> TABLE_INCLUDE =
            ConfigOption.key("sink.table-include", ValueType.listOf(ValueType.regex()))
                    .defaultText("every table")
                    .description("Regexes of <db>.<table> to load (whole-name match).")
                    .build();

    public static final ConfigOption<List<Pattern>> TABLE_EXCLUDE =
            ConfigOption.key("sink.table-exclude", ValueType.listOf(ValueType.regex()))
                    .defaultValue(List.of(), "(none)")
                    .description("Regexes of <db>.<table> not to load; beats sink.table-include.")
                    .build();

    public static final ConfigOption<TargetNaming> TARGET_NAMING =
            ConfigOption.key("sink.target-naming", ValueType.enumOf(TargetNaming.class))
                    .defaultValue(TargetNaming.DB_TABLE)
                    .description(
                            "DB_TABLE: <schema>.<db>__<table>. SCHEMA_PER_DATABASE: <db>.<table>."
                                    + " TABLE_ONLY: <schema>.<table> (merges shards). Lower-cased.")
                    .build();

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOption.key("sink.dead-letter.topic", ValueType.string())
                    .defaultText("<sink.job-id>.dlq when sink.dead-letter.path is not set either")
                    .description(
                            "Kafka topic for records that cannot be parsed or loaded (it must exist"
                                    + " where topics are not created automatically).")
                    .build();

    public static final ConfigOption<URI> DEAD_LETTER_PATH =
            ConfigOption.key(
                            "sink.dead-letter.path",
                            ValueType.of("URI with a scheme", SinkOptions::uri))
                    .description(
                            "S3 prefix for dead letters (JSON lines, committed at checkpoints).")
                    .build();

    public static final ConfigOption<SchemaPolicy.DropColumn> SCHEMA_DROP_COLUMN =
            ConfigOption.key(
                            "sink.schema.drop-column",
                            ValueType.enumOf(SchemaPolicy.DropColumn.class))
                    .defaultValue(SchemaPolicy.DropColumn.KEEP)
                    .description(
                            "A column dropped at the source: KEEP the target column (new rows hold"
                                    + " NULL) or DROP it too.")
                    .build();

    public static final ConfigOption<SchemaPolicy.TypeChange> SCHEMA_TYPE_CHANGE =
            ConfigOption.key(
                            "sink.schema.incompatible-type-change",
                            ValueType.enumOf(SchemaPolicy.TypeChange.class))
                    .defaultValue(SchemaPolicy.TypeChange.FAIL)
                    .description(
                            "A column type change that is not a widening (widenings are always"
                                    + " applied): FAIL naming table, column, old and new type, or"
                                    + " TO_TEXT: turn the target column into VARCHAR(65535) / TEXT.")
                    .build();

    public static final ConfigOption<SchemaPolicy.DropTable> SCHEMA_DROP_TABLE =
            ConfigOption.key(
                            "sink.schema.drop-table",
                            ValueType.enumOf(SchemaPolicy.DropTable.class))
                    .defaultValue(SchemaPolicy.DropTable.IGNORE)
                    .description(
                            "A table dropped at the source: IGNORE (keep the target and its data,"
                                    + " log a warning) or DROP the target too.")
                    .build();

    public static final ConfigOption<SchemaPolicy.TruncateTable> SCHEMA_TRUNCATE_TABLE =
            ConfigOption.key(
                            "sink.schema.truncate-table",
                            ValueType.enumOf(SchemaPolicy.TruncateTable.class))
                    .defaultValue(SchemaPolicy.TruncateTable.APPLY)
                    .description(
                            "A table truncated at the source: APPLY (empty the target; soft-delete"
                                    + " tables mark rows deleted; skip_delete tables keep them) or"
                                    + " IGNORE.")
                    .build();

    public static final ConfigOption<SchemaPolicy.RenameTable> SCHEMA_RENAME_TABLE =
            ConfigOption.key(
                            "sink.schema.rename-table",
                            ValueType.enumOf(SchemaPolicy.RenameTable.class))
                    .defaultValue(SchemaPolicy.RenameTable.FOLLOW)
                    .description(
                            "A table renamed at the source: FOLLOW (rename the old name's target"
                                    + " and its side tables to the new name's; done when only the"
                                    + " new one exists) or IGNORE (keep the old target; the new"
                                    + " name's rows load into a new one).")
                    .build();

    public static final ConfigOption<SchemaPolicy.Oversize> OVERSIZE_VALUES =
            ConfigOption.key("sink.oversize-values", ValueType.enumOf(SchemaPolicy.Oversize.class))
                    .defaultValue(SchemaPolicy.Oversize.DEAD_LETTER)
                    .description(
                            "A value longer than its target column (Redshift VARCHAR 65535 bytes,"
                                    + " VARBYTE and SUPER 16 MB): DEAD_LETTER the change naming"
                                    + " table, column and key, or TRUNCATE it and name the column"
                                    + " in the row's _b2r_truncated column.")
                    .build();

    public static final ConfigOption<SchemaPolicy.DistStyle> REDSHIFT_DIST_STYLE =
            ConfigOption.key(
                            "sink.redshift.dist-style",
                            ValueType.enumOf(SchemaPolicy.DistStyle.class))
                    .defaultValue(SchemaPolicy.DistStyle.KEY)
                    .description(
                            "Distribution style of created Redshift tables: KEY (DISTKEY on the"
                                    + " first key column), AUTO, EVEN or ALL. Tables are sorted on"
                                    + " the key unless a table rule's sort_key says otherwise.")
                    .build();

    public static final List<ConfigOption<?>> OWN =
            List.of(
                    INPUT_FORMAT,
                    TARGET,
                    STAGING_PATH,
                    STAGING_FORMAT,
                    STAGING_GZIP,
                    COPY_TIMEFORMAT,
                    COPY_DATEFORMAT,
                    COPY_MAX_ERROR,
                    COPY_TRUNCATE_COLUMNS,
                    COMMIT_MAX_PARALLEL_TABLES,
                    COMMIT_MAX_RETRIES,
                    COMMIT_RETRY_BACKOFF,
                    JOB_ID,
                    TABLES,
                    KEYLESS_TABLES,
                    TABLE_INCLUDE,
                    TABLE_EXCLUDE,
                    TARGET_NAMING,
                    DEAD_LETTER_TOPIC,
                    DEAD_LETTER_PATH,
                    SCHEMA_DROP_COLUMN,
                    SCHEMA_TYPE_CHANGE,
                    SCHEMA_DROP_TABLE,
                    SCHEMA_TRUNCATE_TABLE,
                    SCHEMA_RENAME_TABLE,
                    OVERSIZE_VALUES,
                    REDSHIFT_DIST_STYLE);

    /** Everything the redshift-sink job reads. */
    public static final OptionCatalog ALL =
            OptionCatalog.of(
                    "redshift-sink",
                    SinkLegacyKeys.table(),
                    KafkaOptions.SHARED,
                    KafkaConsumerOptions.ALL,
                    OWN,
                    RetentionOptions.ALL,
                    RedshiftOptions.ALL,
                    PipelineOptions.ALL);

    private static URI uri(String text) {
        URI uri = URI.create(text);
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("no scheme");
        }
        return uri;
    }
}
