package io.github.binlog2redshift.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.source.TestConfigs;
import org.junit.jupiter.api.Test;

class TopicSelectorTest {

    @Test
    void singleTopicForEverything() {
        TopicSelector s = TopicSelector.from(TestConfigs.source().kafka());
        assertThat(s.topicFor("Shop", "Orders")).isEqualTo("cdc");
        assertThat(s.deadLetterTopic()).isEqualTo("cdc.dlq");
    }

    @Test
    void perDatabaseAndPerTableAreLowerCasedLikeTheConfigRule() {
        SourceConfig perDb =
                TestConfigs.source(
                        "-kafka.topic",
                        "kafka.topic-routing=PER_DATABASE",
                        "kafka.topic-prefix=cdc_");
        assertThat(TopicSelector.from(perDb.kafka()).topicFor("Shop", "Orders"))
                .isEqualTo("cdc_shop");
        assertThat(TopicSelector.from(perDb.kafka()).deadLetterTopic()).isEqualTo("cdc_dlq");
        SourceConfig perTable =
                TestConfigs.source(
                        "-kafka.topic",
                        "kafka.topic-routing=PER_TABLE",
                        "kafka.topic-prefix=cdc.",
                        "kafka.dead-letter-topic=broken");
        TopicSelector s = TopicSelector.from(perTable.kafka());
        assertThat(s.topicFor("Shop", "Orders"))
                .isEqualTo("cdc.shop.orders")
                .isEqualTo(perTable.kafka().topicFor("Shop", "Orders"));
        assertThat(s.deadLetterTopic()).isEqualTo("broken");
    }

    @Test
    void charactersKafkaRejectsBecomeUnderscores() {
        TopicSelector s =
                new TopicSelector(
                        io.github.binlog2redshift.config.source.TopicRouting.PER_TABLE,
                        "cdc.",
                        "dlq");
        assertThat(s.topicFor("my db", "Tab$le")).isEqualTo("cdc.my_db.tab_le");
    }
}
