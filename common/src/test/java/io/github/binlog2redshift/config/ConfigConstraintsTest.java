package io.github.binlog2redshift.config;

import static io.github.binlog2redshift.config.TestSettings.file;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigConstraintsTest {

    private static final ConfigOption<String> A = RedshiftOptions.ACCESS_KEY_ID;
    private static final ConfigOption<String> B = RedshiftOptions.SECRET_ACCESS_KEY;
    private static final ConfigOption<String> ROLE = RedshiftOptions.IAM_ROLE;

    @Test
    void allOrNone() {
        assertThatCode(() -> ConfigConstraints.allOrNone(file(), A, B)).doesNotThrowAnyException();
        assertThatCode(
                        () ->
                                ConfigConstraints.allOrNone(
                                        file(
                                                "sink.redshift.access-key-id=k",
                                                "sink.redshift.secret-access-key=s"),
                                        A,
                                        B))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () ->
                                ConfigConstraints.allOrNone(
                                        file("sink.redshift.access-key-id=k"), A, B))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Options 'sink.redshift.access-key-id', 'sink.redshift.secret-access-key' must be set"
                                + " together or not at all, but only 'sink.redshift.access-key-id' (from"
                                + " properties file 'test.properties') set");
    }

    @Test
    void mutuallyExclusiveNamesBothOrigins() {
        Settings s =
                file("sink.redshift.iam-role=r")
                        .overriddenBy(
                                Settings.of(
                                        TestSettings.map("sink.redshift.access-key-id=k"),
                                        Origin.commandLine()));
        assertThatThrownBy(() -> ConfigConstraints.atMostOne(s, ROLE, A))
                .hasMessage(
                        "Options 'sink.redshift.iam-role' (from properties file 'test.properties') and"
                                + " 'sink.redshift.access-key-id' (from command line) are mutually exclusive;"
                                + " set only one");
    }

    @Test
    void exactlyOneRejectsNone() {
        assertThatThrownBy(() -> ConfigConstraints.exactlyOne(file(), ROLE, A))
                .hasMessage(
                        "Set exactly one of 'sink.redshift.iam-role', 'sink.redshift.access-key-id'; none is set");
    }

    @Test
    void forbidSaysWhy() {
        assertThatThrownBy(
                        () ->
                                ConfigConstraints.forbid(
                                        file("kafka.topic=t"),
                                        KafkaProducerOptions.TOPIC,
                                        "kafka.topic-routing is PER_TABLE"))
                .hasMessage(
                        "Option 'kafka.topic' (from properties file 'test.properties') must not be set"
                                + " when kafka.topic-routing is PER_TABLE");
    }
}
