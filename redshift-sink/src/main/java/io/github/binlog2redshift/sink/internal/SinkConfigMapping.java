package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.config.Secret;
import io.github.binlog2redshift.config.sink.CopyAuthorization;
import io.github.binlog2redshift.config.sink.RedshiftIam;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.StagingFormat;
import io.github.binlog2redshift.config.sink.TargetConnection;
import io.github.binlog2redshift.config.sink.TargetKind;
import io.github.binlog2redshift.sink.WarehouseSinkBuilder;
import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.RedshiftIamAuth;
import io.github.binlog2redshift.sink.jdbc.RetryPolicy;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.sink.route.TableModes;
import java.time.Duration;

/** The typed job configuration ({@code sink.*} keys) applied to a {@link WarehouseSinkBuilder}. */
public final class SinkConfigMapping {

    /** Retries wait at most this long (or the configured first backoff, if longer). */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private SinkConfigMapping() {}

    /** Where and as whom the sink connects ({@code sink.jdbc.url}, {@code sink.redshift.*}). */
    public static ConnectionSettings connection(SinkConfig config) {
        TargetConnection c = config.connection();
        String region = config.copyAuthorization().region().orElse(null);
        ConnectionSettings settings;
        if (c.iam().isPresent()) {
            RedshiftIam iam = c.iam().get();
            settings =
                    ConnectionSettings.redshiftIam(
                            c.jdbcUrl().orElse(null),
                            c.host().orElse(null),
                            c.port(),
                            c.database().orElse(null),
                            region,
                            c.ssl(),
                            iam.serverless()
                                    ? RedshiftIamAuth.serverless(iam.workgroup().orElse(null))
                                    : RedshiftIamAuth.provisioned(
                                            iam.clusterId().orElse(null),
                                            iam.dbUser().orElse(null),
                                            iam.autoCreate(),
                                            iam.dbGroups()));
        } else {
            settings =
                    new ConnectionSettings(
                            c.kind() == TargetKind.REDSHIFT
                                    ? WarehouseKind.REDSHIFT
                                    : WarehouseKind.POSTGRES,
                            c.jdbcUrl().orElse(null),
                            c.host().orElse(null),
                            c.port(),
                            c.database().orElse(null),
                            c.username().orElse(null),
                            c.password().map(Secret::reveal).orElse(null),
                            c.secretId().orElse(null),
                            region,
                            c.ssl());
        }
        return settings.withTls(c.sslMode(), c.sslRootCert().orElse(null));
    }

    public static WarehouseSinkBuilder apply(SinkConfig config, WarehouseSinkBuilder builder) {
        if (config.staging().format() != StagingFormat.CSV) {
            throw new IllegalArgumentException(
                    "sink.staging.format: expected CSV (the only staged format the apply writes"
                            + " so far), got "
                            + config.staging().format());
        }
        CopyAuthorization auth = config.copyAuthorization();
        ConnectionSettings connection = connection(config);
        WarehouseKind kind = connection.kind();
        builder.connection(connection);
        if (kind == WarehouseKind.REDSHIFT) {
            var copy = config.copy();
            builder.copyOptions(
                    new CopyOptions(
                            auth.iamRole().orElse(null),
                            auth.accessKeyId().orElse(null),
                            auth.secretAccessKey().map(Secret::reveal).orElse(null),
                            null,
                            auth.region().orElse(null),
                            config.staging().gzip(),
                            copy.timeFormat(),
                            copy.dateFormat(),
                            copy.maxError() > 0 ? copy.maxError() : null,
                            copy.truncateColumns()));
        }
        Duration backoff = config.commit().retryBackoff();
        builder.tableModes(TableModes.from(config.tables(), config.schema()))
                .schemaPolicy(config.schema());
        return builder.stagingPath(config.staging().path().toString())
                .controlSchema(config.connection().schema())
                .gzip(config.staging().gzip())
                .jobId(config.jobId())
                .maxParallelTables(config.commit().maxParallelTables())
                .retention(config.retention())
                .retry(
                        new RetryPolicy(
                                config.commit().maxRetries(),
                                backoff,
                                backoff.compareTo(MAX_BACKOFF) > 0 ? backoff : MAX_BACKOFF));
    }
}
