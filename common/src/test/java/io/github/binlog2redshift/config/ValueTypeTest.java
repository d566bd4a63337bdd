package io.github.binlog2redshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.source.StartupMode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

    @Test
    void parsesIntegersAndLongs() {
        assertThat(ValueType.integer().parse(" 42 ")).isEqualTo(42);
        assertThat(ValueType.longInteger().parse("4294967296")).isEqualTo(4294967296L);
        assertThatThrownBy(() -> ValueType.integer().parse("4x"))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ValueType.intAtLeast(1).parse("0")).hasMessage("must be >= 1");
        assertThat(ValueType.intAtLeast(1).describe()).isEqualTo("integer >= 1");
    }

    @Test
    void booleansAreStrict() {
        assertThat(ValueType.bool().parse("TRUE")).isTrue();
        assertThat(ValueType.bool().parse("false")).isFalse();
        for (String bad : List.of("ture", "yes", "1", "")) {
            assertThatThrownBy(() -> ValueType.bool().parse(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void durationsAcceptUnitsAndBareMillis() {
        ValueType<Duration> d = ValueType.duration();
        assertThat(d.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(d.parse("1 min")).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.parse("2 h")).isEqualTo(Duration.ofHours(2));
        assertThat(d.parse("30 seconds")).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.parse("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(d.format(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThatThrownBy(() -> d.parse("10 parsecs"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.parse("-5s")).hasMessage("must not be negative");
    }

    @Test
    void enumsIgnoreCaseDashesAndUnderscores() {
        ValueType<StartupMode> e = ValueType.enumOf(StartupMode.class);
        assertThat(e.parse("specific-offset")).isEqualTo(StartupMode.SPECIFIC_OFFSET);
        assertThat(e.parse("Specific_Offset")).isEqualTo(StartupMode.SPECIFIC_OFFSET);
        assertThat(e.parse("initial")).isEqualTo(StartupMode.INITIAL);
        assertThat(e.describe()).startsWith("one of INITIAL|SNAPSHOT|LATEST");
        assertThatThrownBy(() -> e.parse("intial")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsSplitOnCommasAndDropBlanks() {
        assertThat(ValueType.listOf(ValueType.string()).parse("a, b,,c "))
                .containsExactly("a", "b", "c");
        assertThat(ValueType.listOf(ValueType.intAtLeast(0)).parse("1,2")).containsExactly(1, 2);
        List<Pattern> regexes =
                ValueType.listOf(ValueType.regex()).parse("shop\\.orders_\\d+,crm\\..*");
        assertThat(regexes)
                .extracting(Pattern::pattern)
                .containsExactly("shop\\.orders_\\d+", "crm\\..*");
        assertThatThrownBy(() -> ValueType.regex().parse("orders_("))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyValueMapsSplitOnFirstEquals() {
        Map<String, String> m = ValueType.keyValues(';').parse("shop.a=id; shop.b=k=v");
        assertThat(m).containsExactlyInAnyOrderEntriesOf(Map.of("shop.a", "id", "shop.b", "k=v"));
        assertThatThrownBy(() -> ValueType.keyValues(';').parse("shop.a"))
                .hasMessageContaining("entry 'shop.a' is not key=value");
    }

    @Test
    void zoneIds() {
        assertThat(ValueType.zoneId().parse("Asia/Shanghai")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(ValueType.zoneId().parse("+08:00")).isEqualTo(ZoneId.of("+08:00"));
        assertThatThrownBy(() -> ValueType.zoneId().parse("Mars/Base"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
