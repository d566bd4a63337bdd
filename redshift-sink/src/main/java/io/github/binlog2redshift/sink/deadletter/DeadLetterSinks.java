package io.github.binlog2redshift.sink.deadletter;

import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes dead letters (as {@link DeadLetter#toJson()}) to a Kafka topic and/or as JSON lines under
 * a path. The topic gets the original record key as its key, so a replay tool can re-key it as it
 * was. The topic is written at least once (a duplicate dead letter is harmless and needs no
 * transactions); files are committed at checkpoints (exactly once).
 */
public final class DeadLetterSinks {

    private DeadLetterSinks() {}

    public static void attach(DataStream<DeadLetter> deadLetters, DeadLetterOptions options) {
        if (options.hasTopic()) {
            String topic = options.kafkaTopic();
            KafkaRecordSerializationSchema<DeadLetter> schema =
                    (letter, context, timestamp) ->
                            new ProducerRecord<>(topic, letter.record().key(), letter.toJson());
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

    private static java.util.Properties producerProperties(DeadLetterOptions options) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(options.kafkaProperties());
        return p;
    }
}
