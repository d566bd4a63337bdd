package io.github.binlog2redshift.config;

import java.util.List;

/** How the redshift-sink job reaches the target database and authorizes COPY. */
public final class RedshiftOptions {

    private RedshiftOptions() {}

    public static final ConfigOption<String> JDBC_URL =
            ConfigOption.key("sink.jdbc.url", ValueType.string())
                    .description(
                            "Full JDBC URL (jdbc:redshift: or jdbc:postgresql:), instead of"
                                    + " sink.redshift.host, port, database and ssl.")
                    .build();

    public static final ConfigOption<String> HOST =
            ConfigOption.key("sink.redshift.host", ValueType.string())
                    .description("Target host (Redshift cluster or workgroup endpoint).")
                    .build();

    public static final ConfigOption<Integer> PORT =
            ConfigOption.key(
                            "sink.redshift.port",
                            ValueType.integer().checked(p -> p >= 1 && p <= 65535, "in 1..65535"))
                    .defaultValue(5439)
                    .description("Target port.")
                    .build();

    public static final ConfigOption<String> DATABASE =
            ConfigOption.key("sink.redshift.database", ValueType.string())
                    .description("Target database.")
                    .build();

    public static final ConfigOption<String> USERNAME =
            ConfigOption.key("sink.redshift.username", ValueType.string())
                    .description(
                            "Database user; set with password, or use sink.redshift.secret-id.")
                    .build();

    public static final ConfigOption<String> PASSWORD =
            ConfigOption.key("sink.redshift.password", ValueType.string())
                    .secret()
                    .description("Database password.")
                    .build();

    public static final ConfigOption<String> SECRET_ID =
            ConfigOption.key("sink.redshift.secret-id", ValueType.string())
                    .description(
                            "AWS Secrets Manager secret (JSON with username, password and optionally"
                                    + " host, port, database); excludes username/password.")
                    .build();

    public static final ConfigOption<String> SCHEMA =
            ConfigOption.key("sink.redshift.schema", ValueType.string())
                    .defaultValue("public")
                    .description("Target schema (for DB_TABLE and TABLE_ONLY naming).")
                    .build();

    public static final ConfigOption<Boolean> SSL =
            ConfigOption.key("sink.redshift.ssl", ValueType.bool())
                    .defaultValue(true)
                    .description("Use TLS for the JDBC connection.")
                    .build();

    public static final ConfigOption<String> IAM_ROLE =
            ConfigOption.key("sink.redshift.iam-role", ValueType.string())
                    .description(
                            "IAM role ARN COPY assumes to read the staged files; or use access keys.")
                    .build();

    public static final ConfigOption<String> REGION =
            ConfigOption.key("sink.redshift.region", ValueType.string())
                    .defaultText("the region of the Redshift cluster")
                    .description(
                            "Region of the staging bucket (COPY ... REGION), and of the secret.")
                    .build();

    public static final ConfigOption<String> ACCESS_KEY_ID =
            ConfigOption.key("sink.redshift.access-key-id", ValueType.string())
                    .description("Access key COPY uses, with secret-access-key; excludes iam-role.")
                    .build();

    public static final ConfigOption<String> SECRET_ACCESS_KEY =
            ConfigOption.key("sink.redshift.secret-access-key", ValueType.string())
                    .secret()
                    .description("Secret access key COPY uses, with access-key-id.")
                    .build();

    public static final List<ConfigOption<?>> ALL =
            List.of(
                    JDBC_URL,
                    HOST,
                    PORT,
                    DATABASE,
                    USERNAME,
                    PASSWORD,
                    SECRET_ID,
                    SCHEMA,
                    SSL,
                    IAM_ROLE,
                    REGION,
                    ACCESS_KEY_ID,
                    SECRET_ACCESS_KEY);
}
