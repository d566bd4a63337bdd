package io.github.binlog2redshift.sink.deadletter;

import io.github.binlog2redshift.config.ConfigException;
import java.util.Properties;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes dead letters (as {@link DeadLetter#toJson()}) to a Kafka topic and/or as JSON lines under
 * a path. The topic gets the original record key as its key, so a replay tool can re-key it as it
 * was; a letter too long for the producer is cut to a pointer and a prefix ({@link #record}). The
 * files keep every letter whole. The topic is written at least once (a duplicate dead letter is
 * harmless and needs no transactions); files are committed at checkpoints (exactly once).
 */
public final class DeadLetterSinks {

    /** Kafka's default, which a topic takes by default (broker message.max.bytes 1048588). */
    static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    /** A one-record batch's header and the record's framing (61 + at most 21 bytes + varints). */
    static final int FRAMING_BYTES = 128;

    private DeadLetterSinks() {}

    public static void attach(DataStream<DeadLetter> deadLetters, DeadLetterOptions options) {
        if (options.hasTopic()) {
            String topic = options.kafkaTopic();
            int maxRequestSize = maxRequestSize(options);
            KafkaRecordSerializationSchema<DeadLetter> schema =
                    (letter, context, timestamp) -> record(topic, letter, maxRequestSize);
            KafkaSink<DeadLetter> sink =
                    KafkaSink.<DeadLetter>builder()
                            .setBootstrapServers(options.kafkaBootstrapServers())
                            .setKafkaProducerConfig(producerProperties(options))
                            .setRecordSerializer(schema)
                            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                            .build();
            deadLetters.sinkTo(sink).name("dead-letter-kafka").uid("dead-letter-kafka");
        }
        if (options.hasPath()) {
            Encoder<DeadLetter> lines =
                    (letter, out) -> {
                        out.write(letter.toJson());
                        out.write('\n');
                    };
            FileSink<DeadLetter> sink =
                    FileSink.forRowFormat(new Path(options.path()), lines)
                            .withRollingPolicy(OnCheckpointRollingPolicy.build())
                            .build();
            deadLetters.sinkTo(sink).name("dead-letter-files").uid("dead-letter-files");
        }
    }

    /**
     * The dead letter as a record the producer takes: keyed by the original key unless that alone
     * would crowd out the letter, and cut to fit {@code max.request.size} ({@link
     * DeadLetter#toJson(int)}), or the producer would refuse it and fail the job, which would
     * reject the same record again after the restart.
     */
    static ProducerRecord<byte[], byte[]> record(
            String topic, DeadLetter letter, int maxRequestSize) {
        byte[] key = letter.record().key();
        if (key != null && key.length > maxRequestSize / 4) {
            key = null;
        }
        int room = maxRequestSize - FRAMING_BYTES - (key == null ? 0 : key.length);
        return new ProducerRecord<>(topic, key, letter.toJson(room));
    }

    /**
     * The dead-letter producer's {@code max.request.size}: the user's {@code
     * kafka.properties.max.request.size}, else Kafka's default of 1 MiB, set explicitly because the
     * letters are cut to it.
     */
    public static int maxRequestSize(DeadLetterOptions options) {
        String text = options.kafkaProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (text == null) {
            return DEFAULT_MAX_REQUEST_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size > 4 * FRAMING_BYTES) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(
                "Invalid value for 'kafka.properties.max.request.size': expected bytes above "
                        + 4 * FRAMING_BYTES
                        + ", got '"
                        + text
                        + "'");
    }

    static Properties producerProperties(DeadLetterOptions options) {
        Properties p = new Properties();
        p.putAll(options.kafkaProperties());
        p.setProperty(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(maxRequestSize(options)));
        return p;
    }
}
