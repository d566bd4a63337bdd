package io.github.binlog2redshift.config;

import java.time.Duration;
import java.util.List;

/**
 * How long the sink keeps what it writes beside the targets: staged files, ledger rows, tombstones
 * and schema-log rows (docs/apply.md, "Retention and pruning").
 */
public final class RetentionOptions {

    private RetentionOptions() {}

    public static final ConfigOption<Boolean> DELETE_STAGED_FILES =
            ConfigOption.key("sink.retention.delete-staged-files", ValueType.bool())
                    .defaultValue(true)
                    .description(
                            "Delete a committable's staged files and manifests once its commit is"
                                    + " in the ledger (also when a replay finds it there). false"
                                    + " keeps them for an S3 lifecycle rule to expire.")
                    .build();

    public static final ConfigOption<Duration> HORIZON =
            ConfigOption.key(
                            "sink.retention.horizon",
                            ValueType.duration()
                                    .checked(
                                            d -> d.compareTo(Duration.ofMinutes(1)) >= 0,
                                            ">= 1 min"))
                    .defaultValue(Duration.ofDays(7))
                    .description(
                            "Ledger rows, tombstones and schema-log rows older than this are"
                                    + " pruned. A replay of changes older than the horizon (a"
                                    + " savepoint or Kafka offsets that old) is no longer"
                                    + " recognised; keep it above Kafka's retention and the age"
                                    + " of any savepoint you may restore.")
                    .build();

    public static final ConfigOption<Duration> PRUNE_INTERVAL =
            ConfigOption.key(
                            "sink.retention.prune-interval",
                            ValueType.duration()
                                    .checked(
                                            d -> d.compareTo(Duration.ofSeconds(1)) >= 0, ">= 1 s"))
                    .defaultValue(Duration.ofHours(1))
                    .description(
                            "How often each committer subtask prunes a table, after one of its"
                                    + " commits of that table.")
                    .build();

    public static final List<ConfigOption<?>> ALL =
            List.of(DELETE_STAGED_FILES, HORIZON, PRUNE_INTERVAL);
}
