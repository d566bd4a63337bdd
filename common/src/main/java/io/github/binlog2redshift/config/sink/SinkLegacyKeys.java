package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.LegacyKeyMapping.rename;
import static io.github.binlog2redshift.config.LegacyKeyMapping.translate;

import io.github.binlog2redshift.config.KafkaConsumerOptions;
import io.github.binlog2redshift.config.KafkaOptions;
import io.github.binlog2redshift.config.LegacyKeys;
import io.github.binlog2redshift.config.PipelineOptions;
import io.github.binlog2redshift.config.RedshiftOptions;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.internal.LegacyValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The reference implementation's sink-job keys and how they become redshift-sink keys. */
public final class SinkLegacyKeys {

    private SinkLegacyKeys() {}

    /** A method, not a constant: the table refers to {@link SinkOptions}, which refers to it. */
    public static LegacyKeys table() {
        return new LegacyKeys(
                List.of(
                        rename("kafka_broker", KafkaOptions.BOOTSTRAP_SERVERS),
                        rename(
                                "topic",
                                KafkaConsumerOptions.TOPICS,
                                "renamed; comma-separated list"),
                        translate(
                                "startingOffsets",
                                "earliest | latest | <epoch ms> (TIMESTAMP); per-partition JSON is refused",
                                SinkLegacyKeys::startingOffsets,
                                KafkaConsumerOptions.STARTING_OFFSETS,
                                KafkaConsumerOptions.STARTING_TIMESTAMP_MS),
                        rename(
                                "max_offsets_per_trigger",
                                KafkaConsumerOptions.MAX_RECORDS_PER_CHECKPOINT),
                        rename("consumer_group", KafkaConsumerOptions.GROUP_ID),
                        rename("checkpoint_location", PipelineOptions.CHECKPOINT_DIR),
                        translate(
                                "checkpoint_interval",
                                "needs a unit (30 s, 1 min); a bare number is refused",
                                v ->
                                        Map.of(
                                                PipelineOptions.CHECKPOINT_INTERVAL.key(),
                                                LegacyValues.durationWithUnit(v)),
                                PipelineOptions.CHECKPOINT_INTERVAL),
                        translate(
                                "cdc_format",
                                "FLINK-CDC, MSK-DEBEZIUM-CDC -> DEBEZIUM; DMS-CDC -> DMS; CANAL-CDC -> CANAL",
                                SinkLegacyKeys::cdcFormat,
                                SinkOptions.INPUT_FORMAT),
                        rename("thread_max_workers", SinkOptions.COMMIT_MAX_PARALLEL_TABLES),
                        rename("redshift_host", RedshiftOptions.HOST),
                        rename("redshift_port", RedshiftOptions.PORT),
                        rename("redshift_username", RedshiftOptions.USERNAME),
                        rename("redshift_password", RedshiftOptions.PASSWORD),
                        rename("redshift_database", RedshiftOptions.DATABASE),
                        rename("redshift_schema", RedshiftOptions.SCHEMA),
                        rename("redshift_secret_id", RedshiftOptions.SECRET_ID),
                        translate(
                                "redshift_tmpdir",
                                "s3a:// and s3n:// (Hadoop client schemes) become s3://",
                                v ->
                                        Map.of(
                                                SinkOptions.STAGING_PATH.key(),
                                                v.replaceFirst("^s3[an]://", "s3://")),
                                SinkOptions.STAGING_PATH),
                        rename("redshift_iam_role", RedshiftOptions.IAM_ROLE),
                        translate(
                                "tempformat",
                                "CSV | CSV GZIP | JSON | JSON GZIP -> format + gzip",
                                SinkLegacyKeys::tempformat,
                                SinkOptions.STAGING_FORMAT,
                                SinkOptions.STAGING_GZIP),
                        rename(
                                "maxerror",
                                SinkOptions.COPY_MAX_ERROR,
                                "renamed; prefer 0 (the default): skipped rows are lost"),
                        rename(
                                "sync_table_list",
                                SinkOptions.TABLES,
                                "renamed; db and table match whole names, booleans are strict (\"ture\" is an error)")));
    }

    static Map<String, String> startingOffsets(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("earliest") || lower.equals("latest")) {
            out.put(KafkaConsumerOptions.STARTING_OFFSETS.key(), lower.toUpperCase(Locale.ROOT));
        } else if (value.matches("\\d+")) {
            out.put(KafkaConsumerOptions.STARTING_OFFSETS.key(), StartingOffsets.TIMESTAMP.name());
            out.put(KafkaConsumerOptions.STARTING_TIMESTAMP_MS.key(), value);
        } else {
            throw new IllegalArgumentException(
                    "only earliest, latest or an epoch-ms timestamp are supported");
        }
        return out;
    }

    static Map<String, String> cdcFormat(String value) {
        return Map.of(SinkOptions.INPUT_FORMAT.key(), inputFormat(value).name());
    }

    private static InputFormat inputFormat(String cdcFormat) {
        switch (cdcFormat.toUpperCase(Locale.ROOT)) {
            case "FLINK-CDC":
            case "MSK-DEBEZIUM-CDC":
                return InputFormat.DEBEZIUM;
            case "DMS-CDC":
                return InputFormat.DMS;
            case "CANAL-CDC":
                return InputFormat.CANAL;
            default:
                throw new IllegalArgumentException(
                        "not FLINK-CDC, MSK-DEBEZIUM-CDC, DMS-CDC or CANAL-CDC");
        }
    }

    /** Plain "CSV" means uncompressed, so gzip=false is set explicitly (our default is true). */
    static Map<String, String> tempformat(String value) {
        String[] words = value.trim().toUpperCase(Locale.ROOT).split("\\s+");
        boolean gzip = words.length == 2 && words[1].equals("GZIP");
        if (words.length > 2
                || (words.length == 2 && !gzip)
                || !(words[0].equals("CSV") || words[0].equals("JSON"))) {
            throw new IllegalArgumentException("not CSV, CSV GZIP, JSON or JSON GZIP");
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SinkOptions.STAGING_FORMAT.key(), words[0]);
        out.put(SinkOptions.STAGING_GZIP.key(), Boolean.toString(gzip));
        return out;
    }
}
