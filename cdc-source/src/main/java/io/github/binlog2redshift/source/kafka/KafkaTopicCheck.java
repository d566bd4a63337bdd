package io.github.binlog2redshift.source.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks at start that the topics the job writes exist and take its largest record. Without it, a
 * missing topic (MSK does not create topics automatically) or one whose {@code max.message.bytes}
 * is below the producer's {@code max.request.size} shows only when the first record for it is sent:
 * the KafkaSink then waits for metadata, fails, and the job restarts at the same binlog position,
 * for ever. A dead-letter topic may be written for the first time months later.
 *
 * <p>A check the job's credentials may not make (no DescribeTopic / DescribeConfigs permission) is
 * a warning, not a problem: the job may still be allowed to write.
 */
public final class KafkaTopicCheck {

    private static final long TIMEOUT_SECONDS = 30;

    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private KafkaTopicCheck() {}

    /**
     * @param producerProperties the producer's client properties (bootstrap servers, security)
     * @param topics each topic with the option that names it, for messages
     * @param maxRequestSize the producer's {@code max.request.size}
     */
    public static KafkaTopicCheck run(
            Properties producerProperties, Map<String, String> topics, int maxRequestSize) {
        KafkaTopicCheck check = new KafkaTopicCheck();
        String servers = producerProperties.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(adminProperties(producerProperties))) {
            for (Map.Entry<String, String> t : topics.entrySet()) {
                check.topic(admin, servers, t.getKey(), t.getValue(), maxRequestSize);
            }
        } catch (TimeoutException e) {
            check.problems.add(
                    "cannot reach Kafka at "
                            + servers
                            + " within "
                            + TIMEOUT_SECONDS
                            + " s to check the topics "
                            + topics.keySet()
                            + " (kafka.bootstrap-servers, kafka.properties.*)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka topics", e);
        }
        return check;
    }

    /** What stops the job, one sentence each, naming the topic and option. */
    public List<String> problems() {
        return problems;
    }

    /** Checks that could not be made. */
    public List<String> warnings() {
        return warnings;
    }

    private void topic(Admin admin, String servers, String topic, String option, int maxRequestSize)
            throws TimeoutException, InterruptedException {
        String named = "Kafka topic '" + topic + "' (" + option + ")";
        try {
            await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = await(admin.describeConfigs(List.of(resource)).values().get(resource));
            ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null
                    && entry.value() != null
                    && Long.parseLong(entry.value()) < maxRequestSize) {
                problems.add(
                        named
                                + " takes records up to max.message.bytes="
                                + entry.value()
                                + ", less than the producer's max.request.size of "
                                + maxRequestSize
                                + " (kafka.properties.max.request.size): a change between the"
                                + " two sizes would be refused by the broker and stop the job;"
                                + " raise the topic's max.message.bytes to at least "
                                + maxRequestSize
                                + " or lower kafka.properties.max.request.size");
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                problems.add(
                        named
                                + " does not exist on "
                                + servers
                                + ": create it (MSK and brokers with"
                                + " auto.create.topics.enable=false do not create topics on"
                                + " first write)");
            } else if (cause instanceof AuthorizationException) {
                warnings.add(
                        "cannot check "
                                + named
                                + " (not authorized: "
                                + cause.getMessage()
                                + "); make sure it exists and takes records of "
                                + maxRequestSize
                                + " bytes");
            } else {
                problems.add("cannot check " + named + " on " + servers + ": " + cause);
            }
        }
    }

    private static <T> T await(KafkaFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The client settings an admin client knows (bootstrap, security), without the rest. */
    private static Properties adminProperties(Properties producerProperties) {
        Properties p = new Properties();
        for (String name : AdminClientConfig.configNames()) {
            String value = producerProperties.getProperty(name);
            if (value != null) {
                p.setProperty(name, value);
            }
        }
        p.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-source-topic-check");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }
}
