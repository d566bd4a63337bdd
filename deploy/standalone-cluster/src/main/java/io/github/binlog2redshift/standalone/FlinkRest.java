package io.github.binlog2redshift.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few calls of Flink's REST API the test needs to watch jobs: the same endpoints the web UI and
 * {@code bin/flink list} use.
 */
public final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public FlinkRest(String base) {
        this.base = base;
    }

    /** The JSON answer of {@code GET path}; fails on any status but 200. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** RUNNING, FINISHED, FAILED, ... */
    public String jobState(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Whether every vertex of the job runs (a RUNNING job may still be deploying its tasks). */
    public boolean allTasksRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        // status-counts counts job vertices per state, not subtasks.
        return "RUNNING".equals(job.path("state").asText())
                && job.path("status-counts").path("RUNNING").asInt() == job.path("vertices").size();
    }

    /** Completed checkpoints of the job (savepoints included), as the checkpoint tab counts. */
    public long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** Why the job failed, from its exception history, or "" when it did not. */
    public String rootException(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/exceptions").path("root-exception").asText("");
    }
}
