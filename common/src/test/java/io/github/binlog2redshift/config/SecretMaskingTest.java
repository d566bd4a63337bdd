package io.github.binlog2redshift.config;

import static io.github.binlog2redshift.config.TestSettings.validSink;
import static io.github.binlog2redshift.config.TestSettings.validSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every value that can carry a secret is masked in the configuration report and in errors. */
class SecretMaskingTest {

    /** Keys that name a credential; "secret-id" and "secret-region" only name where one is. */
    private static final Pattern CREDENTIAL_KEY =
            Pattern.compile(".*(password|secret-access-key|secret-key|token|credential|jaas).*");

    @Test
    void everyCredentialLookingOptionIsSecret() {
        List<String> unmasked = new ArrayList<>();
        for (OptionCatalog catalog : List.of(SourceOptions.ALL, SinkOptions.ALL)) {
            for (ConfigOption<?> o : catalog.options()) {
                if (CREDENTIAL_KEY.matcher(o.key()).matches() && !o.isSecret()) {
                    unmasked.add(o.key());
                }
            }
        }
        assertThat(unmasked).as("options that name a credential but are not .secret()").isEmpty();
    }

    @Test
    void theSourceReportMasksEverySecret() {
        Map<String, String> values =
                validSource(
                        "source.password=pw-mysql-1",
                        "source.ssl.mode=VERIFY_CA",
                        "source.ssl.trust-store=/etc/ca.p12",
                        "source.ssl.trust-store-password=pw-trust-2",
                        "source.ssl.key-store=/etc/client.p12",
                        "source.ssl.key-store-password=pw-key-3",
                        "kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.plain"
                                + ".PlainLoginModule required username=\"u\" password=\"pw-jaas-4\";");
        String report =
                ConfigReport.describe(
                        SourceOptions.ALL, TestSettings.load(SourceOptions.ALL, values));
        assertThat(report)
                .doesNotContain("pw-mysql-1", "pw-trust-2", "pw-key-3", "pw-jaas-4")
                .contains("  source.password = <hidden>  (properties file 'test.properties')")
                .contains("  source.ssl.trust-store-password = <hidden>")
                .contains("  kafka.properties.sasl.jaas.config = <hidden>")
                .contains("  source.ssl.trust-store = '/etc/ca.p12'");
    }

    @Test
    void theSinkReportMasksSecretsAndUrlPasswords() {
        Map<String, String> values =
                validSink(
                        "sink.redshift.secret-access-key=pw-aws-5",
                        "sink.redshift.access-key-id=AKIAEXAMPLE",
                        "sink.jdbc.url=jdbc:postgresql://h:5432/d?user=u&password=pw-url-6&ssl=true");
        values.remove("sink.redshift.iam-role");
        values.remove("sink.redshift.host");
        values.remove("sink.redshift.database");
        String report =
                ConfigReport.describe(SinkOptions.ALL, TestSettings.load(SinkOptions.ALL, values));
        assertThat(report)
                .doesNotContain("rs-secret-pw", "pw-aws-5", "pw-url-6")
                .contains(
                        "sink.jdbc.url = 'jdbc:postgresql://h:5432/d?user=u&password=<hidden>&ssl=true'");
    }

    @Test
    void urlCredentialsAreMaskedInAnyValue() {
        assertThat(SecretText.mask("jdbc:redshift://h:5439/dev;UID=u;PWD=pw1;ssl=true"))
                .isEqualTo("jdbc:redshift://h:5439/dev;UID=u;PWD=<hidden>;ssl=true");
        assertThat(
                        SecretText.mask(
                                "jdbc:mysql://h/?sslMode=REQUIRED&trustCertificateKeyStorePassword=x&a=b"))
                .isEqualTo(
                        "jdbc:mysql://h/?sslMode=REQUIRED&trustCertificateKeyStorePassword=<hidden>&a=b");
        assertThat(SecretText.mask("s3://key:pw2@bucket/path"))
                .isEqualTo("s3://key:<hidden>@bucket/path");
        assertThat(SecretText.mask("jdbc:postgresql://u@h/d")).isEqualTo("jdbc:postgresql://u@h/d");
        assertThat(SecretText.mask("plain text")).isEqualTo("plain text");
    }

    @Test
    void anInvalidUrlValueIsMaskedInTheError() {
        ConfigOption<Integer> port =
                ConfigOption.key("test.port", ValueType.integer()).description("d").build();
        assertThatThrownBy(() -> TestSettings.file("test.port=jdbc:x://h/?password=pw-7").get(port))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("got 'jdbc:x://h/?password=<hidden>'")
                .hasMessageNotContaining("pw-7");
    }

    @Test
    void aSecretOnTheCommandLineIsWarnedAboutByKey() {
        Settings s =
                Settings.of(
                                Map.of("source.password", "pw-8", "source.hostname", "h"),
                                Origin.commandLine())
                        .overriddenBy(
                                Settings.of(
                                        Map.of("source.ssl.key-store-password", "pw-9"),
                                        Origin.commandLine()));
        assertThat(CommandLineSecrets.warnings(SourceOptions.ALL, s))
                .containsExactly(
                        "Secret option 'source.password' is a program argument, which the Flink UI"
                                + " (JobManager configuration, $internal.application.program-args)"
                                + " and ps show. Put it in the --config-file properties file or a"
                                + " KDA property group instead, or keep it in AWS Secrets Manager"
                                + " and set source.secret-id.",
                        "Secret option 'source.ssl.key-store-password' is a program argument, which"
                                + " the Flink UI (JobManager configuration,"
                                + " $internal.application.program-args) and ps show. Put it in the"
                                + " --config-file properties file or a KDA property group"
                                + " instead.");
        assertThat(
                        CommandLineSecrets.warnings(
                                SinkOptions.ALL,
                                Settings.of(
                                        Map.of("sink.redshift.password", "p"),
                                        Origin.commandLine())))
                .singleElement()
                .asString()
                .endsWith("set sink.redshift.secret-id.");
        assertThat(
                        CommandLineSecrets.warnings(
                                SourceOptions.ALL, TestSettings.file("source.password=pw")))
                .isEmpty();
    }

    @Test
    void legacyKeysAreNamedAsTheUserWroteThem() {
        Map<String, String> values = validSource("password=pw-10");
        values.remove("source.password");
        Settings s =
                new ConfigLoader(SourceOptions.ALL)
                        .merge(List.of(Settings.of(values, Origin.commandLine())));
        assertThat(CommandLineSecrets.warnings(SourceOptions.ALL, s))
                .singleElement()
                .asString()
                .startsWith("Secret option 'password' is a program argument");
    }
}
