package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.sink.RedshiftAuth;
import io.github.binlog2redshift.config.sink.SslMode;
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
                            "AWS Secrets Manager secret, in any layout Redshift, Redshift"
                                    + " Serverless or RDS creates: username and password, optionally"
                                    + " host, port and dbname (host, port and database options fill"
                                    + " what it lacks); excludes username/password.")
                    .build();

    public static final ConfigOption<RedshiftAuth> AUTH =
            ConfigOption.key("sink.redshift.auth", ValueType.enumOf(RedshiftAuth.class))
                    .defaultValue(RedshiftAuth.PASSWORD)
                    .description(
                            "PASSWORD: username/password or secret-id. IAM (Redshift only): the"
                                    + " driver gets temporary credentials for the job's IAM role"
                                    + " (jdbc:redshift:iam:), from cluster-id or workgroup.")
                    .build();

    public static final ConfigOption<String> CLUSTER_ID =
            ConfigOption.key("sink.redshift.cluster-id", ValueType.string())
                    .description(
                            "IAM auth, provisioned cluster identifier: with sink.redshift.region"
                                    + " instead of a host (the driver calls DescribeClusters), or"
                                    + " beside a custom endpoint host.")
                    .build();

    public static final ConfigOption<String> WORKGROUP =
            ConfigOption.key("sink.redshift.workgroup", ValueType.string())
                    .description(
                            "IAM auth, Redshift Serverless workgroup: with sink.redshift.region"
                                    + " instead of a host (the driver calls GetWorkgroup), or beside a"
                                    + " custom endpoint host.")
                    .build();

    public static final ConfigOption<String> DB_USER =
            ConfigOption.key("sink.redshift.db-user", ValueType.string())
                    .description(
                            "IAM auth on a provisioned cluster: the database user to log in as"
                                    + " (DbUser). Serverless maps the IAM role to IAMR:<role>.")
                    .build();

    public static final ConfigOption<Boolean> AUTO_CREATE =
            ConfigOption.key("sink.redshift.auto-create", ValueType.bool())
                    .defaultValue(false)
                    .description(
                            "IAM auth on a provisioned cluster: create sink.redshift.db-user if it"
                                    + " does not exist (AutoCreate).")
                    .build();

    public static final ConfigOption<List<String>> DB_GROUPS =
            ConfigOption.key("sink.redshift.db-groups", ValueType.listOf(ValueType.string()))
                    .description(
                            "IAM auth on a provisioned cluster: database groups the user joins for"
                                    + " the session (DbGroups).")
                    .build();

    public static final ConfigOption<String> SCHEMA =
            ConfigOption.key("sink.redshift.schema", ValueType.string())
                    .defaultValue("public")
                    .description("Target schema (for DB_TABLE and TABLE_ONLY naming).")
                    .build();

    public static final ConfigOption<Boolean> SSL =
            ConfigOption.key("sink.redshift.ssl", ValueType.bool())
                    .defaultValue(true)
                    .description("Use TLS for the JDBC connection; or set sink.redshift.ssl-mode.")
                    .build();

    public static final ConfigOption<SslMode> SSL_MODE =
            ConfigOption.key("sink.redshift.ssl-mode", ValueType.enumOf(SslMode.class))
                    .defaultText(
                            "REQUIRE for POSTGRES, VERIFY_CA for REDSHIFT (the Redshift driver's);"
                                    + " DISABLE when sink.redshift.ssl is false")
                    .description(
                            "TLS mode (the drivers' sslmode); excludes sink.redshift.ssl."
                                    + " VERIFY_CA/VERIFY_FULL check the server certificate against"
                                    + " sink.redshift.ssl-root-cert, else the JVM trust store.")
                    .build();

    public static final ConfigOption<String> SSL_ROOT_CERT =
            ConfigOption.key("sink.redshift.ssl-root-cert", ValueType.string())
                    .description(
                            "PEM file of the root certificate(s) on every TaskManager, for"
                                    + " VERIFY_CA/VERIFY_FULL (sslrootcert), e.g. the RDS CA"
                                    + " bundle global-bundle.pem.")
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
                            "Region of the staging bucket (COPY ... REGION), of the secret, and of"
                                    + " the cluster or workgroup in the IAM forms without a host.")
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
                    AUTH,
                    CLUSTER_ID,
                    WORKGROUP,
                    DB_USER,
                    AUTO_CREATE,
                    DB_GROUPS,
                    SCHEMA,
                    SSL,
                    SSL_MODE,
                    SSL_ROOT_CERT,
                    IAM_ROLE,
                    REGION,
                    ACCESS_KEY_ID,
                    SECRET_ACCESS_KEY);
}
