package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.KafkaConsumerOptions;
import io.github.binlog2redshift.config.KafkaOptions;
import io.github.binlog2redshift.config.KafkaProducerOptions;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.RedshiftOptions;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.TopicRouting;
import io.github.binlog2redshift.localstack.FlinkS3Plugin;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlAdmin;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;

/**
 * Turns the user's properties into both jobs' typed configurations, starting a local service for
 * each endpoint the user left unset: MariaDB with the demo schema (no {@code source.hostname}),
 * Kafka (no {@code kafka.bootstrap-servers}), S3Proxy (no {@code sink.staging.path}) and the
 * warehouse of {@code --warehouse}, PostgreSQL or the local Redshift (no {@code sink.jdbc.url},
 * {@code sink.redshift.host} or {@code sink.redshift.secret-id}). The demo's defaults sit below the
 * user's values, so any key of docs/configuration.md overrides them.
 */
final class PipelineSetup {

    static final String DEMO_TOPIC = "b2r_demo";
    private static final Origin DEFAULTS = new Origin(Origin.Kind.DEFAULT, "run-local", null);

    private final QuickstartOptions options;
    private final UserProperties user;
    private final Supplier<LocalStack> stack;

    PipelineSetup(QuickstartOptions options, UserProperties user, Supplier<LocalStack> stack) {
        this.options = options;
        this.user = user;
        this.stack = stack;
    }

    /** Starts what is missing and returns the pipeline's configuration. */
    Pipeline prepare() throws SQLException {
        Map<String, String> source = new LinkedHashMap<>(common(1));
        Map<String, String> sink = new LinkedHashMap<>(common(2));
        Configuration flink = Configuration.fromMap(user.flink());
        List<String> local = new ArrayList<>();
        Supplier<Connection> demoConnections = null;
        MySqlScript extraSql = extraSql();
        DemoSchema.Extension extension = null;
        List<String> databases = new ArrayList<>(DemoSchema.DATABASES);
        List<String> tables = new ArrayList<>(DemoSchema.TABLES);

        if (!user.setsSource(SourceOptions.HOSTNAME)) {
            MySqlAdmin admin = stack.get().mySql();
            DemoSchema.CdcUser cdc;
            try (Connection c = admin.connect("")) {
                cdc = DemoSchema.create(c);
                if (extraSql != null) {
                    extension = DemoSchema.extend(c, extraSql);
                    databases.addAll(extension.databases());
                    tables.addAll(extension.tables());
                }
            }
            source.put("source.hostname", admin.host());
            source.put("source.port", Integer.toString(admin.port()));
            source.put("source.username", cdc.name());
            source.put("source.password", cdc.password());
            source.put("source.database-list", String.join(",", databases));
            demoConnections = () -> connect(admin);
            local.add("MariaDB " + admin.host() + ":" + admin.port());
        }
        boolean localKafka =
                !user.setsSource(KafkaOptions.BOOTSTRAP_SERVERS)
                        && !user.setsSink(KafkaOptions.BOOTSTRAP_SERVERS);
        if (localKafka) {
            String servers = stack.get().kafka().bootstrapServers();
            source.put("kafka.bootstrap-servers", servers);
            sink.put("kafka.bootstrap-servers", servers);
            local.add("Kafka " + servers);
        }
        if (!user.setsSource(KafkaProducerOptions.TOPIC)
                && !user.setsSource(KafkaProducerOptions.TOPIC_ROUTING)) {
            source.put("kafka.topic", DEMO_TOPIC);
        }
        if (!user.setsSink(SinkOptions.STAGING_PATH)) {
            flink.addAll(FlinkS3Plugin.initialize(stack.get().s3()));
            sink.put("sink.staging.path", "s3://" + LocalStack.BUCKET + "/quickstart/staging/");
            local.add("S3Proxy " + stack.get().s3().endpoint());
        } else {
            S3Plugin.initialize(flink);
        }
        boolean userTarget =
                user.setsSink(RedshiftOptions.JDBC_URL)
                        || user.setsSink(RedshiftOptions.HOST)
                        || user.setsSink(RedshiftOptions.SECRET_ID);
        if (userTarget && options.warehouse != null) {
            throw new ConfigException(
                    "--warehouse "
                            + options.warehouse.optionValue()
                            + " starts a local warehouse, but --config "
                            + options.config
                            + " names its own target (sink.jdbc.url, sink.redshift.host or"
                            + " sink.redshift.secret-id): drop one of them");
        }
        if (!userTarget) {
            Warehouse kind = options.localWarehouse();
            WarehouseDatabase warehouse = kind.newDatabase(stack.get(), "warehouse");
            // As a user configures a real target: for Redshift a jdbc:redshift:// URL and COPY
            // with an IAM role from the staging prefix on (local) S3.
            sink.putAll(warehouse.sinkSettings());
            local.add(
                    kind.either("PostgreSQL ", "Redshift (local) ")
                            + warehouse.host()
                            + ":"
                            + warehouse.port()
                            + "/"
                            + warehouse.name());
        }

        SourceConfig sourceConfig =
                SourceConfig.from(merge(SourceOptions.ALL, source, user.sourceSettings()));
        if (!user.setsSink(KafkaConsumerOptions.TOPICS)
                && !user.setsSink(KafkaConsumerOptions.TOPIC_PATTERN)) {
            if (sourceConfig.kafka().routing() == TopicRouting.SINGLE) {
                sink.put("kafka.topics", sourceConfig.kafka().topic().orElseThrow());
            } else {
                sink.put(
                        "kafka.topic-pattern",
                        // Every topic of the prefix except the source's dead-letter topic.
                        Pattern.quote(sourceConfig.kafka().topicPrefix().orElse(""))
                                + "(?!dlq$).*");
            }
        }
        SinkConfig sinkConfig = SinkConfig.from(merge(SinkOptions.ALL, sink, user.sinkSettings()));
        if (localKafka) {
            LocalTopics.create(stack.get().kafka(), sourceConfig, sinkConfig, tables);
        }
        return new Pipeline(
                sourceConfig, sinkConfig, flink, demoConnections, local, extension, localKafka);
    }

    /**
     * The {@code --extra-sql} file, read and split before any service starts; refused with a user's
     * own MySQL, which run-local must not write to.
     */
    private MySqlScript extraSql() {
        if (options.extraSql == null) {
            return null;
        }
        if (user.setsSource(SourceOptions.HOSTNAME)) {
            throw new ConfigException(
                    "--extra-sql "
                            + options.extraSql
                            + " runs on the local demo MariaDB, but --config "
                            + options.config
                            + " names its own MySQL (source.hostname): run the SQL there, or drop"
                            + " one of them");
        }
        return MySqlScript.read(options.extraSql);
    }

    /** Demo defaults of both jobs: a snappy checkpoint, few restarts, schema per database. */
    private Map<String, String> common(int parallelism) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pipeline.parallelism", Integer.toString(parallelism));
        m.put("pipeline.checkpoint.interval", options.checkpointInterval.toMillis() + " ms");
        m.put("pipeline.restart-strategy", "FIXED_DELAY");
        m.put("pipeline.restart-strategy.attempts", "3");
        m.put("pipeline.restart-strategy.delay", "2 s");
        if (parallelism == 1) {
            m.put("source.server-id", "5400-5403");
        } else {
            m.put("sink.target-naming", "SCHEMA_PER_DATABASE");
            m.put("kafka.starting-offsets", "EARLIEST");
        }
        return m;
    }

    private static Settings merge(
            io.github.binlog2redshift.config.OptionCatalog catalog,
            Map<String, String> defaults,
            Settings user) {
        return new ConfigLoader(catalog).merge(List.of(Settings.of(defaults, DEFAULTS), user));
    }

    private static Connection connect(MySqlAdmin admin) {
        try {
            return admin.connect("");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the demo MariaDB", e);
        }
    }
}
