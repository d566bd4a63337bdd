package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.TestSettings.validSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigReport;
import io.github.binlog2redshift.config.SecretText;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code sink.jdbc.url} may carry a password or, in the Redshift driver's IAM form, a secret access
 * key: neither shows in the configuration report, the config's toString or a config error.
 */
class JdbcUrlMaskingTest {

    /** AWS's own example of an IAM URL with keys (Redshift Management Guide), plus a password. */
    private static final String IAM_URL =
            "jdbc:redshift:iam://examplecluster:us-west-2/dev?AccessKeyID=AKIAIOSFODNN7EXAMPLE"
                    + "&SecretAccessKey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final String PASSWORD_URL =
            "jdbc:redshift://rs:5439/dev;UID=loader;PWD=hunter2-pwd;ssl=true";

    private static Map<String, String> withUrl(String url, String... extra) {
        Map<String, String> m = validSink(extra);
        m.remove("sink.redshift.host");
        m.remove("sink.redshift.database");
        m.put("sink.jdbc.url", url);
        return m;
    }

    @Test
    void theReportMasksTheUrlsSecrets() {
        String report =
                ConfigReport.describe(
                        SinkOptions.ALL, TestSettings.load(SinkOptions.ALL, withUrl(IAM_URL)));
        assertThat(report)
                .doesNotContain("wJalrXUtnFEMI")
                .contains("SecretAccessKey=<hidden>")
                .contains("jdbc:redshift:iam://examplecluster:us-west-2/dev");
        assertThat(SecretText.mask(PASSWORD_URL))
                .isEqualTo("jdbc:redshift://rs:5439/dev;UID=loader;PWD=<hidden>;ssl=true");
    }

    @Test
    void toStringMasksTheUrlsSecrets() {
        SinkConfig config =
                SinkConfig.from(TestSettings.load(SinkOptions.ALL, withUrl(PASSWORD_URL)));
        assertThat(config.connection().jdbcUrl()).contains(PASSWORD_URL);
        assertThat(config.connection().toString())
                .doesNotContain("hunter2")
                .contains("PWD=<hidden>");
        assertThat(config.toString()).doesNotContain("hunter2");
    }

    @Test
    void anErrorAboutTheUrlMasksItsSecrets() {
        assertThatThrownBy(
                        () ->
                                SinkConfig.from(
                                        TestSettings.load(
                                                SinkOptions.ALL,
                                                withUrl(
                                                        "jdbc:mysql://h/dev?user=u&password=hunter2-pw"))))
                .hasMessageContaining("'sink.jdbc.url'")
                .hasMessageContaining("password=<hidden>")
                .hasMessageNotContaining("hunter2");
        Map<String, String> iam = withUrl(IAM_URL, "sink.redshift.auth=IAM");
        iam.remove("sink.redshift.username");
        iam.remove("sink.redshift.password");
        iam.put("sink.redshift.ssl-mode", "VERIFY_FULL");
        assertThatThrownBy(() -> SinkConfig.from(TestSettings.load(SinkOptions.ALL, iam)))
                .hasMessageContaining("'sink.jdbc.url'")
                .hasMessageNotContaining("wJalrXUtnFEMI");
    }
}
