package io.github.binlog2redshift.quickstart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What run-local prints after catch-up and before verify: the jobs' health and the dead letters.
 */
final class RunHealthReport {

    private static final Logger LOG = LoggerFactory.getLogger(RunHealthReport.class);

    private RunHealthReport() {}

    /**
     * Prints the jobs' restarts and conflicts and both jobs' dead letters; returns how many letters
     * there are. The dead-letter topics are read on the local Kafka only, which stops with the run;
     * a user's Kafka keeps them (with letters of earlier runs). Neither report stops verify: a
     * failure to read one is a line saying so (details in the log).
     */
    static int print(
            Pipeline pipeline,
            FlinkRest rest,
            PipelineJobs.JobIds jobs,
            List<String> keys,
            PrintStream out) {
        try {
            out.println(JobHealth.read(rest, jobs).line());
        } catch (IOException e) {
            out.println("jobs: restarts and conflicts unavailable (see the log file)");
            LOG.warn("Reading the jobs' restarts and conflicts failed", e);
        }
        if (!pipeline.localKafka()) {
            return 0;
        }
        String servers = pipeline.sink().kafka().bootstrapServers();
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(pipeline.source().kafka().deadLetterTopic(), "cdc-source");
        pipeline.sink().deadLetter().topic().ifPresent(t -> topics.putIfAbsent(t, "redshift-sink"));
        int count = 0;
        for (Map.Entry<String, String> topic : topics.entrySet()) {
            try {
                DeadLetterSummary letters =
                        DeadLetterSummary.read(servers, topic.getKey(), topic.getValue());
                letters.print(out);
                count += letters.count();
                keys.addAll(letters.keys());
            } catch (RuntimeException e) {
                out.println(
                        "dead letters of "
                                + topic.getValue()
                                + " ("
                                + topic.getKey()
                                + "):"
                                + " unavailable (see the log file)");
                LOG.warn("Reading the dead-letter topic {} failed", topic.getKey(), e);
            }
        }
        return count;
    }

    /** The letters' keys as verify's {@code --dead-lettered} file, one a line. */
    static Path writeKeys(List<String> keys) throws IOException {
        Path file = Files.createTempFile("b2r-dead-lettered-", ".keys");
        Files.write(file, keys, StandardCharsets.UTF_8);
        return file;
    }
}
