package io.github.binlog2redshift.sink.deadletter;

import io.github.binlog2redshift.config.ConfigException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start that the dead-letter topic exists and takes the letters' size. A missing one (MSK
 * does not create topics on first write) would otherwise show only at the first rejected record,
 * possibly months later: the dead-letter producer then waits for the topic, fails, and the job
 * restarts and rejects the same record again, its checkpoints stalled meanwhile.
 *
 * <p>A check the sink's credentials may not make (DescribeTopic, DescribeConfigs) is logged, not
 * fatal: the sink may still be allowed to write.
 */
public final class DeadLetterTopicCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterTopicCheck.class);
    private static final long TIMEOUT_SECONDS = 30;

    private DeadLetterTopicCheck() {}

    /** Throws a {@link ConfigException} naming the topic and {@code sink.dead-letter.topic}. */
    public static void require(DeadLetterOptions options) {
        String topic = options.kafkaTopic();
        String servers = options.kafkaBootstrapServers();
        String named = "Dead-letter topic '" + topic + "' (sink.dead-letter.topic)";
        int maxRequestSize = DeadLetterSinks.maxRequestSize(options);
        try (Admin admin = Admin.create(adminProperties(options))) {
            admin.describeTopics(List.of(topic))
                    .topicNameValues()
                    .get(topic)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config =
                    admin.describeConfigs(List.of(resource))
                            .values()
                            .get(resource)
                            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null
                    && entry.value() != null
                    && Long.parseLong(entry.value()) < maxRequestSize) {
                throw new ConfigException(
                        named
                                + " takes records up to max.message.bytes="
                                + entry.value()
                                + ", less than the dead letters' max.request.size of "
                                + maxRequestSize
                                + " (kafka.properties.max.request.size): raise the topic's"
                                + " max.message.bytes or lower kafka.properties.max.request.size");
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                throw new ConfigException(
                        named
                                + " does not exist on "
                                + servers
                                + ": create it (MSK and brokers with"
                                + " auto.create.topics.enable=false do not create topics on"
                                + " first write), or set sink.dead-letter.path instead");
            }
            if (cause instanceof AuthorizationException) {
                LOG.warn(
                        "Cannot check {} (not authorized: {}); make sure it exists",
                        named,
                        cause.getMessage());
                return;
            }
            throw new ConfigException("Cannot check " + named + " on " + servers + ": " + cause);
        } catch (TimeoutException e) {
            throw new ConfigException(
                    "Cannot reach Kafka at "
                            + servers
                            + " within "
                            + TIMEOUT_SECONDS
                            + " s to check "
                            + named);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + named, e);
        }
    }

    private static Properties adminProperties(DeadLetterOptions options) {
        Properties p = new Properties();
        for (String name : AdminClientConfig.configNames()) {
            String value = options.kafkaProperties().get(name);
            if (value != null) {
                p.setProperty(name, value);
            }
        }
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrapServers());
        p.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "redshift-sink-dead-letter-check");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }
}
