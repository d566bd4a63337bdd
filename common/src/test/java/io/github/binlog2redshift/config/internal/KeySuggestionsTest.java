package io.github.binlog2redshift.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {

    private static final List<String> KEYS =
            List.of("source.hostname", "source.server-id", "sink.redshift.iam-role", "db_list");

    @Test
    void suggestsNearKeysAndTreatsUnderscoreLikeDash() {
        assertThat(KeySuggestions.closest("source.hostnme", KEYS)).contains("source.hostname");
        assertThat(KeySuggestions.closest("source.server_id", KEYS)).contains("source.server-id");
        assertThat(KeySuggestions.closest("sink.redshift.iam_role", KEYS))
                .contains("sink.redshift.iam-role");
        assertThat(KeySuggestions.closest("db-list", KEYS)).contains("db_list");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(KeySuggestions.closest("completely.different", KEYS)).isEmpty();
    }

    @Test
    void levenshtein() {
        assertThat(KeySuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KeySuggestions.distance("", "abc")).isEqualTo(3);
    }
}
